package org.tune4j.models.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files of one split of a CIFAR binary version on disk, for reading its records on demand
 * (what {@code ImageSources.cifar10} does) rather than whole ({@link Cifar}).
 *
 * <p>From a folder the files are used where they are (the folder, or its {@code cifar-10-batches-bin}
 * / {@code cifar-100-binary} sub-folder). An archive's {@code .bin} and {@code .txt} members (both
 * splits, both CIFAR-100 label kinds) are extracted once, flat, member by member as it
 * streams (never held whole in memory), into a temporary folder that is then renamed to the
 * extraction folder: a folder that exists is complete. The extraction folder remembers the
 * archive's name, size and modification time; when the archive is replaced, the old folder is
 * refused with a message saying to delete it. Immutable and thread-safe; extracting is safe when
 * several processes race (one rename wins, the others use its folder).
 *
 * <pre>{@code
 * Path archive = Path.of("cifar-10-binary.tar.gz");
 * CifarFiles train = CifarFiles.cifar10(archive, "train", CifarFiles.besideArchive(archive));
 * }</pre>
 *
 * @param title "CIFAR-10" or "CIFAR-100", for messages
 * @param files the split's member files, in record order
 * @param labelBytes label bytes before each record's 3,072 pixel bytes (1 or 2)
 * @param labelIndex which label byte is the label
 * @param levels the class names, in label order
 */
public record CifarFiles(String title, List<Path> files, int labelBytes, int labelIndex, List<String> levels) {
  /** Pixel bytes per record: 32 × 32 × 3, channel after channel (R, G, B), each row-major. */
  public static final int PIXEL_BYTES = CifarLayout.PIXELS;

  private static final String MARKER = ".tune4j-extracted-from";

  /** Copies the lists and checks the label position. */
  public CifarFiles {
    Objects.requireNonNull(title, "title");
    files = List.copyOf(files);
    levels = List.copyOf(levels);
    if (files.isEmpty()) {
      throw new IllegalArgumentException(title + " split has no files; give at least one member file");
    }
    if (labelBytes < 1 || labelIndex < 0 || labelIndex >= labelBytes) {
      throw new IllegalArgumentException("label byte " + labelIndex + " of " + labelBytes
          + " is not a label position; use 0 of 1 (CIFAR-10) or 0 or 1 of 2 (CIFAR-100)");
    }
  }

  /** Bytes per record: the label bytes and {@link #PIXEL_BYTES}. */
  public int recordBytes() {
    return labelBytes + PIXEL_BYTES;
  }

  /**
   * CIFAR-10's {@code "train"} (five batches, in order) or {@code "test"} files, from the extracted
   * folder or the archive (extracted into {@code extractTo} unless already there).
   *
   * @throws IllegalArgumentException naming the split, the missing member or file, or the stale folder
   */
  public static CifarFiles cifar10(Path archiveOrFolder, String split, Path extractTo) {
    return locate(archiveOrFolder, split, extractTo, Cifar.CIFAR10);
  }

  /**
   * CIFAR-100's {@code "train"} or {@code "test"} file with fine or coarse labels, as {@link #cifar10}.
   *
   * @throws IllegalArgumentException as {@link #cifar10}, or when the label names file is missing
   */
  public static CifarFiles cifar100(Path archiveOrFolder, Cifar.Labels labels, String split, Path extractTo) {
    return locate(archiveOrFolder, split, extractTo, Cifar.cifar100(Objects.requireNonNull(labels, "labels")));
  }

  /** The default extraction folder: beside the archive, named after it ({@code cifar-10-binary-extracted}). */
  public static Path besideArchive(Path archive) {
    String name = archive.getFileName().toString();
    for (String ext : new String[] {".tar.gz", ".tgz", ".tar"}) {
      if (name.endsWith(ext) && name.length() > ext.length()) {
        name = name.substring(0, name.length() - ext.length());
        break;
      }
    }
    return archive.toAbsolutePath().resolveSibling(name + "-extracted");
  }

