package org.tune4j.models.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.ColorMode;
import org.tune4j.models.data.ImageOptions;

/** Content keys of files: their bytes' SHA-256, the same whatever else the folder holds, all at once on a pool. */
class ContentKeysTest {
  @TempDir Path root;

  static final ImageOptions OPTIONS = ImageOptions.of(ColorMode.RGB).resize(8, 8);

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** Key by file name, computed on the pool. */
  static Map<String, String> keysByFile(ImageSource source) {
    List<String> keys = ContentKeys.all(source, 3);
    return IntStream.range(0, source.size()).boxed()
        .collect(Collectors.toMap(r -> root(source.item(r)), keys::get));
  }

  private static String root(String item) {
    Path p = Path.of(item);
    return p.getParent().getFileName() + "/" + p.getFileName();
  }

  @Test
  void allKeysOnAPoolAreTheFilesHashesInRowOrder() throws Exception {
    for (int i = 0; i < 150; i++) {                    // more than one task of 64 rows
      ImageSourcesTest.image(root.resolve((i % 2 == 0 ? "cat/" : "dog/") + String.format("%03d.png", i)), i);
    }
    ImageSource source = ImageSources.folder(root, OPTIONS);
    List<String> keys = ContentKeys.all(source, 2);
    assertEquals(150, keys.size());
    for (int r = 0; r < source.size(); r += 17) {
      assertEquals(sha256(Path.of(source.item(r))), keys.get(r), source.item(r));
      assertEquals(keys.get(r), source.contentKey(r));
    }
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("tune4j-hash-") && t.isAlive()), "the pool's threads end with the call");
  }

  @Test
  void aFolderThatGainsImagesKeepsTheOthersKeysAndAChangedFileGetsANewOne() throws IOException {
    for (int i = 0; i < 4; i++) {
      ImageSourcesTest.image(root.resolve("cat/" + i + ".png"), i);
      ImageSourcesTest.image(root.resolve("dog/" + i + ".jpg"), 10 + i);
    }
    Map<String, String> before = keysByFile(ImageSources.folder(root, OPTIONS));
    ImageSourcesTest.image(root.resolve("bird/0.png"), 40);       // a new class that sorts first
    ImageSourcesTest.image(root.resolve("cat/00.png"), 41);
    Map<String, String> after = keysByFile(ImageSources.folder(root, OPTIONS));
    assertEquals(10, after.size());
    before.forEach((file, key) -> assertEquals(key, after.get(file), file + " keeps its key"));
    assertFalse(before.containsValue(after.get("bird/0.png")));
    assertFalse(before.containsValue(after.get("cat/00.png")));
    ImageSourcesTest.image(root.resolve("dog/2.jpg"), 99);
    Map<String, String> changed = keysByFile(ImageSources.folder(root, OPTIONS));
    assertTrue(!changed.get("dog/2.jpg").equals(after.get("dog/2.jpg")), "changed bytes, changed key");
    Map<String, String> rest = changed.entrySet().stream().filter(e -> !e.getKey().equals("dog/2.jpg"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    rest.forEach((file, key) -> assertEquals(after.get(file), key, file));
  }

  @Test
  void theFirstUnreadableRowInRowOrderIsThrown() throws IOException {
    for (int i = 0; i < 130; i++) {
      ImageSourcesTest.image(root.resolve("cat/" + String.format("%03d.png", i)), i);
    }
    ImageSource source = ImageSources.folder(root, OPTIONS);
    Files.delete(root.resolve("cat/120.png"));
    Files.delete(root.resolve("cat/070.png"));
    UnreadableRowException e = assertThrows(UnreadableRowException.class, () -> ContentKeys.all(source, 3));
    assertEquals(70, e.row());
    assertTrue(e.getMessage().startsWith("image " + root.resolve("cat/070.png") + " (row 70) cannot be read: cannot"
        + " read its bytes"), e.getMessage());
    IllegalArgumentException threads = assertThrows(IllegalArgumentException.class, () -> ContentKeys.all(source, 0));
    assertEquals("threads = 0 must be at least 1", threads.getMessage());
  }
}
