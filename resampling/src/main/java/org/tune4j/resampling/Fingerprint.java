package org.tune4j.resampling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 accumulator over strings and int arrays; one instance per hash, not shared. */
final class Fingerprint {

    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java 17 JVM ships", e);
        }
    }

    static Fingerprint start(String domain) {
        return new Fingerprint().add(domain);
    }

    Fingerprint add(String text) {
        byte[] bytes = (text == null ? "\u0000null" : text).getBytes(StandardCharsets.UTF_8);
        add(bytes.length);
        digest.update(bytes);
        return this;
    }

    Fingerprint add(int value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
        return this;
    }

    Fingerprint add(int[] values) {
        add(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * Math.min(values.length, 4096));
        for (int value : values) {
            if (!buffer.hasRemaining()) {
                digest.update(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putInt(value);
        }
        digest.update(buffer.array(), 0, buffer.position());
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
