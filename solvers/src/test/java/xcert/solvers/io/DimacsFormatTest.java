package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.TruthTable;

class DimacsFormatTest {

  private static DimacsFormat.Cnf clauses(String text) {
    return DimacsFormat.readClauses("f.cnf", new StringReader(text));
  }

  private static void bad(String text, int line, int col, String... fragments) {
    assertInputError(() -> clauses(text), "f.cnf", line, col, fragments);
  }

  /** Brute force: does the assignment (bit v-1 of y is variable v) satisfy every clause? */
  private static boolean satisfies(int[][] clauses, long y) {
    for (int[] cl : clauses) {
      boolean sat = false;
      for (int lit : cl) {
        boolean v = ((y >>> (Math.abs(lit) - 1)) & 1) != 0;
        sat |= lit > 0 == v;
      }
      if (!sat) {
        return false;
      }
    }
    return true;
  }

  private static void assertComputes(int[][] clauses, Circuit c) {
    int d = c.dimension();
    for (long y = 0; y < 1L << d; y++) {
      assertEquals(satisfies(clauses, y), c.evaluate(0, RandomCircuits.bits(d, y)), "on " + y);
    }
  }

  // ---------------------------------------------------------------- SATLIB

  static Path satlib() {
    return xcert.solvers.TestData.satlib();
  }

  private static List<Path> files(String folder) throws IOException {
    try (Stream<Path> s = Files.list(satlib().resolve(folder))) {
      return s.filter(p -> p.toString().endsWith(".cnf")).sorted().toList();
    }
  }

  @Test
  void everySatlibInstanceParses() throws IOException {
    Object[][] folders = {{"uf20-91", 100, 20, 91}, {"uf50-218", 50, 50, 218},
        {"uuf50-218", 50, 50, 218}};
    for (Object[] f : folders) {
      List<Path> files = files((String) f[0]);
      assertEquals(f[1], files.size(), "instances in " + f[0]);
      for (Path p : files) {
        DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
        assertEquals(f[2], cnf.variables(), p.toString());
        assertEquals(f[3], cnf.clauseCount(), p.toString());
        for (int[] cl : cnf.clauses()) {
          assertEquals(3, cl.length, "3-SAT clause in " + p);
        }
        Circuit c = DimacsFormat.read(p);
        assertEquals(f[2], c.dimension());
      }
    }
  }

