package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.assertSameFunction;
import static xcert.solvers.io.IoAssertions.assertTooLarge;
import static xcert.solvers.io.IoAssertions.resource;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.model.Circuit;

class AigerFormatTest {

  private static Circuit read(String text) {
    return AigerFormat.read("m.aag", new StringReader(text));
  }

  private static void bad(String text, int line, int col, String... fragments) {
    assertInputError(() -> read(text), "m.aag", line, col, fragments);
  }

  // ---------------------------------------------------------------- known instances (AIGER spec)

  @Test
  void andGateFromTheSpec() {
    Circuit c = AigerFormat.read(resource("and-gate.aag"));
    assertEquals(2, c.dimension());
    assertEquals(1, c.outputCount());
    boolean[] expected = {false, false, false, true}; // x1 x2 = 00, 10, 01, 11
    for (int y = 0; y < 4; y++) {
      assertEquals(expected[y], c.evaluate(0, RandomCircuits.bits(2, y)), "input " + y);
    }
  }

  @Test
  void halfAdderFromTheSpecWithAndsOutOfOrder() {
    Circuit c = AigerFormat.read(resource("half-adder.aag"));
    assertEquals(2, c.dimension());
    assertEquals(2, c.outputCount());
    assertEquals(Optional.of("x"), c.inputName(1));
    assertEquals(Optional.of("y"), c.inputName(2));
    assertEquals(Optional.of("s"), c.outputName(0));
    assertEquals(Optional.of("c"), c.outputName(1));
    // x y -> sum carry, worked out by hand: 00 -> 0 0, 10 -> 1 0, 01 -> 1 0, 11 -> 0 1
    boolean[][] expected = {{false, false}, {true, false}, {true, false}, {false, true}};
    for (int y = 0; y < 4; y++) {
      boolean[] out = c.evaluateOutputs(RandomCircuits.bits(2, y));
      assertEquals(expected[y][0], out[0], "sum on " + y);
      assertEquals(expected[y][1], out[1], "carry on " + y);
    }
  }

  @Test
  void smallSpecExamples() {
    Circuit f = read("aag 0 0 0 1 0\n0\n");
    Circuit t = read("aag 0 0 0 1 0\n1\n");
    assertEquals(0, f.dimension());
    assertFalse(f.evaluate(0, new boolean[0]));
    assertTrue(t.evaluate(0, new boolean[0]));
    Circuit buffer = read("aag 1 1 0 1 0\n2\n2\n");
    Circuit inverter = read("aag 1 1 0 1 0\n2\n3\n");
    for (boolean x : new boolean[] {false, true}) {
      assertEquals(x, buffer.evaluate(0, new boolean[] {x}));
      assertEquals(!x, inverter.evaluate(0, new boolean[] {x}));
    }
    Circuit or = read("aag 3 2 0 1 1\n2\n4\n7\n6 3 5\n");
    boolean[] expected = {false, true, true, true};
    for (int y = 0; y < 4; y++) {
      assertEquals(expected[y], or.evaluate(0, RandomCircuits.bits(2, y)));
    }
  }

  @Test
  void inputsFollowTheOrderOfTheInputLinesNotTheVariableNumbers() {
    // x1 is variable 2, x2 is variable 1; the output is x1 & !x2
    Circuit c = read("aag 3 2 0 1 1\n4\n2\n6\n6 4 3\n");
    assertTrue(c.evaluate(0, new boolean[] {true, false}));
    assertFalse(c.evaluate(0, new boolean[] {false, true}));
    assertFalse(c.evaluate(0, new boolean[] {true, true}));
  }

