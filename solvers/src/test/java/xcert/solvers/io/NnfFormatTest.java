package xcert.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;
import static xcert.solvers.io.IoAssertions.readText;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import xcert.solvers.compiled.CompiledForms;
import xcert.solvers.compiled.DecomposableCircuit;
import xcert.solvers.model.Circuit;

/**
 * The c2d and d4 {@code .nnf} reader on hand-written files (the function on every input, and how the
 * compiled route takes them) and on malformed ones (one-line errors with the line and column).
 */
class NnfFormatTest {

  /** x1 ? x2 : x3 in c2d format, a decision node on x1. */
  static final String ITE = """
      c x1 ? x2 : x3
      nnf 7 6 3
      L 1
      L 2
      L -1
      L 3
      A 2 0 1
      A 2 2 3
      O 1 2 4 5
      """;

  /** The d4 README's example: (x1 ∧ ...) ∨ (¬x1 ∧ ...) with literals on the arcs. */
  static final String D4 = """
      o 1 0
      o 2 0
      o 3 0
      t 4 0
      3 4 -2 3 0
      3 4 2 0
      2 3 -1 0
      2 4 1 0
      1 2 0
      """;

  private static void assertFunction(Circuit c, int d, Predicate<boolean[]> f) {
    assertEquals(d, c.dimension());
    for (int y = 0; y < 1 << d; y++) {
      boolean[] x = new boolean[d];
      for (int i = 0; i < d; i++) {
        x[i] = (y >> i & 1) == 1;
      }
      assertEquals(f.test(x), c.evaluate(0, x), "at " + y);
    }
  }

  @Test
  void readsC2dAndTheCompiledRouteTakesItAsGiven() {
    Circuit c = readText(NnfFormat::read, ITE);
    assertFunction(c, 3, x -> x[0] ? x[1] : x[2]);
    DecomposableCircuit dc = CompiledForms.compile(c);
    assertTrue(dc.route().contains("as given"), dc.route());
    assertTrue(dc.determinism().contains("syntactically"), dc.determinism());
  }

  @Test
  void readsD4ArcsWithLiterals() {
    Circuit c = readText(NnfFormat::read, D4);
    // node 3 = (¬x2 ∧ x3) ∨ x2; node 2 = (¬x1 ∧ node 3) ∨ x1
    assertFunction(c, 3, x -> x[0] || x[1] || x[2]);
    assertTrue(CompiledForms.compile(c).route().contains("as given"));
  }

  @Test
  void constantsAndAnOrWithoutDecisionVariable() {
    assertFunction(readText(NnfFormat::read, "nnf 1 0 2\nA 0\n"), 2, x -> true);
    assertFunction(readText(NnfFormat::read, "nnf 1 0 2\nO 0 0\n"), 2, x -> false);
    // x1 ∨ x2 with no decision claim: read as a plain OR; not deterministic, so the compiled route
    // compiles it instead of taking it as given.
    Circuit or = readText(NnfFormat::read, "nnf 3 2 2\nL 1\nL 2\nO 0 2 0 1\n");
    assertFunction(or, 2, x -> x[0] || x[1]);
    DecomposableCircuit dc = CompiledForms.compile(or);
    assertTrue(!dc.route().contains("as given"), dc.route());
  }

  @Test
  void nonDecomposableAndIsCompiledRatherThanTrusted() {
    // (x1 ∨ x2) ∧ (x1 ∨ ¬x2): the AND's children share x1 and x2 (and the ORs claim nothing).
    Circuit c = readText(NnfFormat::read,
        "nnf 6 6 2\nL 1\nL 2\nL -2\nO 0 2 0 1\nO 0 2 0 2\nA 2 3 4\n");
    assertFunction(c, 2, x -> x[0]);
    assertTrue(!CompiledForms.compile(c).route().contains("as given"));
  }

