package xcert.solvers.io;

import xcert.solvers.errors.TooLargeException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.assertSameFunction;
import static xcert.solvers.io.IoAssertions.assertTooLarge;
import static xcert.solvers.io.IoAssertions.resource;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.model.Circuit;

class ExprFormatTest {

  private static Circuit read(String text) {
    return ExprFormat.read("e.expr", new StringReader(text));
  }

  private static void bad(String text, int line, int col, String... fragments) {
    assertInputError(() -> read(text), "e.expr", line, col, fragments);
  }

  /** Output k's truth table as a string, input y = x1 + 2 x2 + 4 x3 + ... from left to right. */
  private static String table(Circuit c, int k) {
    StringBuilder sb = new StringBuilder();
    for (long y = 0; y < 1L << c.dimension(); y++) {
      sb.append(c.evaluate(k, RandomCircuits.bits(c.dimension(), y)) ? '1' : '0');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- known instances

  @Test
  void theSpecExampleHasCPrecedence() {
    Circuit c = read("x1 & (x2 | !x3) ^ x4");
    assertEquals(4, c.dimension());
    int top = c.outputNode(0);
    assertEquals(Circuit.Op.XOR, c.op(top));
    assertEquals(Circuit.Op.AND, c.op(c.children(top)[0]));
    assertEquals(Circuit.Op.INPUT, c.op(c.children(top)[1]));
    for (long y = 0; y < 16; y++) {
      boolean[] x = RandomCircuits.bits(4, y);
      boolean expected = (x[0] && (x[1] || !x[2])) ^ x[3];
      assertEquals(expected, c.evaluate(0, x), "on " + y);
    }
  }

  @Test
  void exampleFileAgainstHandWrittenTruthTables() {
    Circuit c = ExprFormat.read(resource("example.expr"));
    assertEquals(4, c.dimension());
    assertEquals(3, c.outputCount());
    // x1 x2 x3 x4 as bits 0..3 of y = 0..15; worked out by hand.
    // (x1 & (x2 | !x3)) ^ x4: the AND is 1 for y in {1, 3, 7} and {9, 11, 15}; x4 flips y >= 8
    assertEquals("0101000110101110", table(c, 0));
    // !x1 | (x2 & x3): 0 only when x1 = 1 and not (x2 and x3): y odd except 7 and 15
    assertEquals("1010101110101011", table(c, 1));
    // true ^ x4 = !x4
    assertEquals("1111111100000000", table(c, 2));
  }

  @Test
  void precedenceLevels() {
    assertEquals(table(read("x1 | (x2 & x3)"), 0), table(read("x1 | x2 & x3"), 0));
    assertEquals(table(read("(x1 ^ x2) | x3"), 0), table(read("x1 ^ x2 | x3"), 0));
    assertEquals(table(read("(x1 & x2) ^ x3"), 0), table(read("x1 & x2 ^ x3"), 0));
    assertEquals(table(read("(!x1) & x2"), 0), table(read("!x1 & x2"), 0));
    assertEquals("0111", table(read("x1|x2"), 0));
    assertEquals("0110", table(read("x1 ^ x2"), 0));
    assertEquals("1001", table(read("!(x1 ^ x2)"), 0));
    assertEquals("0110", table(read("!!(x1 ^ x2)"), 0));
  }

  @Test
  void chainsBecomeOneNaryGate() {
    Circuit c = read("x1 & x2 & x3 & x4");
    assertEquals(Circuit.Op.AND, c.op(c.outputNode(0)));
    assertEquals(4, c.children(c.outputNode(0)).length);
    Circuit d = read("x1 | x2 & x3 | x4");
    int top = d.outputNode(0);
    assertEquals(Circuit.Op.OR, d.op(top));
    assertEquals(3, d.children(top).length);
    Circuit grouped = read("(x1 & x2) & x3");
    assertEquals(2, grouped.children(grouped.outputNode(0)).length);
  }

  @Test
  void constantsDirectiveCommentsAndWhitespace() {
    Circuit c = read("# header\n\ninputs: 5  # five\n  x2&~x1\t|false\n1\n0 | x3\n");
    assertEquals(5, c.dimension());
    assertEquals(3, c.outputCount());
    assertTrue(c.evaluate(1, new boolean[5]));
    assertEquals("0010", table(read("x2 & ~x1 | false"), 0));
    assertEquals(3, read("x3").dimension());
    assertEquals(0, read("true & !false").dimension());
  }

  // ---------------------------------------------------------------- writing

  @Test
  void writerUsesMinimalParentheses() {
    Circuit.Builder b = Circuit.builder(4);
    int x1 = b.input(1);
    int x2 = b.input(2);
    int x3 = b.input(3);
    int x4 = b.input(4);
    b.output(b.and(b.or(x1, x2), x3), "first");
    b.output(b.or(b.and(x1, x2), x3));
    b.output(b.not(b.and(x1, x2)));
    b.output(b.xor(b.and(x1, x2), b.or(x3, x4)));
    b.output(b.and(b.and(x1, x2), b.not(x3), b.constant(true)));
    b.output(b.or());
    b.output(b.and(b.xor(x1, b.not(b.not(x2)))));
    String text = ExprFormat.toString(b.build());
    assertEquals("inputs: 4\n(x1 | x2) & x3  # first\nx1 & x2 | x3\n!(x1 & x2)\n"
        + "x1 & x2 ^ (x3 | x4)\nx1 & x2 & !x3 & 1\n0\nx1 ^ !!x2\n", text);
    assertSameFunction(b.build(), read(text));
  }

  @Test
  void randomCircuitsRoundTrip() {
    AtomicInteger skipped = new AtomicInteger();
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 10), integers().between(0, 30))
        .checkAssert((seed, d, gates) -> {
          Circuit c = RandomCircuits.random(new Random(seed), d, gates);
          String text;
          try {
            text = ExprFormat.toString(c);
          } catch (TooLargeException e) {
            skipped.incrementAndGet(); // a deep random DAG can expand beyond the limit
            return;
          }
          assertSameFunction(c, read(text));
        });
    assertTrue(skipped.get() < 15, skipped + " of 300 random circuits were too large to print");
  }

