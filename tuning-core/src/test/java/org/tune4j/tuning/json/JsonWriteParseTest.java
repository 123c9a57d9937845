package org.tune4j.tuning.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonWriteParseTest {

  /** How many random bit patterns the double round-trip test tries. */
  private static final int RANDOM_DOUBLES = 20_000;

  @Test
  void writesPrettyDeterministicText() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", List.of());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", "grid");
    root.put("levels", List.of(1, 2.5, "x", true));
    root.put("rows", List.of(inner, Map.of()));
    root.put("none", null);
    String expected = "{\n"
        + "  \"name\": \"grid\",\n"
        + "  \"levels\": [1, 2.5, \"x\", true],\n"
        + "  \"rows\": [\n"
        + "    {\n"
        + "      \"z\": 1,\n"
        + "      \"a\": []\n"
        + "    },\n"
        + "    {}\n"
        + "  ],\n"
        + "  \"none\": null\n"
        + "}\n";
    assertEquals(expected, Json.write(root));
    assertEquals(expected, Json.write(root), "same input, same text");
    assertEquals(expected, Json.write(Json.parse(expected)), "write(parse(text)) is text");
    assertEquals("7\n", Json.write(7));
  }

  @Test
  void nestedValuesRoundTripWithParsedTypes() {
    Map<String, Object> leaf = new LinkedHashMap<>();
    leaf.put("unicode", "héllo ✓ 😀 \u2028");
    leaf.put("escapes", "quote\" backslash\\ slash/ \n\r\t\b\f \u0001\u001f");
    leaf.put("long", Long.MAX_VALUE);
    leaf.put("min", Long.MIN_VALUE);
    leaf.put("flag", false);
    leaf.put("nothing", null);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("list", new ArrayList<>(List.of(1L, -2L, 0.5, new ArrayList<>(List.of("a")))));
    root.put("leaf", leaf);
    root.put("", "empty key");
    Object back = Json.parse(Json.write(root));
    assertEquals(root, back);
    assertInstanceOf(LinkedHashMap.class, back);
    assertEquals(List.of("list", "leaf", ""), new ArrayList<>(((Map<?, ?>) back).keySet()));
    assertInstanceOf(ArrayList.class, ((Map<?, ?>) back).get("list"));
  }

  @Test
  void integersReadAsLongOthersAsDouble() {
    assertEquals(5L, Json.parse(Json.write(5)));
    assertEquals(5L, Json.parse("5"));
    assertEquals(0L, Json.parse("-0"), "-0 is an integer literal, read as Long 0");
    assertEquals(5.0, Json.parse("5.0"));
    assertEquals(500.0, Json.parse("5E2"));
    assertEquals(0.05, Json.parse("5e-2"));
    assertEquals(1.2345678901234567e19, Json.parse("12345678901234567890"),
        "beyond the long range becomes a Double");
    assertEquals(0.0, Json.parse("1e-400"), "underflow reads as zero");
  }

  @Test
  void escapesControlCharactersPerRfc8259() {
    assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u001f é/\"\n",
        Json.write("a\"b\\c\n\t\u0001\u001f é/"));
    assertEquals("é😀/\"", Json.parse("\"\\u00e9\\ud83d\\ude00\\/\\\"\""));
  }

  @Test
  void doublesUseShortestRoundTrippingDigits() {
    assertEquals("1e-10\n", Json.write(1e-10));
    assertEquals("0.1\n", Json.write(0.1));
    assertEquals("1.0\n", Json.write(1.0));
    assertEquals("0.001\n", Json.write(0.001));
    assertEquals("0.002\n", Json.write(2e-3), "JDK 17's Double.toString gives 0.0020");
    assertEquals("1234567.5\n", Json.write(1234567.5));
    assertEquals("1e7\n", Json.write(1e7));
    assertEquals("-1.5e300\n", Json.write(-1.5e300));
    assertEquals("1e23\n", Json.write(1e23));
    assertEquals("2e23\n", Json.write(2e23));
    assertEquals("3.162277660168379e-6\n", Json.write(Math.pow(10, -5.5)),
        "16 digits; JDK 17's Double.toString gives 17: 3.1622776601683795E-6");
    assertEquals("5e-324\n", Json.write(Double.MIN_VALUE), "one digit suffices");
    assertEquals("0.1\n", Json.write(0.1f), "floats use float digits");
    assertEquals(List.of(1e-10, Math.pow(10, -5.5), 0.1, Double.MAX_VALUE, Double.MIN_VALUE),
        Json.parse(Json.write(List.of(1e-10, Math.pow(10, -5.5), 0.1, Double.MAX_VALUE,
            Double.MIN_VALUE))));
  }

  @Test
  void negativeZeroKeepsItsSign() {
    assertEquals("-0.0\n", Json.write(-0.0));
    assertEquals("0.0\n", Json.write(0.0));
    Object back = Json.parse(Json.write(-0.0));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back));
  }

  @Test
  void randomDoublesRoundTripBitForBit() {
    SplittableRandom random = new SplittableRandom(20240601L);
    for (int i = 0; i < RANDOM_DOUBLES; i++) {
      double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
          : random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
      if (!Double.isFinite(d)) {
        continue;
      }
      String text = Json.write(d).trim();
      Object back = Json.parse(text);
      assertInstanceOf(Double.class, back, text);
      assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) back),
          text);
      String jdk = Double.toString(Math.abs(d)).replaceFirst("E.*", "").replace(".", "")
          .replaceFirst("^0+", "").replaceFirst("0+$", "");
      String ours = text.replace("-", "").replaceFirst("e.*", "").replace(".", "")
          .replaceFirst("^0+", "").replaceFirst("0+$", "");
      assertTrue(ours.length() <= Math.max(1, jdk.length()),
          "never more digits than Double.toString: " + text + " vs " + d);
    }
  }

  @Test
  void nanAndInfinityAreRejectedWithThePath() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("learn_rate", Double.NaN);
    List<Object> candidates = new ArrayList<>(Arrays.asList(Map.of(), Map.of(), Map.of(), bad));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Json.write(Map.of("candidates", candidates)));
    assertEquals("value at $.candidates[3].learn_rate is NaN; JSON has no NaN or Infinity,"
        + " give a finite number (or leave the value out)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Json.write(List.of(Map.of("odd key", Float.NEGATIVE_INFINITY))));
    assertEquals("value at $[0][\"odd key\"] is -Infinity; JSON has no NaN or Infinity,"
        + " give a finite number (or leave the value out)", e.getMessage());
  }

  @Test
  void unsupportedValuesAreRejectedWithThePath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Json.write(Map.of("when", new java.util.Date(0))));
    assertEquals("value at $.when is a java.util.Date; JSON can hold Map, List, String,"
        + " Integer, Long, Double, Float, Boolean or null", e.getMessage());
    Map<Object, Object> numericKey = new LinkedHashMap<>();
    numericKey.put(1, "x");
    e = assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(numericKey)));
    assertEquals("map key 1 at $[0] is a java.lang.Integer; JSON object keys must be strings",
        e.getMessage());
  }
}
