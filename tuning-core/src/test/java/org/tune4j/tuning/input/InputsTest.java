package org.tune4j.tuning.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class InputsTest {
  @Test
  void anIllegalArgumentOfACheckBecomesBadInputWithItsMessageAndCause() {
    IllegalArgumentException original = new IllegalArgumentException("folds 1 is below 2; give folds: 2 or more");
    BadInputException e = assertThrows(BadInputException.class, () -> Inputs.check(() -> {
      throw original;
    }));
    assertEquals("folds 1 is below 2; give folds: 2 or more", e.getMessage());
    assertSame(original, e.getCause());
  }

  @Test
  void badInputPassesUnchangedAndOtherFailuresAreNotInputMistakes() throws IOException {
    BadInputException bad = new BadInputException("x");
    assertSame(bad, assertThrows(BadInputException.class, () -> Inputs.checkAll(() -> {
      throw bad;
    })));
    IOException io = new IOException("disk");
    assertSame(io, assertThrows(IOException.class, () -> Inputs.check(() -> {
      throw io;
    })));
    assertThrows(UncheckedIOException.class, () -> Inputs.check(() -> {
      throw new UncheckedIOException(io);
    }));
    assertEquals(3, Inputs.check(() -> 3));
  }
}
