package xcert.explainers.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanation;
import xcert.explainers.explain.Explanations;
import xcert.solvers.bench.NetworkExactBenchmark;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.Rationals;

/**
 * Statistical verdicts for xcert's own sampled KernelSHAP and LIME (the estimators the bounds are
 * proven for): their estimates at several seeds pass at C = 0.95 against the exact limits, a shift
 * of one feature by more than twice the bound fails, too few samples give no verdict, and pairings
 * the bounds do not cover are refused.
 */
class SampledRegressionVerdictTest {

  private static final ReluNetwork NET = NetworkExactBenchmark.network(6, 3);
  private static final double[] NET_X = {1, 0, 1, 1, 0, 1};
  private static final Circuit CIRCUIT = circuit();
  private static final double[] CIRCUIT_X = {1, 1, 0, 1, 1};

  /** (x1 ∧ x2) ∨ (x3 ⊕ x4) ∨ (x5 ∧ ¬x1). */
  private static Circuit circuit() {
    Circuit.Builder b = Circuit.builder(5);
    int x1 = b.input(1);
    int x2 = b.input(2);
    int x3 = b.input(3);
    int x4 = b.input(4);
    int x5 = b.input(5);
    b.output(b.or(b.or(b.and(x1, x2), b.xor(x3, x4)), b.and(x5, b.not(x1))));
    return b.build();
  }

  private static Explanation estimate(Model f, double[] x, ExplainMethod m, long n, long seed) {
    return Explanations.explain(f, x, null, m, ExplainSettings.defaults().withSamples(n)
        .withSeed(seed));
  }

  private static OracleSettings settings(SampledEstimator e, long n) {
    return OracleSettings.defaults().withEstimator(e, n, 0.95);
  }

  private static Grade kernelShap(Model f, double[] x, long n, long seed, Against against) {
    Explanation e = estimate(f, x, ExplainMethod.KERNELSHAP, n, seed);
    return Oracle.grade(f, x, against == Against.SHAPLEY
        ? ProductDistribution.pointMass(new double[x.length]) : null, e, against,
        settings(SampledEstimator.KERNELSHAP, n));
  }

  private static Grade lime(Model f, double[] x, long n, long seed) {
    Explanation e = estimate(f, x, ExplainMethod.LIME, n, seed);
    return Oracle.grade(f, x, null, e, Against.LIME_LIMIT, settings(SampledEstimator.LIME, n));
  }

  @Test
  void honestKernelShapEstimatesPass() {
    for (long n : new long[] {2000, 4001}) {
      for (long seed = 1; seed <= 4; seed++) {
        for (Against a : new Against[] {Against.SHAPLEY, Against.KERNELSHAP_LIMIT}) {
          Grade g = kernelShap(NET, NET_X, n, seed, a);
          assertTrue(g.pass(), "net n=" + n + " seed=" + seed + ": " + g.verdict());
          assertTrue(g.verdict().startsWith("PASS: consistent with " + n + " kernelshap"),
              g.verdict());
          g = kernelShap(CIRCUIT, CIRCUIT_X, n, seed, a);
          assertTrue(g.pass(), "circuit n=" + n + " seed=" + seed + ": " + g.verdict());
        }
      }
    }
  }

  @Test
  void honestLimeEstimatesPass() {
    for (long n : new long[] {2000, 5000}) {
      for (long seed = 1; seed <= 4; seed++) {
        Grade g = lime(NET, NET_X, n, seed);
        assertTrue(g.pass(), "net n=" + n + " seed=" + seed + ": " + g.verdict());
        assertTrue(g.verdict().startsWith("PASS: consistent with " + n + " lime"), g.verdict());
        g = lime(CIRCUIT, CIRCUIT_X, n, seed);
        assertTrue(g.pass(), "circuit n=" + n + " seed=" + seed + ": " + g.verdict());
      }
    }
  }

  /** Feature 1 moved by twice its bound: more than the bound away whatever the sampling error. */
  private static Grade shifted(Grade honest, Model f, double[] x, Against a, OracleSettings s,
      ProductDistribution v) {
    BigFraction[] given = new BigFraction[x.length];
    for (int i = 0; i < x.length; i++) {
      given[i] = honest.given().get(i).exact();
    }
    BigFraction bound = honest.tolerance().subtract(OracleSettings.DEFAULT_TOLERANCE);
    BigFraction width = Rationals.fromDouble(honest.sampling().halfWidths()[0]);
    assertTrue(width.compareTo(BigFraction.ZERO) > 0 && bound.signum() > 0);
    given[0] = given[0].add(width.multiply(2));
    return Oracle.grade(f, x, v, given, a, s);
  }

  @Test
  void aShiftBeyondTheBoundFails() {
    long n = 4000;
    Grade honest = kernelShap(NET, NET_X, n, 7, Against.SHAPLEY);
    assertTrue(honest.pass(), honest.verdict());
    Grade g = shifted(honest, NET, NET_X, Against.SHAPLEY,
        settings(SampledEstimator.KERNELSHAP, n), ProductDistribution.pointMass(new double[6]));
    assertFalse(g.pass(), g.verdict());
    assertEquals(1, g.worstFeature());
    assertTrue(g.verdict().startsWith("FAIL: not consistent with 4000 kernelshap"), g.verdict());

    Grade honestLime = lime(NET, NET_X, n, 7);
    assertTrue(honestLime.pass(), honestLime.verdict());
    g = shifted(honestLime, NET, NET_X, Against.LIME_LIMIT, settings(SampledEstimator.LIME, n),
        null);
    assertFalse(g.pass(), g.verdict());
    assertTrue(g.verdict().startsWith("FAIL: not consistent with 4000 lime"), g.verdict());
  }

  @Test
  void tooFewSamplesGiveNoVerdict() {
    // at 6 coalitions xcert's own fit is singular; any attribution gets no verdict
    BigFraction[] zeros = new BigFraction[6];
    java.util.Arrays.fill(zeros, BigFraction.ZERO);
    Grade g = Oracle.grade(NET, NET_X, ProductDistribution.pointMass(new double[6]), zeros,
        Against.SHAPLEY, settings(SampledEstimator.KERNELSHAP, 6));
    assertFalse(g.pass(), g.verdict());
    assertTrue(g.sampling().vacuous());
    assertTrue(g.verdict().startsWith("NO VERDICT: the bound of 6 kernelshap samples"),
        g.verdict());
    assertTrue(g.verdict().contains("vacuous (infinite)"), g.verdict());
    g = lime(NET, NET_X, 20, 1);
    assertTrue(g.sampling().vacuous() && !g.pass(), g.verdict());
  }

  @Test
  void pairingsWithoutABoundAreRefused() {
    OracleSettings lime = settings(SampledEstimator.LIME, 1000);
    InputException e = assertThrows(InputException.class,
        () -> Oracle.check(Against.SHAPLEY, lime, false));
    assertTrue(e.getMessage().contains("lime estimates converge to lime-limit"), e.getMessage());
    assertThrows(InputException.class, () -> Oracle.check(Against.BANZHAF,
        settings(SampledEstimator.KERNELSHAP, 1000), false));
    assertThrows(InputException.class, () -> Oracle.check(Against.LIME_LIMIT,
        lime.withLimit(ExplainSettings.defaults().withLambda(0.5)), false));
    assertThrows(InputException.class, () -> Oracle.check(Against.LIME_LIMIT,
        settings(SampledEstimator.LIME, 1), false));
    Oracle.check(Against.KERNELSHAP_LIMIT, settings(SampledEstimator.KERNELSHAP, 2), false);
  }
}