  @Test
  void unusedVariablesBelowMAreAllowedAndBlankLinesIgnored() {
    Circuit c = read("aag 10 1 0 1 0\n\n2\n3\n\n");
    assertTrue(c.evaluate(0, new boolean[] {false}));
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void randomCircuitsRoundTrip() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 10), integers().between(0, 40))
        .checkAssert((seed, d, gates) -> {
          Circuit c = RandomCircuits.random(new Random(seed), d, gates);
          String text = AigerFormat.toString(c);
          Circuit back = read(text);
          assertSameFunction(c, back);
          for (int i = 1; i <= d; i++) {
            assertEquals(c.inputName(i), back.inputName(i));
          }
          for (int k = 0; k < c.outputCount(); k++) {
            assertEquals(c.outputName(k), back.outputName(k));
          }
          assertWellFormed(text);
        });
  }

  /** The writer's own conventions: M = I + A, ANDs in order with lhs > rhs0 >= rhs1. */
  private static void assertWellFormed(String text) {
    String[] lines = text.split("\n");
    String[] h = lines[0].split(" ");
    int m = Integer.parseInt(h[1]);
    int i = Integer.parseInt(h[2]);
    int o = Integer.parseInt(h[4]);
    int a = Integer.parseInt(h[5]);
    assertEquals(m, i + a, text);
    for (int j = 0; j < a; j++) {
      String[] t = lines[1 + i + o + j].split(" ");
      int lhs = Integer.parseInt(t[0]);
      assertEquals(2 * (i + 1 + j), lhs, text);
      assertTrue(lhs > Integer.parseInt(t[1]) && Integer.parseInt(t[1]) >= Integer.parseInt(t[2]));
    }
  }

  @Test
  void xorAndOrAreEncodedAsAndsWithInvertedLiterals() {
    Circuit.Builder b = Circuit.builder(3);
    b.output(b.xor(b.input(1), b.input(2), b.input(3)));
    b.output(b.or(b.input(1), b.input(2)));
    b.output(b.and());
    Circuit c = b.build();
    String text = AigerFormat.toString(c);
    assertTrue(text.startsWith("aag 10 3 0 3 7\n"), text); // two 3-AND XORs, one AND for OR
    assertTrue(text.contains("\n1\n"), "the empty AND is the constant true: " + text);
    assertSameFunction(c, read(text));
  }

  @Test
  void writesToAFile(@TempDir Path dir) throws Exception {
    Circuit c = RandomCircuits.random(new Random(7), 6, 30);
    Path f = dir.resolve("c.aag");
    AigerFormat.write(c, f);
    assertSameFunction(c, AigerFormat.read(f));
  }

  @Test
  void refusesANameThatSpansLines() {
    Circuit.Builder b = Circuit.builder(1);
    b.nameInput(1, "a\nb").output(b.input(1));
    assertThrows(IllegalArgumentException.class, () -> AigerFormat.toString(b.build()));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void emptyFile() {
    bad("", 0, 0, "empty file", "aag M I L O A");
    bad("\n\n", 0, 0, "empty file");
  }

  @Test
  void badHeader() {
    bad("aig 3 2 0 1 1\n", 1, 1, "binary AIGER", "'aag'");
    bad("xyz 3 2 0 1 1\n", 1, 1, "expected the AIGER header 'aag M I L O A'", "'xyz'");
    bad("aag 3 2 0 1\n", 1, 1, "4 counts", "expected 5");
    bad("aag 3 2 x 1 1\n", 1, 9, "L must be an unsigned integer", "'x'");
    bad("aag 3 -2 0 1 1\n", 1, 7, "I must be an unsigned integer");
  }

  @Test
  void latchesAreRefused() {
    bad("aag 3 1 1 1 1\n2\n4 6\n6\n6 2 4\n", 1, 9, "L=1 latches", "combinational",
        "expected L=0");
  }

  @Test
  void aigerOnePointNinePropertiesAreRefused() {
    bad("aag 1 1 0 1 0 1\n2\n2\n2\n", 1, 15, "B=1", "combinational");
    assertEquals(1, read("aag 1 1 0 1 0 0 0\n2\n2\n").dimension());
  }

  @Test
  void mMustCoverTheDefinedVariables() {
    bad("aag 2 2 0 1 1\n2\n4\n6\n6 2 4\n", 1, 5, "M=2 is less than I+L+A = 3");
  }

  @Test
  void noOutputs() {
    bad("aag 1 1 0 0 0\n2\n", 1, 11, "O=0", "at least one output");
  }

  @Test
  void hugeHeadersAreRefusedBeforeAllocation() {
    assertTooLarge(() -> read("aag 999999999 2 0 1 1\n2\n4\n6\n6 2 4\n"), "m.aag:1:5",
        "M=999999999", "at most 50000000");
    assertTooLarge(() -> read("aag 50000000 2000000 0 1 1\n"), "I=2000000", "at most 1000000");
    assertTooLarge(() -> read("aag 50000000 2 0 1 99999999999999999999999\n"), "A=");
    // a header within the limits that the file does not back up is a count mismatch, not an OOM
    bad("aag 50000000 2 0 1 49999990\n2\n4\n6\n6 2 4\n", 1, 20, "A=49999990",
        "ends after 1 AND line");
  }

  @Test
  void headerCountsMustMatchTheLines() {
    bad("aag 3 3 0 1 0\n2\n4\n", 1, 7, "I=3", "ends after 2 input lines");
    bad("aag 3 2 0 2 1\n2\n4\n6\n", 1, 11, "O=2", "ends after 1 output line");
    bad("aag 3 2 0 1 1\n2\n4\n6 2 4\n", 4, 3, "expected one output literal", "found 3 tokens",
        "header counts");
    bad("aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n8 2 4\n", 6, 1, "unexpected line '8 2 4'",
        "A=1 AND lines");
  }

  @Test
  void inputLiteralsMustBeEvenVariables() {
    bad("aag 2 2 0 1 0\n2\n5\n2\n", 3, 1, "input literal must be even", "found 5");
    bad("aag 2 2 0 1 0\n2\n0\n2\n", 3, 1, "input literal must be even and at least 2",
        "found 0");
    bad("aag 2 2 0 1 0\n2\nx\n2\n", 3, 1, "unsigned integer literal", "'x'");
    bad("aag 2 2 0 1 0\n2\n4 6\n2\n", 3, 3, "expected one input literal", "found 2 tokens");
  }

  @Test
  void literalsMustNotExceedTwoMPlusOne() {
    bad("aag 2 2 0 1 0\n2\n4\n6\n", 4, 1, "output literal 6 exceeds 2M+1 = 5", "M=2");
    bad("aag 3 2 0 1 1\n2\n4\n6\n6 2 8\n", 5, 5, "AND literal 8 exceeds 2M+1 = 7");
  }

  @Test
  void variablesAreDefinedOnce() {
    bad("aag 2 2 0 1 0\n2\n2\n2\n", 3, 1, "variable 1", "already defined as input on line 2");
    bad("aag 3 2 0 1 1\n2\n4\n4\n4 2 2\n", 5, 1, "variable 2", "already defined as input");
    bad("aag 4 2 0 1 2\n2\n4\n6\n6 2 4\n6 3 5\n", 6, 1, "already defined by the AND on line 5");
  }

  @Test
  void andLines() {
    bad("aag 3 2 0 1 1\n2\n4\n6\n7 2 4\n", 5, 1, "left side of an AND must be an even literal",
        "found 7");
    bad("aag 3 2 0 1 1\n2\n4\n6\n6 2\n", 5, 1, "'lhs rhs0 rhs1'", "found 2 tokens");
  }

  @Test
  void undefinedVariables() {
    bad("aag 4 2 0 1 1\n2\n4\n6\n6 2 9\n", 5, 5, "literal 9 uses variable 4", "never defined");
    bad("aag 4 2 0 1 1\n2\n4\n8\n6 2 4\n", 4, 1, "literal 8 uses variable 4", "never defined");
  }

  @Test
  void cyclesAreReportedWithAVariableOnThem() {
    // 6 = 2 & 8, 8 = 6 & 4: a cycle through variables 3 and 4
    bad("aag 4 2 0 1 2\n2\n4\n6\n6 2 8\n8 6 4\n", 5, 1, "cycle through variable 3",
        "6 -> 8 -> 6");
    bad("aag 3 2 0 1 1\n2\n4\n6\n6 7 4\n", 5, 1, "cycle through variable 3", "6 -> 6");
  }

  @Test
  void longAndChainsOutOfOrderAreSortedWithoutRecursion() {
    int n = 200_000;
    StringBuilder sb = new StringBuilder();
    sb.append("aag ").append(n + 1).append(" 1 0 1 ").append(n).append("\n2\n")
        .append(2 * (n + 1)).append('\n');
    for (int v = n + 1; v >= 2; v--) { // AND v reads AND v-1, written last to first
      sb.append(2 * v).append(' ').append(2 * (v - 1)).append(' ').append(2).append('\n');
    }
    Circuit c = read(sb.toString());
    assertTrue(c.evaluate(0, new boolean[] {true}));
    assertFalse(c.evaluate(0, new boolean[] {false}));
  }

  @Test
  void symbolTable() {
    String body = "aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n";
    Circuit c = read(body + "i1 second input\no0 out\nc\nanything goes here\ni9 z\n");
    assertEquals(Optional.empty(), c.inputName(1));
    assertEquals(Optional.of("second input"), c.inputName(2));
    assertEquals(Optional.of("out"), c.outputName(0));
    bad(body + "i2 z\n", 6, 2, "names input position 2", "has 2 inputs (i0..i1)");
    bad(body + "o1 z\n", 6, 2, "names output position 1", "has 1 outputs");
    bad(body + "i0 a\ni0 b\n", 7, 1, "given twice", "line 6");
    bad(body + "l0 q\n", 6, 1, "latch symbol 'l0'", "no latches");
    bad(body + "i0\n", 6, 3, "has no name");
    bad(body + "hello\n", 6, 1, "expected a symbol", "'hello'");
  }

  @Test
  void missingFile(@TempDir Path dir) {
    Path p = dir.resolve("none.aag");
    assertInputError(() -> AigerFormat.read(p), p.toString(), 0, 0, "file not found");
  }

  @Test
  void binaryJunkIsAnInputError(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("junk.aag");
    Files.write(p, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertInputError(() -> AigerFormat.read(p), p.toString(), 1, 0,
        "byte 0xFF at byte offset 0 is not UTF-8; expected UTF-8 text (save the file as UTF-8)");
  }
}