  @Test
  void uf20ModelCountsMatchTheTable() throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (String line : Files.readAllLines(satlib().resolve("uf20-91-model-counts.tsv"))) {
      String[] t = line.split("\t");
      if (!t[0].equals("file")) {
        counts.put(t[0], Long.parseLong(t[3]));
      }
    }
    List<Path> files = files("uf20-91");
    assertEquals(100, counts.size());
    for (Path p : files) {
      long[] table = TruthTable.of(DimacsFormat.read(p), 0);
      long models = 0;
      for (long w : table) {
        models += Long.bitCount(w);
      }
      assertEquals(counts.get(p.getFileName().toString()), models, p.toString());
    }
  }

  @Test
  void commentsAnywhereAndTheSatlibTrailer() {
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(resource("trailer.cnf"));
    assertEquals(5, cnf.variables());
    int[][] expected = {{1, -5, 4}, {-1, 5, 3, 4}, {-3, -4}, {2, -1}};
    assertEquals(expected.length, cnf.clauseCount());
    for (int k = 0; k < expected.length; k++) {
      assertArrayEquals(expected[k], cnf.clauses()[k], "clause " + (k + 1));
    }
    assertComputes(expected, DimacsFormat.read(resource("trailer.cnf")));
  }

  @Test
  void aLastClauseWithoutItsZeroIsRefused() {
    bad("p cnf 3 2\n1 2 0\n-3 2", 3, 1, "the clause starting here has no terminating 0 at the end of"
        + " the file; expected every clause, the last one too, to end with 0");
    bad("p cnf 3 2\n1 2 0\n  -3\n 2\n%\n0\n", 3, 3, "the clause starting here has no terminating 0"
        + " before the '%' on line 5");
  }

  @Test
  void byteOrderMarkAndWindowsLineEnds() {
    DimacsFormat.Cnf cnf = clauses("\uFEFFc made on Windows\r\np cnf 2 2\r\n1 -2 0\r\n2 0\r\n");
    assertEquals(2, cnf.clauseCount());
    assertArrayEquals(new int[] {1, -2}, cnf.clauses()[0]);
  }

  @Test
  void emptyClausesAndNoClauses() {
    Circuit none = DimacsFormat.read("f.cnf", new StringReader("p cnf 2 0\n"));
    assertTrue(none.evaluate(0, new boolean[] {false, false}));
    Circuit empty = DimacsFormat.read("f.cnf", new StringReader("p cnf 2 2\n1 0\n0\n"));
    assertFalse(empty.evaluate(0, new boolean[] {true, true}));
  }

  @Test
  void oneNotNodePerNegatedVariable() {
    Circuit c = DimacsFormat.read("f.cnf", new StringReader("p cnf 2 3\n-1 2 0\n-1 -2 0\n-2 0\n"));
    int nots = 0;
    for (int n = 0; n < c.nodeCount(); n++) {
      if (c.op(n) == Circuit.Op.NOT) {
        nots++;
      }
    }
    assertEquals(2, nots);
  }

  // ---------------------------------------------------------------- round trips

  /** Random clauses written in random DIMACS layouts read back exactly and compute the CNF. */
  @Test
  void randomCnfsRoundTrip() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 10)).checkAssert((seed, v) -> {
      Random r = new Random(seed);
      int m = r.nextInt(15);
      int[][] cls = new int[m][];
      for (int k = 0; k < m; k++) {
        cls[k] = new int[v == 0 ? 0 : r.nextInt(5)];
        for (int i = 0; i < cls[k].length; i++) {
          cls[k][i] = (1 + r.nextInt(v)) * (r.nextBoolean() ? 1 : -1);
        }
      }
      StringBuilder sb = new StringBuilder("c random\np cnf " + v + " " + m + "\n");
      for (int[] cl : cls) {
        for (int lit : cl) {
          sb.append(lit).append(r.nextInt(4) == 0 ? "\nc inside\n" : r.nextBoolean() ? " " : "\t");
        }
        sb.append(r.nextBoolean() ? "0\n" : "0 ");
      }
      DimacsFormat.Cnf cnf = clauses(sb.toString());
      assertEquals(v, cnf.variables());
      assertEquals(m, cnf.clauseCount());
      for (int k = 0; k < m; k++) {
        assertArrayEquals(cls[k], cnf.clauses()[k]);
      }
      Circuit c = DimacsFormat.toCircuit(cnf);
      assertComputes(cls, c);
      // and the writer's output reads back to the same clauses
      DimacsFormat.Cnf again = clauses(DimacsFormat.toString(c));
      assertEquals(m, again.clauseCount());
      for (int k = 0; k < m; k++) {
        assertArrayEquals(cls[k], again.clauses()[k]);
      }
    });
  }

  @Test
  void writerAcceptsCnfShapes() {
    Circuit.Builder b = Circuit.builder(3);
    int n3 = b.not(b.input(3));
    b.output(b.and(b.or(b.input(1), n3), b.and(b.input(2), b.or(n3, b.constant(false)))));
    Circuit c = b.build();
    String text = DimacsFormat.toString(c);
    assertEquals("p cnf 3 3\n1 -3 0\n2 0\n-3 0\n", text);
    assertSameFunction(c, DimacsFormat.read("w.cnf", new StringReader(text)));

    Circuit.Builder lit = Circuit.builder(2);
    lit.output(lit.not(lit.input(2)));
    assertEquals("p cnf 2 1\n-2 0\n", DimacsFormat.toString(lit.build()));

    Circuit.Builder clause = Circuit.builder(2);
    clause.output(clause.or(clause.input(1), clause.input(2)));
    assertEquals("p cnf 2 1\n1 2 0\n", DimacsFormat.toString(clause.build()));

    Circuit.Builder t = Circuit.builder(1);
    t.output(t.constant(true));
    assertEquals("p cnf 1 0\n", DimacsFormat.toString(t.build()));
    Circuit.Builder f = Circuit.builder(1);
    f.output(f.constant(false));
    assertEquals("p cnf 1 1\n0\n", DimacsFormat.toString(f.build()));

    Circuit.Builder taut = Circuit.builder(1);
    taut.output(taut.and(taut.or(taut.input(1), taut.constant(true)), taut.input(1)));
    assertEquals("p cnf 1 1\n1 0\n", DimacsFormat.toString(taut.build()));
  }

  @Test
  void writerRefusesOtherShapes() {
    Circuit.Builder b = Circuit.builder(2);
    b.output(b.xor(b.input(1), b.input(2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DimacsFormat.toString(b.build()));
    assertTrue(e.getMessage().contains(".aag or .expr"), e.getMessage());
    Circuit.Builder nested = Circuit.builder(2);
    nested.output(nested.or(nested.and(nested.input(1), nested.input(2)), nested.input(1)));
    assertThrows(IllegalArgumentException.class, () -> DimacsFormat.toString(nested.build()));
    Circuit.Builder two = Circuit.builder(1);
    two.output(two.input(1)).output(two.input(1));
    assertThrows(IllegalArgumentException.class, () -> DimacsFormat.toString(two.build()));
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void missingProblemLine() {
    bad("", 0, 0, "empty file", "'p cnf V C'");
    bad("c only a comment\n", 0, 0, "no problem line", "'p cnf V C'");
    bad("c x\n1 2 0\np cnf 2 1\n", 2, 1, "before the problem line", "'1'");
  }

  @Test
  void duplicateProblemLine() {
    bad("p cnf 2 1\n1 0\np cnf 2 1\n", 3, 1, "second problem line", "line 1");
  }

  @Test
  void malformedProblemLine() {
    bad("p wcnf 2 1\n", 1, 3, "'wcnf'", "'p cnf V C'");
    bad("p cnf 2\n", 1, 1, "two counts", "found 1 count");
    bad("p cnf x 1\n", 1, 7, "V must be an unsigned integer", "'x'");
    bad("p cnf 2 -1\n", 1, 9, "C must be an unsigned integer", "'-1'");
  }

  @Test
  void nonIntegerTokens() {
    bad("p cnf 3 2\n1 2 0\n3  abc 0\n", 3, 4, "expected a literal such as 3 or -3, or 0 ending the clause, found 'abc'");
    bad("p cnf 3 1\n1 2.5 0\n", 2, 3, "'2.5'");
  }

  @Test
  void literalsBeyondV() {
    bad("p cnf 3 1\n1 -4 0\n", 2, 3, "literal -4 names variable 4", "declares V=3",
        "±1..±3");
  }

  @Test
  void clauseCountMustMatch() {
    bad("p cnf 3 3\n1 0\n2 0\n", 1, 9, "found 2 clauses", "declares C=3");
    bad("p   cnf 3 1\n1 0\n2 0\n-3 0\n", 1, 11, "found 3 clauses", "declares C=1");
    bad("p cnf 3 3\n1 0\n2 0\n%\n3 0\n", 1, 9, "found 2 clauses");
  }

  @Test
  void hugeHeadersAreRefusedBeforeAllocation() {
    assertTooLarge(() -> clauses("p cnf 2000000000 1\n1 0\n"), "f.cnf:1:7", "V=2000000000",
        "at most 1000000");
    assertTooLarge(() -> clauses("p cnf 3 99999999999999\n"), "C=99999999999999",
        "at most 50000000");
    // within the limits but not backed by the file: a count mismatch, not an allocation
    bad("p cnf 1000000 50000000\n1 0\n", 1, 15, "found 1 clause", "C=50000000");
  }
}
