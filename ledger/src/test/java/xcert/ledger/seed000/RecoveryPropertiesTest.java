package xcert.ledger.seed000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.recovery.ModifiedLoss;
import xcert.explainers.recovery.SinusoidalAliasing;
import xcert.ledger.Finding;
import xcert.ledger.Verdict;
import xcert.solvers.model.ReluNetwork;

/** The library code behind 000-Rem1b and 000-Rem2, against hand computations. */
class RecoveryPropertiesTest {

  /**
   * f(x) = 3x + 1 at x = 2, d = 1: the binary perturbations give (ξ, y) = (0, 1), (1, 7). The
   * original loss regresses y on ξ: slope 6 = w·x; the modified one on z = xξ ∈ {0, 2}: slope 3 = w.
   */
  @Test
  void binaryFitsByHand() {
    BigFraction[] w = {BigFraction.of(3)};
    BigFraction[] x = {BigFraction.of(2)};
    assertArrayEquals(new BigFraction[] {BigFraction.of(6), BigFraction.ONE},
        ModifiedLoss.binaryAffineFit(w, BigFraction.ONE, x, false));
    assertArrayEquals(new BigFraction[] {BigFraction.of(3), BigFraction.ONE},
        ModifiedLoss.binaryAffineFit(w, BigFraction.ONE, x, true));
    assertThrows(ArithmeticException.class, () -> ModifiedLoss.binaryAffineFit(w, BigFraction.ONE,
        new BigFraction[] {BigFraction.ZERO}, true));
  }

  @Test
  void modifiedGradientFitOfALinearModelIsItsWeights() {
    ReluNetwork f = new ReluNetwork(new double[][][] {{{2, -1.5, 0.25}}}, new double[][] {{4}},
        OptionalDouble.empty());
    assertArrayEquals(new double[] {2, -1.5, 0.25}, ModifiedLoss.gradientMatchingFit(f,
        new double[] {1, -2, 3}, 0, 100, 7), 0);
  }

  /** Aliases within |w'| ≤ |w| exist iff |w·x0| > π/2, and each has zero binary-noise loss. */
  @Test
  void aliasingStartsAtHalfPi() {
    double x0 = 0.75;
    for (int k = 1; k <= 600; k++) {
      double theta = k * Math.PI / 200;
      double w = theta / x0;
      List<Double> al = SinusoidalAliasing.aliases(w, x0, Math.abs(w));
      assertEquals(theta > Math.PI / 2 + 1e-9, !al.isEmpty(), "θ = " + theta);
      for (double a : al) {
        assertTrue(SinusoidalAliasing.modifiedLoss(new double[] {w}, new double[] {a},
            new double[] {x0}) < 1e-25);
      }
    }
    // θ = 3π/4: the alias is π/4 / x0, below the seed's bound π/x0
    List<Double> al = SinusoidalAliasing.aliases(0.75 * Math.PI / x0, x0, 0.75 * Math.PI / x0);
    assertEquals(Math.PI / 4 / x0, al.get(0), 1e-12);
  }

  @Test
  void verdictsFailOnAnyFailureAndRefuseAllVacuous() {
    var held = xcert.solvers.claims.Verdict.holds("c", "ok");
    var failed = xcert.solvers.claims.Verdict.fails("c", "counterexample 7");
    var vacuous = xcert.solvers.claims.Verdict.vacuous("c", "none");
    Finding f = Verdicts.finding("000-Rem1", "x", List.of(held, vacuous, failed, held));
    assertEquals(Verdict.FAILS, f.verdict());
    assertTrue(f.evidence().contains("counterexample 7"));
    assertEquals(Verdict.HOLDS, Verdicts.finding("000-Rem1", "x", List.of(held, vacuous))
        .verdict());
    assertThrows(IllegalStateException.class, () -> Verdicts.finding("000-Rem1", "x",
        List.of(vacuous)));
  }
}