  private static CifarFiles locate(Path source, String split, Path extractTo, CifarLayout layout) {
    List<String> members = switch (Objects.requireNonNull(split, "split")) {
      case "train" -> layout.trainMembers();
      case "test" -> List.of(layout.testMember());
      default -> throw new IllegalArgumentException("split \"" + split + "\" is not a " + layout.title()
          + " split; choose from: train, test");
    };
    Path dir;
    if (Files.isDirectory(source)) {
      dir = Files.isDirectory(source.resolve(layout.folder())) ? source.resolve(layout.folder()) : source;
    } else if (Files.isRegularFile(source)) {
      dir = extracted(source, Objects.requireNonNull(extractTo, "extractTo"), layout);
    } else {
      throw new IllegalArgumentException(layout.title() + " archive or folder " + source + " does not exist; pass "
          + layout.archive().fileName() + " or the folder it extracts to");
    }
    List<Path> files = members.stream().map(dir::resolve).toList();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException(layout.title() + " file " + f + " does not exist; put the files"
            + " extracted from " + layout.archive().fileName() + " (" + String.join(", ", layout.trainMembers())
            + ", " + layout.testMember() + ") in " + dir + ", or pass the archive itself");
      }
    }
    Path names = dir.resolve(layout.namesMember());
    byte[] nameBytes = null;
    if (Files.isRegularFile(names)) {
      try {
        nameBytes = Files.readAllBytes(names);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + names + ": " + e.getMessage(), e);
      }
    }
    List<String> levels = Cifar.levels(nameBytes, names.toString(), source, layout);
    return new CifarFiles(layout.title(), files, layout.labelBytes(), layout.labelIndex(), levels);
  }

  /** The extraction folder of {@code archive}, extracting it first when it does not exist yet. */
  private static Path extracted(Path archive, Path target, CifarLayout layout) {
    String stamp = stamp(archive);
    if (!Files.isDirectory(target)) {
      extract(archive, target, layout, stamp);
    }
    Path marker = target.resolve(MARKER);
    String found;
    try {
      found = Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + marker + ": " + e.getMessage(), e);
    }
    if (!found.equals(stamp)) {
      throw new IllegalArgumentException("extraction folder " + target + " does not hold the files of " + archive
          + " as it is now (" + (found.isEmpty() ? "it was not made by tune4j" : "the archive changed since") + ");"
          + " delete the folder to extract the archive again, or give another extraction folder");
    }
    return target;
  }

  private static String stamp(Path archive) {
    try {
      return archive.getFileName() + "\n" + Files.size(archive) + "\n" + Files.getLastModifiedTime(archive).toMillis()
          + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + archive + ": " + e.getMessage(), e);
    }
  }

  private static void extract(Path archive, Path target, CifarLayout layout, String stamp) {
    Path parent = target.toAbsolutePath().getParent();
    Path tmp;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("cannot extract " + archive + " into " + target + ": " + parent
          + " is not writable; give an extraction folder you can write, or extract the archive yourself and pass"
          + " the folder", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder in " + parent + ": " + e.getMessage(), e);
    }
    try {
      TarArchive.forEach(archive, (name, size, content) -> {   // every data and names file: both label kinds
        String base = name.substring(name.lastIndexOf('/') + 1);
        Path out = tmp.resolve(base);
        if ((base.endsWith(".bin") || base.endsWith(".txt")) && !base.startsWith(".") && !Files.exists(out)) {
          Files.copy(content, out);
        }
      });
      for (String member : layout.members()) {
        if (!member.equals(layout.namesMember()) && !Files.isRegularFile(tmp.resolve(member))) {
          throw new IllegalArgumentException("archive " + archive + " has no member " + layout.folder() + "/"
              + member + ": it is not the " + layout.title() + " binary version (" + layout.archive().fileName()
              + "; the Python and MATLAB versions have other members)");
        }
      }
      Files.writeString(tmp.resolve(MARKER), stamp, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        // another process extracted it first: its folder is complete, ours is removed below
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + archive + " into " + tmp + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder is harmless: its name starts with a dot and it is never read
    }
  }
}
