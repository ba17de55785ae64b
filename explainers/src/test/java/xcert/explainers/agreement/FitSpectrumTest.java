package xcert.explainers.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.HeNetworks;
import xcert.explainers.backend.LfaSums;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.model.ReluNetwork;

/** {@link FitSpectrum} on normal equations whose eigenvalues are known in closed form. */
class FitSpectrumTest {

  /** Occlusion on n = 3d samples: one-hot rows e_1..e_d three times each, so S = 3 I. */
  @Test
  void occlusionGramIsAMultipleOfTheIdentity() {
    SplittableRandom rnd = new SplittableRandom(1);
    ReluNetwork f = HeNetworks.he(rnd, 5, 8, 1);
    MethodSettings s = MethodSettings.defaults().withSamples(15);
    LfaSums sums = Methods.create("occlusion", s, 5).sums(f, HeNetworks.point(rnd, 5),
        new CpuBackend(1));
    FitSpectrum sp = FitSpectrum.of(sums, ModelClass.linear());
    assertEquals(3, sp.lambdaMinA(), 1e-12);
    assertEquals(3, sp.lambdaMaxA(), 1e-12);
    assertEquals(3, sp.lambdaMaxS(), 1e-12);
    assertEquals(15, sp.weightSum(), 0);
    assertEquals(5, sp.columns());
  }

  /**
   * S = [[2, 1], [1, 2]] (eigenvalues 1 and 3) with an intercept column: ridge adds λ to the
   * feature only. λ = 1 on the sum scale: A = [[3, 1], [1, 2]], eigenvalues (5 ± √5)/2; on the mean
   * scale with Σπ = 4: A = [[6, 1], [1, 2]], eigenvalues 4 ± √5.
   */
  @Test
  void ridgeShiftsTheFeaturesButNotTheIntercept() {
    LfaSums sums = new LfaSums(new double[] {2, 1, 1, 2}, new double[] {0, 0}, 4, 4, Double.NaN,
        Double.NaN);
    FitSpectrum sum = FitSpectrum.of(sums, ModelClass.ridge(true, 1, ModelClass.Scale.SUM));
    assertEquals((5 - Math.sqrt(5)) / 2, sum.lambdaMinA(), 1e-12);
    assertEquals((5 + Math.sqrt(5)) / 2, sum.lambdaMaxA(), 1e-12);
    assertEquals(3, sum.lambdaMaxS(), 1e-12);
    FitSpectrum mean = FitSpectrum.of(sums, ModelClass.ridge(true, 1, ModelClass.Scale.MEAN));
    assertEquals(4 - Math.sqrt(5), mean.lambdaMinA(), 1e-12);
    assertEquals(4 + Math.sqrt(5), mean.lambdaMaxA(), 1e-12);
    FitSpectrum lasso = FitSpectrum.of(sums, ModelClass.lasso(true, 1, ModelClass.Scale.SUM));
    assertEquals(1, lasso.lambdaMinA(), 1e-12);
    assertEquals(3, lasso.lambdaMaxA(), 1e-12);
  }
}
