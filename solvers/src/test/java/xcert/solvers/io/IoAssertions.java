package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.junit.jupiter.api.function.Executable;
import xcert.solvers.model.Circuit;

/** Shared assertions for the format tests. */
public final class IoAssertions {
  private IoAssertions() {}

  /** A test resource under /formats as a path. */
  static Path resource(String name) {
    try {
      return Path.of(IoAssertions.class.getResource("/formats/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("missing test resource formats/" + name, e);
    }
  }

  /** Reads text with a reader under the source name "t". */
  static <T> T readText(BiFunction<String, java.io.Reader, T> reader, String text) {
    return reader.apply("t", new StringReader(text));
  }

  /**
   * Asserts an InputException at source:line:col (col -1: any) whose one-line message contains every
   * fragment.
   */
  public static InputException assertInputError(Executable e, String source, int line, int col,
      String... fragments) {
    InputException ex = assertThrows(InputException.class, e);
    String m = ex.getMessage();
    assertEquals(source, ex.source(), m);
    assertEquals(line, ex.line(), () -> "line of: " + m);
    if (col >= 0) {
      assertEquals(col, ex.column(), () -> "column of: " + m);
    }
    String prefix = source + (line > 0 ? ":" + line : "") + (line > 0 && ex.column() > 0
        ? ":" + ex.column() : "") + ": ";
    assertTrue(m.startsWith(prefix), () -> "'" + m + "' should start with '" + prefix + "'");
    assertFalse(m.contains("\n"), () -> "message spans lines: " + m);
    for (String f : fragments) {
      assertTrue(m.contains(f), () -> "message '" + m + "' lacks '" + f + "'");
    }
    return ex;
  }

  /** Asserts a TooLargeException whose message contains every fragment. */
  static TooLargeException assertTooLarge(Executable e, String... fragments) {
    TooLargeException ex = assertThrows(TooLargeException.class, e);
    String m = ex.getMessage();
    assertFalse(m.contains("\n"), () -> "message spans lines: " + m);
    for (String f : fragments) {
      assertTrue(m.contains(f), () -> "message '" + m + "' lacks '" + f + "'");
    }
    return ex;
  }

  /** Asserts that a and b have the same inputs, outputs and function on all 2^d inputs. */
  static void assertSameFunction(Circuit a, Circuit b) {
    assertEquals(a.dimension(), b.dimension(), "dimension");
    assertEquals(a.outputCount(), b.outputCount(), "outputs");
    int d = a.dimension();
    for (long y = 0; y < 1L << d; y++) {
      boolean[] x = RandomCircuits.bits(d, y);
      for (int k = 0; k < a.outputCount(); k++) {
        assertEquals(a.evaluate(k, x), b.evaluate(k, x), "output " + k + " on input " + y);
      }
    }
  }
}
