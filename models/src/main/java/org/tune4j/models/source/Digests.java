package org.tune4j.models.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes and floats as lower-case hex: the content keys of sources. Stateless. */
final class Digests {
  private Digests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  /** SHA-256 of a shape and {@code count} floats from {@code offset}, little-endian. */
  static String floats(int[] shape, float[] values, int offset, int count) {
    MessageDigest d = sha256();
    ByteBuffer head = ByteBuffer.allocate(4 * shape.length);
    for (int s : shape) {
      head.putInt(s);
    }
    d.update(head.array());
    ByteBuffer buf = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values, offset, count);
    d.update(buf.array());
    return hex(d);
  }
}
