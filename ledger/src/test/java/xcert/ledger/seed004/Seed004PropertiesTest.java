package xcert.ledger.seed004;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.gaussian.UnifiedStability;
import xcert.explainers.thresholds.TopPercentNormalisation;
import xcert.solvers.claims.Seed004Claims;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.model.Circuit;

/** The judges and helpers behind the seed-004 checks, on hand-made inputs. */
class Seed004PropertiesTest {

  private static List<UnifiedStability.Point> curves(double[]... byTau) {
    List<UnifiedStability.Point> pts = new ArrayList<>();
    int[] taus = {3, 6, 9};
    for (int t = 0; t < 3; t++) {
      for (int k = 0; k <= 20; k++) {
        pts.add(new UnifiedStability.Point(taus[t], k / 20.0, byTau[t][k], 0, 100, 0, 0, 0, 0));
      }
    }
    return pts;
  }

  private static double[] curve(java.util.function.DoubleUnaryOperator h) {
    double[] c = new double[21];
    for (int k = 0; k <= 20; k++) {
      c[k] = h.applyAsDouble(k / 20.0);
    }
    return c;
  }

  /** The shapes the seed describes pass; a linear τ = 6 curve and an early-rising τ = 9 fail. */
  @Test
  void figure1aCriteriaSeparateTheDescribedShapes() {
    double[] steady = curve(a -> 0.4 * a);
    double[] steepThenGradual = curve(a -> a < 0.2 ? 1.5 * a : 0.3 + 0.2 * (a - 0.2) / 0.8);
    double[] lateJump = curve(a -> a <= 0.8 ? 0.05 * a : 0.04 + 0.36 * (a - 0.8) / 0.2);
    assertEquals(List.of(), Figure1aShapes.judge(curves(steady, steepThenGradual, lateJump),
        new StringBuilder()));
    List<String> bad = Figure1aShapes.judge(curves(steady, steady, steady), new StringBuilder());
    assertEquals(3, bad.size(), bad::toString);
    assertTrue(bad.get(0).startsWith("τ = 6"));
  }

  /** 200 nonzero scores 1..200 and a zero: the top 1% (2 scores) → 1, the rest ÷ 199. */
  @Test
  void topPercentNormalisationByHand() {
    double[] s = new double[201];
    for (int i = 1; i <= 200; i++) {
      s[i] = i;
    }
    double[] z = TopPercentNormalisation.normalise(s);
    assertEquals(0, z[0]);
    assertEquals(1, z[200]);
    assertEquals(1, z[199]);
    assertEquals(100 / 199.0, z[100], 1e-15);
    assertArrayEquals(new double[] {1, -0.5, 0.25}, TopPercentNormalisation.normalise(
        new double[] {4, -2, 1}), 0);
  }

  /** The documented counterexamples still fail the readings they refute. */
  @Test
  void documentedCounterexamplesFail() {
    BigFraction half = BigFraction.of(1, 2);
    assertTrue(Seed004Claims.theorem41(UnifiedTheorems.literalCounterexample(), half)[1].failed());
    assertTrue(Seed004Claims.theorem41(UnifiedTheorems.nestedCounterexample(), half)[2].failed());
    SufficiencyNecessity and = UnifiedTheorems.gate(Circuit.Op.AND);
    assertTrue(Seed004Claims.theorem51(and, BigFraction.of(1, 4)).failed());
    assertTrue(!Seed004Claims.theorem51(and, half).failed());
  }
}
