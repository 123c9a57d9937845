package org.tune4j.models.data;

import java.util.List;

/**
 * How one CIFAR binary version is laid out: its members, its record format and where its class
 * names are. Immutable.
 *
 * @param title "CIFAR-10" or "CIFAR-100", for messages
 * @param archive the published archive
 * @param folder the folder the archive extracts to
 * @param trainMembers the training files, in order
 * @param testMember the test file
 * @param labelBytes label bytes before each record's 3,072 pixels
 * @param labelIndex which of them is the label read
 * @param namesMember the text file with one class name per line
 * @param defaultLevels the class names when that file is absent, or an empty list when it is required
 * @param levelCount how many classes the label read has
 */
record CifarLayout(String title, PublishedFile archive, String folder, List<String> trainMembers,
    String testMember, int labelBytes, int labelIndex, String namesMember, List<String> defaultLevels,
    int levelCount) {

  /** Pixel bytes per record: 32 × 32 × 3, channel after channel (R, G, B), each row-major. */
  static final int PIXELS = 3 * 32 * 32;

  CifarLayout {
    trainMembers = List.copyOf(trainMembers);
    defaultLevels = List.copyOf(defaultLevels);
  }

  int recordSize() {
    return labelBytes + PIXELS;
  }

  List<String> members() {
    List<String> all = new java.util.ArrayList<>(trainMembers);
    all.add(testMember);
    all.add(namesMember);
    return all;
  }
}