  @Test
  void writesAndReadsFiles(@TempDir Path dir) throws Exception {
    Circuit c = RandomCircuits.random(new Random(3), 5, 12);
    Path f = dir.resolve("c.expr");
    ExprFormat.write(c, f);
    assertSameFunction(c, ExprFormat.read(f));
  }

  @Test
  void expansionBeyondTheLimitIsRefusedBeforeBuilding() {
    Circuit.Builder b = Circuit.builder(2);
    int g = b.xor(b.input(1), b.input(2));
    for (int k = 0; k < 40; k++) {
      g = b.and(g, b.not(g)); // shared: the tree has 2^40 leaves
    }
    b.output(g);
    Circuit c = b.build();
    assertTooLarge(() -> ExprFormat.toString(c), "1000000", ".aag");
    assertTooLarge(() -> ExprFormat.expression(c, 0), "1000000");
  }

  @Test
  void deepNestingNeedsNoRecursion() {
    int depth = 200_000;
    String text = "(".repeat(depth) + "x1" + ")".repeat(depth) + " & " + "!".repeat(depth) + "x2";
    Circuit c = read(text);
    assertEquals("0001", table(c, 0)); // an even number of NOTs: x1 & x2
    // and the writer prints a deep chain without overflowing the stack
    Circuit.Builder b = Circuit.builder(2);
    int g = b.input(1);
    for (int k = 0; k < 100_000; k++) { // about 700,000 characters, under the limit
      g = k % 2 == 0 ? b.and(g, b.input(2)) : b.or(g, b.input(2));
    }
    b.output(g);
    Circuit deep = b.build();
    String out = ExprFormat.toString(deep);
    assertSameFunction(deep, read(out));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void unexpectedCharacter() {
    bad("x1 & @x2", 1, 6, "unexpected character '@'", "expected an operand");
    bad("x1\nx2 $ x3", 2, 4, "unexpected character '$'", "expected an operator");
  }

  @Test
  void unexpectedToken() {
    bad("x1 x2", 1, 4, "unexpected 'x2'", "expected an operator (&, ^, |)");
    bad("& x1", 1, 1, "unexpected operator '&'", "expected an operand");
    bad("x1 & | x2", 1, 6, "unexpected operator '|'", "expected an operand");
    bad("x1 &", 1, 5, "ends early after '&'", "expected an operand");
    bad("x1 && x2", 1, 5, "unexpected '&&'", "single '&'");
    bad("x1 & y2", 1, 6, "unknown name 'y2'", "expected x<k>");
    bad("x1 & 2", 1, 6, "unexpected '2'", "constants are 0 and 1");
    bad("x1 & x", 1, 6, "'x' needs a feature index");
    bad("()", 1, 2, "unexpected ')'", "expected an operand");
  }

  @Test
  void unbalancedParentheses() {
    bad("x1 & (x2 | x3", 1, 6, "unbalanced parenthesis", "never closed");
    bad("x1 & x2)", 1, 8, "unbalanced parenthesis", "no matching '('");
    bad("x1 & (", 1, 7, "ends inside a parenthesis");
  }

  @Test
  void featuresStartAtOne() {
    bad("x1 |\tx0", 1, 6, "x0 is not a feature", "numbered from 1");
    assertTooLarge(() -> read("x1 & x1000001"), "x1000001", "1000000");
  }

  @Test
  void emptyFiles() {
    bad("", 0, 0, "empty file", "expected one expression per line");
    bad("# only a comment\n\n", 0, 0, "empty file");
    bad("inputs: 3\n", 0, 0, "empty file");
  }

  @Test
  void inputsDirective() {
    bad("inputs: 2\nx1 & x3\n", 2, 6, "x3 is beyond the declared 'inputs: 2'", "x1..x2");
    bad("x1\ninputs: 2\n", 2, 1, "must come before the expressions");
    bad("inputs: 2\ninputs: 2\nx1\n", 2, 1, "a second 'inputs:' directive");
    bad("inputs: two\nx1\n", 1, 9, "expected the number of inputs", "'two'");
    bad("inputs: 2 3\nx1\n", 1, 11, "unexpected '3'", "end of the line");
    assertTooLarge(() -> read("inputs: 5000000\nx1\n"), "1000000");
    assertArrayEquals(new int[] {1}, read("inputs: 3\nx1\n").structuralSupport());
  }
}
