package org.tune4j.models.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.models.store.Rows.COLUMNS;
import static org.tune4j.models.store.Rows.key;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manifest of a run: written atomically, read back equal, pointing at the right bytes; damage named by line. */
class ManifestTest {
  @TempDir
  Path root;

  static final List<String> ITEMS = List.of("images/cat/1.jpg", "a, \"quoted\" name.png", "line\nbreak.jpg",
      "ünïcødé/é.jpg", "images/dog/5.jpg", "");

  /** Images 4, 0, 2, 0, 5, 1 of a store in shards of 2 (the run's order, image 0 twice). */
  static final int[] RUN = {4, 0, 2, 0, 5, 1};

  Manifest manifest(ShardStore store) {
    List<String> keys = new ArrayList<>();
    for (int image : RUN) {
      keys.add(key(image));
    }
    return store.manifest(keys, row -> ITEMS.get(row), row -> row % 2 == 0 ? "cat" : "dog, or not");
  }

  ShardStore store() {
    ShardStore store = ShardStore.open(root, "resnet50, \"imagenet\" avg 32x32");
    Rows.write(store, 0, 6, 2);
    return store;
  }

  @Test
  void aManifestRoundTripsAndPointsAtEachRowsBytes() throws IOException {
    ShardStore store = store();
    Manifest m = manifest(store);
    Path file = root.resolve("run/features.csv");
    m.write(file);
    Manifest back = Manifest.read(file);
    assertEquals(m, back);
    assertEquals(List.of(store.storeKey(), COLUMNS, 6, 3), List.of(back.storeKey(), back.columns(), back.rows().size(),
        back.shards().size()));
    for (Manifest.Shard s : back.shards()) {
      byte[] bytes = Files.readAllBytes(store.folder().resolve(s.file()));
      assertEquals(ByteBuffer.wrap(bytes).getLong(bytes.length - 8), s.crc32(), "the shard's stored CRC32");
    }
    for (Manifest.Row r : back.rows()) {
      assertEquals(key(RUN[r.row()]), r.contentKey());
      assertEquals(ITEMS.get(r.row()), r.item());
      Manifest.Shard s = back.shards().stream().filter(x -> x.file().equals(r.shard())).findFirst().orElseThrow();
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(store.folder().resolve(s.file()))).order(ByteOrder.LITTLE_ENDIAN);
      float[] values = new float[COLUMNS];
      b.position((int) (s.dataOffset() + 4L * COLUMNS * r.shardRow())).asFloatBuffer().get(values);
      Rows.assertRows(new int[] {RUN[r.row()]}, values, COLUMNS);
    }
    m.write(file);
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(List.of(file), s.toList(), "written over, no temporary file left");
    }
  }

  @Test
  void theFileIsTheDocumentedCsv() throws IOException {
    ShardStore store = store();
    Path file = root.resolve("features.csv");
    manifest(store).write(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("format,version,store_key,columns,rows,shards", lines.get(0));
    assertEquals("tune4j-feature-manifest,1,\"resnet50, \"\"imagenet\"\" avg 32x32\",5,6,3", lines.get(1));
    assertEquals("shard,crc32,rows,data_offset", lines.get(2));
    assertTrue(lines.get(3).matches("shard-[0-9a-f-]{36}\\.t4js,[0-9a-f]{8},2,"
        + (20 + store.storeKey().getBytes(StandardCharsets.UTF_8).length + 2 * 32)), lines.get(3));
    assertEquals("row,item,content_key,label,shard,shard_row", lines.get(6));
    assertTrue(lines.get(7).startsWith("0,images/cat/1.jpg," + key(4) + ",cat,shard-"), lines.get(7));
  }

  /**
   * Damages line {@code line} (1-based) by replacing its comma-separated part {@code field} (0-based) with {@code
   * value}; the store key on line 2 has a comma, so columns is part 4 there.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1|0|formats|line 1: the manifest's first record is formats,version",
      "2|0|parquet|line 2: \"parquet\" is not tune4j-feature-manifest",
      "2|1|2|line 2: manifest version 2, this tune4j reads version 1",
      "2|4|-5|line 2: columns \"-5\" is not a whole number from 1 to 2147483647",
      "4|1|xyz|line 4: crc32 \"xyz\" is not 8 lower-case hex digits",
      "4|2|0|line 4: rows \"0\" is not a whole number from 1",
      "5|3|-1|line 5: data_offset \"-1\" is not a whole number of bytes from 0",
      "8|0|7|line 8: row 7 is where row 0 belongs",
      "12|2|5E88|line 12: content key \"5E88\" is not a SHA-256 digest",
      "8|4|shard-gone.t4js|line 8: row 0 is read from shard shard-gone.t4js, which the manifest does not list",
      "8|5|2|line 8: row 0 is row 2 of shard",
      "13|5|one|line 13: shard_row \"one\" is not a whole number"})
  void aDamagedLineIsNamed(int line, int field, String value, String expected) throws IOException {
    Path file = root.resolve("features.csv");
    manifest(store()).write(file);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    List<String> fields = new ArrayList<>(List.of(lines.get(line - 1).split(",", -1)));
    fields.set(field, value);
    lines.set(line - 1, String.join(",", fields));
    Files.write(file, lines, StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(file));
    assertTrue(e.getMessage().startsWith("feature manifest " + file + ": " + expected), e.getMessage());
  }

  @Test
  void aTruncatedOrLongerManifestIsNamed() throws IOException {
    Path file = root.resolve("features.csv");
    manifest(store()).write(file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1));
    IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> Manifest.read(file));
    assertTrue(cut.getMessage().endsWith("the file ends where row 5 of the 6 announced belongs (truncated); write the"
        + " manifest again"), cut.getMessage());
    Files.writeString(file, text + "6,x," + key(1) + ",cat,shard-a.t4js,0\n");
    IllegalArgumentException longer = assertThrows(IllegalArgumentException.class, () -> Manifest.read(file));
    assertTrue(longer.getMessage().contains(": line 15: a record after the 6 rows the manifest announces"),
        longer.getMessage());
  }

  @Test
  void aManifestOfMissingRowsOrInconsistentPartsIsRefused() {
    ShardStore store = store();
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> store.manifest(List.of(key(0), key(9)), r -> "", r -> ""));
    assertTrue(missing.getMessage().startsWith("1 of 2 rows have no stored features (the first: " + key(9)));
    Manifest.Shard shard = new Manifest.Shard("shard-a.t4js", 1, 2, 90);
    Manifest.Row row = new Manifest.Row(0, "x", key(0), "cat", "shard-a.t4js", 2);
    assertEquals("row 0 is row 2 of shard shard-a.t4js, which has 2 rows", assertThrows(IllegalArgumentException.class,
        () -> Manifest.of("k", COLUMNS, List.of(shard), List.of(row))).getMessage());
    assertEquals("shard file \"a/b.t4js\" must be a file name", assertThrows(IllegalArgumentException.class,
        () -> new Manifest.Shard("a/b.t4js", 1, 2, 90)).getMessage());
  }
}
