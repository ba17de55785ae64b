package xcert.solvers.notation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static xcert.solvers.io.IoAssertions.assertInputError;

import org.junit.jupiter.api.Test;

class InputVectorTest {

  private static void bad(String text, int d, String... fragments) {
    assertInputError(() -> InputVector.parse("--x", text, d), "--x", 0, 0, fragments);
  }

  @Test
  void bitStrings() {
    assertArrayEquals(new double[] {1, 0, 1, 1}, InputVector.parse("--x", "1011", 4));
    assertArrayEquals(new double[] {0}, InputVector.parse("--x", " 0 ", 1));
  }

  @Test
  void numbers() {
    assertArrayEquals(new double[] {0.5, -1, 2000}, InputVector.parse("--x", "0.5, -1,2e3", 3));
    assertArrayEquals(new double[] {1, 0}, InputVector.parse("--x", "1,0", 2));
    assertArrayEquals(new double[] {10}, InputVector.parse("--x", "10.0", 1));
  }

  @Test
  void errors() {
    bad("101", 4, "bit string has length 3", "expected d=4");
    bad("10", 1, "bit string has length 2", "expected d=1");
    bad("1,2", 3, "2 numbers given", "expected d=3");
    bad("1,x,3", 3, "value 2 is 'x'", "expected a number");
    bad("1,,3", 3, "value 2 is empty");
    bad("1,1e999", 2, "overflows");
    bad("12a", 3, "neither a bit string", "3 bits or 3 comma-separated numbers");
    bad("", 3, "empty", "d=3");
  }
}