  @Test
  void anAndThatRepeatsALiteralBelowASiblingIsRepairedAndGivesTheTablesValues() {
    // x1 ∧ (x2 ? x1 : (x1 ∧ x3)) written with x1 again below the OR, as compilers sometimes do:
    // the top AND is not decomposable; conditioning its OR child on x1 repairs it.
    Circuit c = readText(NnfFormat::read, """
        nnf 9 10 3
        L 1
        L 2
        L -2
        L 3
        A 2 0 1
        A 3 0 2 3
        O 2 2 4 5
        A 2 0 6
        A 1 7
        """);
    assertFunction(c, 3, x -> x[0] && (x[1] || x[2]));
    DecomposableCircuit dc = CompiledForms.compile(c);
    assertTrue(dc.route().contains("as given") && dc.route().contains("made decomposable"),
        dc.route());
    double[] xd = {1, 0, 1};
    boolean[] x = {true, false, true};
    xcert.solvers.dist.ProductDistribution v = xcert.solvers.dist.ProductDistribution.bernoulli(
        org.apache.commons.numbers.fraction.BigFraction.of(1, 4),
        org.apache.commons.numbers.fraction.BigFraction.of(1, 2),
        org.apache.commons.numbers.fraction.BigFraction.of(3, 4));
    xcert.solvers.result.Scalar[] want = xcert.solvers.exact.GameValues.shapley(
        xcert.solvers.exact.RestrictedPredictions.table(c, xd, v).values());
    xcert.solvers.compiled.CompiledResult r = xcert.solvers.compiled.CompiledValues.compute(dc, x,
        v, xcert.solvers.stream.Semivalue.SHAPLEY);
    for (int i = 0; i < 3; i++) {
      assertEquals(want[i].exact(), r.values().get(i).exact(), "x" + (i + 1));
    }
  }

  @Test
  void malformedC2dFiles() {
    assertInputError(() -> readText(NnfFormat::read, ""), "t", 0, -1, "no content");
    assertInputError(() -> readText(NnfFormat::read, "p cnf 1 1\n"), "t", 1, 1, "expected an "
        + "'nnf V E N' header");
    assertInputError(() -> readText(NnfFormat::read, "nnf 1 0\nA 0\n"), "t", 1, -1,
        "'nnf V E N'");
    assertInputError(() -> readText(NnfFormat::read, "nnf 1 x 1\nA 0\n"), "t", 1, 7,
        "the edge count E");
    assertInputError(() -> readText(NnfFormat::read, "nnf 1 0 2\nL 3\n"), "t", 2, 3,
        "literal 3 is out of range");
    assertInputError(() -> readText(NnfFormat::read, "nnf 1 0 2\nL 0\n"), "t", 2, 3,
        "out of range");
    assertInputError(() -> readText(NnfFormat::read, "nnf 2 1 2\nA 1 1\nL 1\n"), "t", 2, 5,
        "child 1 is not an earlier node");
    assertInputError(() -> readText(NnfFormat::read, "nnf 2 2 2\nL 1\nA 2 0\n"), "t", 3, 3,
        "announces 2 children and lists 1");
    assertInputError(() -> readText(NnfFormat::read, "nnf 2 1 2\nL 1\nA 1 0\nL 2\n"), "t", 4, 1,
        "more nodes than the 2");
    assertInputError(() -> readText(NnfFormat::read, "nnf 3 1 2\nL 1\nA 1 0\n"), "t", 3, 0,
        "announces 3 nodes and the file has 2");
    assertInputError(() -> readText(NnfFormat::read, "nnf 2 2 2\nL 1\nA 1 0\n"), "t", 3, 0,
        "announces 2 edges");
    assertInputError(() -> readText(NnfFormat::read, "nnf 1 0 2\nX 1\n"), "t", 2, 1,
        "expected a node line 'L', 'A' or 'O'");
    // A decision claim that the children do not support.
    assertInputError(() -> readText(NnfFormat::read, "nnf 3 2 2\nL 1\nL 2\nO 1 2 0 1\n"), "t", 4,
        3, "conflict on x1", "determinism not established");
    assertInputError(() -> readText(NnfFormat::read, "nnf 4 3 2\nL 1\nL -1\nL 2\nO 1 3 0 1 2\n"),
        "t", 5, -1, "must have 2 children");
  }

  @Test
  void malformedD4Files() {
    assertInputError(() -> readText(NnfFormat::read, "o 1 0\n1 2 0\n"), "t", 2, 3,
        "enters node 2, which no line declares");
    assertInputError(() -> readText(NnfFormat::read, "o 1 0\nt 2\n"), "t", 2, 3,
        "ends with 0");
    assertInputError(() -> readText(NnfFormat::read, "o 1 0\no 1 0\n"), "t", 2, 3,
        "declared twice");
    assertInputError(() -> readText(NnfFormat::read, "o 1 0\no 2 0\n1 2 0\n2 1 0\n"), "t", 4, 3,
        "closes a cycle");
    assertInputError(() -> readText(NnfFormat::read, "o 1 0\nt 2 0\n2 1 0\n"), "t", 3, 1,
        "true leaf");
    assertInputError(() -> readText(NnfFormat::read, "o 1 0\nt 2 0\n1 2 x 0\n"), "t", 3, 5,
        "expected a literal");
  }
}
