package xcert.explainers.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.model.Circuit;
import xcert.solvers.setfunction.Subsets;

/**
 * The relaxed masks of seed 004 Eq. 13 against the exact optima of (P_suf) and (P_nec) on constructed
 * instances where the optimum is unique and the relaxation is tight: on the linear instance of
 * {@link LinearInstances} the penalised relaxed objective is minimised by the indicator of the
 * features with w_i/2 above λ₁ (up to the factor by which the Concrete relaxation scales the
 * gradient), so with λ₁ between the k-th and (k+1)-th contribution, or the default λ₁ and k = 5
 * relevant features, the top k of the mask must be the exact optimum at |S| ≤ k.
 */
class RecoveryTest {

  private static final CpuBackend CPU = new CpuBackend(2);

  @Test
  void topKIsTheExactOptimumOnTheLinearInstance() {
    SufficiencyNecessity sn = LinearInstances.exact();
    int[] ks = {1, 2, 3, 5};
    qt().withFixedSeed(4_001L).withExamples(4).forAll(longs().between(0, 1L << 40))
        .checkAssert(seed -> {
          for (double alpha : new double[] {1, 0}) {
            for (int k : ks) {
              Optimum exact = alpha == 1 ? sn.solveSufficiency(k) : sn.solveNecessity(k);
              assertEquals(1, exact.count(), "the optimum at k=" + k + " must be unique");
              MaskSettings s = MaskSettings.defaults(alpha).withSeed(seed);
              if (k < 5) {
                s = s.withLambda1(Math.sqrt(LinearInstances.contribution(k - 1)
                    * LinearInstances.contribution(k)));
              }
              Attribution m = new RelaxedMaskExplainer(s, LinearInstances.distribution())
                  .explain(LinearInstances.model(), LinearInstances.point(), CPU);
              assertEquals(exact.sets()[0], LinearInstances.topK(m.values(), k), "alpha=" + alpha
                  + " k=" + k + " seed=" + seed + " mask " + Arrays.toString(m.values())
                  + " exact " + exact);
            }
          }
        });
  }

  /** x1 ∧ x2 with irrelevant x3, x4 under uniform V at x = 1111: x1 and x2 rank on top. */
  @Test
  void sufficientMaskOfAConjunctionRanksItsInputsOnTop() {
    Circuit.Builder b = Circuit.builder(4);
    b.output(b.and(b.input(1), b.input(2)));
    Circuit c = b.build();
    double[] x = {1, 1, 1, 1};
    SufficiencyNecessity sn = SufficiencyNecessity.of(
        xcert.solvers.exact.RestrictedPredictions.table(c, x, ProductDistribution.uniform(4)),
        xcert.solvers.setfunction.Rho.ABS);
    assertEquals("{1,2}", Subsets.format(sn.solveSufficiency(2).sets()[0]));
    qt().withFixedSeed(4_002L).withExamples(5).forAll(longs().between(0, 1L << 40))
        .checkAssert(seed -> {
          double[] m = new RelaxedMaskExplainer(MaskSettings.defaults(1).withSeed(seed),
              ProductDistribution.uniform(4)).explain(c, x, CPU).values();
          assertTrue(Math.min(m[0], m[1]) > Math.max(m[2], m[3]), Arrays.toString(m));
          assertEquals(sn.solveSufficiency(2).sets()[0], LinearInstances.topK(m, 2));
        });
  }

  /**
   * Finding: with a fixed estimate of f_∅(x) the necessity term's gradient sign is decided by the
   * sampling noise of the reference rows near the optimum, and the necessary mask at k = 3 misses
   * the exact optimum for some of the seeds 0..19; pairing the baseline with each step's rows
   * (the default) recovers it for all 20.
   */
  @Test
  void fixedBaselineLosesTheNecessaryMaskWherePairedKeepsIt() {
    SufficiencyNecessity sn = LinearInstances.exact();
    int k = 3;
    int target = sn.solveNecessity(k).sets()[0];
    double lambda1 = Math.sqrt(LinearInstances.contribution(2) * LinearInstances.contribution(3));
    int pairedHits = 0;
    int fixedHits = 0;
    for (long seed = 0; seed < 20; seed++) {
      MaskSettings s = MaskSettings.defaults(0).withLambda1(lambda1).withSeed(seed);
      pairedHits += hit(s, target, k);
      fixedHits += hit(s.withBaselineEstimate(BaselineEstimate.FIXED), target, k);
    }
    assertEquals(20, pairedHits);
    assertTrue(fixedHits < 20, "fixed baseline recovered " + fixedHits + "/20");
  }

  private static int hit(MaskSettings s, int target, int k) {
    double[] m = new RelaxedMaskExplainer(s, LinearInstances.distribution())
        .explain(LinearInstances.model(), LinearInstances.point(), CPU).values();
    return LinearInstances.topK(m, k) == target ? 1 : 0;
  }
}
