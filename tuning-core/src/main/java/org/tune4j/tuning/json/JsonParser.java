package org.tune4j.tuning.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for one JSON text (RFC 8259). One instance parses one text; it is
 * not thread-safe, and {@link Json#parse} makes a new one per call.
 */
final class JsonParser {

  private final String text;
  private int pos;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
    // RFC 8259 section 8.1: a parser may ignore a leading byte order mark.
    this.pos = text.startsWith("\uFEFF") ? 1 : 0;
  }

  static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("JSON text is null; give a string");
    }
    JsonParser parser = new JsonParser(text);
    parser.skipWhitespace();
    Object value = parser.readValue();
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw parser.error("expected end of input after the top-level value, found "
          + parser.found());
    }
    return value;
  }

  private Object readValue() {
    if (pos >= text.length()) {
      throw error("expected a value, found end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return readString();
      case 't':
        return readLiteral("true", Boolean.TRUE);
      case 'f':
        return readLiteral("false", Boolean.FALSE);
      case 'n':
        return readLiteral("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("expected a value (object, array, string, number, true, false or null),"
            + " found " + found());
    }
  }

  private Map<String, Object> readObject() {
    enter();
    pos++;
    Map<String, Object> object = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return object;
    }
    while (true) {
      if (peek() != '"') {
        throw error("expected '\"' to start an object key, found " + found());
      }
      int keyStart = pos;
      String key = readString();
      if (object.containsKey(key)) {
        throw errorAt(keyStart, "duplicate key \"" + Json.escape(key)
            + "\" in object; keys must be unique");
      }
      skipWhitespace();
      if (peek() != ':') {
        throw error("expected ':' after object key, found " + found());
      }
      pos++;
      skipWhitespace();
      object.put(key, readValue());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return object;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}' after object member, found " + found());
      }
      skipWhitespace();
    }
  }

  private List<Object> readArray() {
    enter();
    pos++;
    List<Object> array = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return array;
    }
    while (true) {
      array.add(readValue());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return array;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']' after array element, found " + found());
      }
      skipWhitespace();
    }
  }

  private void enter() {
    if (++depth > Json.MAX_DEPTH) {
      throw error("nesting deeper than " + Json.MAX_DEPTH + " arrays/objects; flatten the data");
    }
  }

  private String readString() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string, found end of input; close it with '\"'");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("unescaped " + found() + " in string; write it as an escape such as \\n"
            + " or \\u00XX");
      }
      if (c == '\\') {
        sb.append(readEscape());
      } else {
        sb.append(c);
        pos++;
      }
    }
  }

  private char readEscape() {
    pos++;
    if (pos >= text.length()) {
      throw error("unterminated escape, found end of input");
    }
    char c = text.charAt(pos);
    pos++;
    switch (c) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': return readHex4();
      default:
        pos--;
        throw error("invalid escape '\\" + c + "' in string; use one of \\\" \\\\ \\/ \\b \\f"
            + " \\n \\r \\t \\uXXXX");
    }
  }

  private char readHex4() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
      if (digit < 0) {
        throw error("expected 4 hex digits after \\u, found " + found());
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  private Object readLiteral(String literal, Object value) {
    if (!text.startsWith(literal, pos)) {
      throw error("expected a value (object, array, string, number, true, false or null),"
          + " found " + found());
    }
    pos += literal.length();
    return value;
  }

  /** RFC 8259 numbers: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
  private Object readNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zero in number; write " + text.substring(start, pos - 1)
            + "0 alone or drop the zero");
      }
    } else {
      requireDigits("after '-'");
    }
    boolean integral = true;
    if (peek() == '.') {
      pos++;
      requireDigits("after '.' in number");
      integral = false;
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      requireDigits("in number exponent");
      integral = false;
    }
    String literal = text.substring(start, pos);
    if (integral) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException tooBig) {
        // Falls through: an integer literal beyond the long range becomes a Double.
      }
    }
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw errorAt(start, "number " + literal + " is outside the double range");
    }
    return value;
  }

  private void requireDigits(String where) {
    if (!isDigit(peek())) {
      throw error("expected a digit " + where + ", found " + found());
    }
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String found() {
    if (pos >= text.length()) {
      return "end of input";
    }
    int cp = text.codePointAt(pos);
    if (cp < 0x20 || cp == 0x7F) {
      return String.format(java.util.Locale.ROOT, "control character U+%04X", cp);
    }
    return "'" + new String(Character.toChars(cp)) + "'";
  }

  private JsonException error(String reason) {
    return errorAt(pos, reason);
  }

  /** An error at char offset {@code at}; a CR LF pair or a lone CR or LF ends a line. */
  private JsonException errorAt(int at, String reason) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(at, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonException(line, end - lineStart + 1, reason);
  }
}
