package org.tune4j.models.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content keys: SHA-256 digests in 64 lower-case hex digits naming a feature row by the bytes its
 * image came from. A shard stores each key as its 32 bytes, so only this form reads back equal.
 * Stateless.
 */
final class ContentKeys {
  /** Hex digits of a key. */
  static final int HEX_LENGTH = 64;
  /** Bytes of a key in a shard's key table. */
  static final int BYTES = 32;

  private ContentKeys() {}

  /** Whether {@code key} is 64 lower-case hex digits. */
  static boolean isKey(String key) {
    if (key == null || key.length() != HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      char c = key.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code key} when it is a content key.
   *
   * @throws IllegalArgumentException naming the key and the form expected
   */
  static String require(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("content key " + shown(key) + " is not a SHA-256 digest in 64 lower-case hex"
          + " digits; key rows by HexFormat.of().formatHex(MessageDigest.getInstance(\"SHA-256\").digest(imageBytes))");
    }
    return key;
  }

  /** The key quoted and cut for a message. */
  static String shown(String key) {
    if (key == null) {
      return "null";
    }
    return "\"" + (key.length() > 80 ? key.substring(0, 80) + "..." : key) + "\"";
  }

  /** SHA-256 of {@code text} (UTF-8) as a content key. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
