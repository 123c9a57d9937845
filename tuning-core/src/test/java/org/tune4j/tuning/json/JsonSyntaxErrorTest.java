package org.tune4j.tuning.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSyntaxErrorTest {

  static Stream<Arguments> errors() {
    String valueKinds = "expected a value (object, array, string, number, true, false or null),"
        + " found ";
    return Stream.of(
        Arguments.of("", 1, 1, "expected a value, found end of input"),
        Arguments.of("  \n ", 2, 2, "expected a value, found end of input"),
        Arguments.of("{\n  \"a\": 1,\n  \"b\": 2 x\n}", 3, 10,
            "expected ',' or '}' after object member, found 'x'"),
        Arguments.of("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3,
            "expected ',' or '}' after object member, found '\"'"),
        Arguments.of("[1, 2 3]", 1, 7, "expected ',' or ']' after array element, found '3'"),
        Arguments.of("[1, 2,]", 1, 7, valueKinds + "']'"),
        Arguments.of("[1, 2", 1, 6, "expected ',' or ']' after array element, found end of input"),
        Arguments.of("{\"a\" 1}", 1, 6, "expected ':' after object key, found '1'"),
        Arguments.of("{1: 2}", 1, 2, "expected '\"' to start an object key, found '1'"),
        Arguments.of("{\"a\": 1,}", 1, 9, "expected '\"' to start an object key, found '}'"),
        Arguments.of("{\"id\": 1,\n \"id\": 2}", 2, 2,
            "duplicate key \"id\" in object; keys must be unique"),
        Arguments.of("012", 1, 2, "leading zero in number; write 0 alone or drop the zero"),
        Arguments.of("-", 1, 2, "expected a digit after '-', found end of input"),
        Arguments.of("+1", 1, 1, valueKinds + "'+'"),
        Arguments.of("1.", 1, 3, "expected a digit after '.' in number, found end of input"),
        Arguments.of(".5", 1, 1, valueKinds + "'.'"),
        Arguments.of("1e+", 1, 4, "expected a digit in number exponent, found end of input"),
        Arguments.of("[1e400]", 1, 2, "number 1e400 is outside the double range"),
        Arguments.of("NaN", 1, 1, valueKinds + "'N'"),
        Arguments.of("tru", 1, 1, valueKinds + "'t'"),
        Arguments.of("\"abc", 1, 5, "unterminated string, found end of input; close it with '\"'"),
        Arguments.of("\"a\tb\"", 1, 3, "unescaped control character U+0009 in string; write it"
            + " as an escape such as \\n or \\u00XX"),
        Arguments.of("\"\\x\"", 1, 3, "invalid escape '\\x' in string; use one of \\\" \\\\ \\/"
            + " \\b \\f \\n \\r \\t \\uXXXX"),
        Arguments.of("\"\\u12G4\"", 1, 6, "expected 4 hex digits after \\u, found 'G'"),
        Arguments.of("[1] 2", 1, 5, "expected end of input after the top-level value, found '2'"),
        Arguments.of("[\r\n1,\r\nx]", 3, 1, valueKinds + "'x'"),
        Arguments.of("[\r1,\rx]", 3, 1, valueKinds + "'x'"),
        Arguments.of("[😀]", 1, 2, valueKinds + "'😀'"),
        Arguments.of("[".repeat(Json.MAX_DEPTH + 1), 1, Json.MAX_DEPTH + 1,
            "nesting deeper than 512 arrays/objects; flatten the data"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorNamesLineColumnAndWhatWasFound(String text, int line, int column, String reason) {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
    assertEquals(reason, e.reason());
    assertEquals(line, e.line(), "line");
    assertEquals(column, e.column(), "column");
    assertEquals("line " + line + ", column " + column + ": " + reason, e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorsAreIllegalArgumentExceptions(String text) {
    assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
  }
}
