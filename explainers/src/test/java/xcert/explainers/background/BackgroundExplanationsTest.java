package xcert.explainers.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.claims.LimitChecks;
import xcert.explainers.explain.BackendChoice;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanation;
import xcert.explainers.explain.Explanations;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.claims.Verdict;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.notation.DistributionSpec;
import xcert.solvers.result.Scalar;

/**
 * The mask methods and their limits under a background distribution (--dist): the value of a
 * mask z is the interventional game value v(z) = E_{r~V} f(x ⊙ z + r ⊙ (1 − z)) (seed 004 Eq. 1).
 * Expected values come from independent computations: the exact table of f_S(x)
 * ({@link RestrictedPredictions}) and its Shapley values ({@link GameValues}), direct averages of
 * {@link Model#exactValue} over the rows, the Hoeffding bounds of {@link IdentityChecks}, and the
 * reference-point runs a point mass must reproduce.
 */
class BackgroundExplanationsTest {

  private static final int D = 4;
  private static final ReluNetwork NET = RandomInstances.relu(new SplittableRandom(11), D, 5, 2,
      false);
  private static final double[] X = {0.7, -1.2, 0.4, 1.5};
  private static final double[][] ROWS = {{0, 0, 0, 0}, {1, -1, 0.5, 2}, {-0.5, 0.25, 1, 0},
      {0.3, 0.3, -0.7, 1.1}, {1, -1, 0.5, 2}};
  private static final ReferenceDistribution V = new EmpiricalDistribution(ROWS, "test rows");
  private static final ExplainSettings CPU = ExplainSettings.defaults()
      .withBackend(BackendChoice.CPU);

  private static Explanation explain(Model f, double[] x, ReferenceDistribution v,
      ExplainMethod m, ExplainSettings s) {
    return Explanations.explain(f, x, v, m, s);
  }

  @Test
  void kernelShapLimitUnderABackgroundIsExactlyTheShapleyValueOfItsGame() {
    for (ReferenceDistribution v : List.of(V, DistributionSpec.parse("dist", "bernoulli:1/3,1/2,"
        + "1/4,2/3", D, Path.of(".")), ProductDistribution.uniform(D))) {
      Explanation e = explain(NET, X, v, ExplainMethod.KERNELSHAP_LIMIT, CPU);
      Scalar[] phi = GameValues.shapley(RestrictedPredictions.table(NET, X, v).values());
      assertTrue(e.isExact(), v.describe());
      for (int i = 0; i < D; i++) {
        assertEquals(phi[i].exact(), e.attribution().exactValues().get(i), v.describe());
      }
      assertEquals(v.describe(), e.settings().get("distribution"));
      assertFalse(e.settings().containsKey("reference"));
    }
  }

  /** v(S) averaged over the rows directly, exactly. */
  private static BigFraction game(Model f, double[] x, double[][] rows, int s) {
    BigFraction sum = BigFraction.ZERO;
    for (double[] r : rows) {
      double[] z = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        z[i] = ((s >> i) & 1) == 1 ? x[i] : r[i];
      }
      sum = sum.add(f.exactValue(z));
    }
    return sum.divide(rows.length);
  }

  @Test
  void occlusionUnderABackgroundDropsEachFeatureToTheRowsAverage() {
    Explanation limit = explain(NET, X, V, ExplainMethod.OCCLUSION_LIMIT, CPU);
    Explanation sampled = explain(NET, X, V, ExplainMethod.OCCLUSION, CPU);
    int full = (1 << D) - 1;
    for (int i = 0; i < D; i++) {
      BigFraction w = game(NET, X, ROWS, full).subtract(game(NET, X, ROWS, full & ~(1 << i)));
      assertEquals(w, limit.attribution().exactValues().get(i));
      // the sampled method enumerates the d one-hot masks: equal up to float64 rounding of the
      // weighted row averages (5 rows: a few ulps of the values)
      assertEquals(w.doubleValue(), sampled.attribution().values()[i],
          1e-12 * (1 + Math.abs(w.doubleValue())));
    }
  }

  @Test
  void aPointMassGivesExactlyWhatTheReferenceGives() {
    double[] r = {0.5, -0.25, 1, 0};
    ReferenceDistribution point = ProductDistribution.pointMass(r);
    for (ExplainMethod m : List.of(ExplainMethod.LIME, ExplainMethod.KERNELSHAP,
        ExplainMethod.OCCLUSION, ExplainMethod.GLIME_BINOMIAL, ExplainMethod.PERMUTATION,
        ExplainMethod.LIME_LIMIT, ExplainMethod.GLIME_LIMIT, ExplainMethod.KERNELSHAP_LIMIT,
        ExplainMethod.OCCLUSION_LIMIT)) {
      ExplainSettings s = CPU.withSeed(5);
      Explanation a = explain(NET, X, point, m, s);
      Explanation b = explain(NET, X, null, m, s.withReference(r));
      assertArrayEquals(b.attribution().values(), a.attribution().values(), m.id());
      assertEquals(b.attribution().intercept(), a.attribution().intercept(), m.id());
    }
  }

  @Test
  void limeAndGlimeLimitsUnderABackgroundAreThoseOfTheGameAsAModel() {
    // the game table path (RestrictedPredictions) against the level sums of h(ξ) read through
    // BackgroundGame.exactValue: two computations of the same rationals
    BackgroundGame h = new BackgroundGame(NET, X, Background.of(V));
    double[] ones = {1, 1, 1, 1};
    double[] zeros = new double[D];
    Explanation lime = explain(NET, X, V, ExplainMethod.LIME_LIMIT, CPU);
    assertArrayEquals(ExactLimits.lime(h, ones, zeros, 0.25, Kernel.Distance.COSINE, true, 0)
        .values(), lime.attribution().values());
    Explanation glime = explain(NET, X, V, ExplainMethod.GLIME_LIMIT, CPU.withSigma(2.0));
    assertArrayEquals(ExactLimits.glimeBinomial(h, ones, zeros, 2, true, 0).values(),
        glime.attribution().values());
  }

  @Test
  void sampledMethodsUnderABackgroundConvergeWithinTheirHoeffdingBounds() {
    BackgroundGame h = new BackgroundGame(NET, X, Background.of(V));
    double[] ones = {1, 1, 1, 1};
    double[] zeros = new double[D];
    double delta = LimitChecks.HOEFFDING_DELTA;
    long n = IdentityChecks.kernelShapSamples(D, delta);
    Verdict k = IdentityChecks.kernelShap(h, ones, 3, n, zeros, delta);
    assertEquals(Verdict.Status.HOLDS, k.status(), k::toString);
    Verdict l = IdentityChecks.limeAndGlimeConverge(h, ones, 3, 1 << 17, zeros, 1, delta);
    assertFalse(l.failed(), l::toString);
    // explain --dist runs that very instance: same numbers up to the rounding of the row sums
    double[] viaExplain = explain(NET, X, V, ExplainMethod.KERNELSHAP, CPU.withSeed(3)
        .withSamples(n)).attribution().values();
    double[] direct = Methods.create("kernelshap", MethodSettings.defaults().withSeed(3)
        .withSamples(n), D).explain(h, ones, new CpuBackend(2)).values();
    assertArrayEquals(direct, viaExplain, 1e-9);
  }

  @Test
  void theBackendEvaluatesTheModelOnMasksTimesRowsInChunks() {
    BackgroundGame h = new BackgroundGame(NET, X, Background.of(V));
    List<Model> seen = new java.util.ArrayList<>();
    CpuBackend cpu = new CpuBackend(2);
    xcert.explainers.backend.Backend recording = new xcert.explainers.backend.Backend() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public double[] evaluate(Model f, double[] rows, int n) {
        seen.add(f);
        return cpu.evaluate(f, rows, n);
      }

      @Override
      public double[] gradients(ReluNetwork f, double[] rows, int n) {
        return cpu.gradients(f, rows, n);
      }
    };
    int n = BackgroundBackend.POINTS / 4 + 100; // 4 distinct rows: two calls
    SplittableRandom rnd = new SplittableRandom(1);
    double[] masks = new double[n * D];
    for (int k = 0; k < masks.length; k++) {
      masks[k] = rnd.nextInt(2);
    }
    double[] y = new BackgroundBackend(recording).evaluate(h, masks, n);
    assertEquals(2, seen.size());
    assertTrue(seen.stream().allMatch(f -> f == NET)); // the network itself, never the game
    for (int r = 0; r < n; r += 997) {
      double[] z = java.util.Arrays.copyOfRange(masks, r * D, r * D + D);
      assertEquals(h.exactValue(z).doubleValue(), y[r], 1e-12 * (1 + Math.abs(y[r])));
    }
  }

  @Test
  void aProductBackgroundIsItsSupportAndTooLargeOnesAreRefused() {
    Background b = Background.of(DistributionSpec.parse("dist", "bernoulli:1/3,1/2,1/4,2/3", D,
        Path.of(".")));
    assertEquals(16, b.size());
    BigFraction total = BigFraction.ZERO;
    for (int j = 0; j < b.size(); j++) {
      total = total.add(b.weight(j));
    }
    assertEquals(BigFraction.ONE, total);
    assertEquals(Background.MAX_ROWS, Background.of(ProductDistribution.uniform(12)).size());
    InputException e = assertThrows(InputException.class,
        () -> Background.of(ProductDistribution.uniform(13)));
    assertTrue(e.getMessage().contains("csv:FILE"), e.getMessage());
    Background empirical = Background.of(V);
    assertEquals(4, empirical.size()); // one duplicate row merged, weight 2/5
    assertEquals(BigFraction.of(2, 5), empirical.weight(1));
  }

  @Test
  void methodsThatDoNotMaskRefuseTheBackgroundAndReferenceConflicts() {
    for (ExplainMethod m : List.of(ExplainMethod.C_LIME, ExplainMethod.SMOOTHGRAD,
        ExplainMethod.VANILLA_GRADIENTS, ExplainMethod.INTEGRATED_GRADIENTS,
        ExplainMethod.GRADIENT_X_INPUT, ExplainMethod.GLIME_GAUSS, ExplainMethod.IG_EXACT)) {
      InputException e = assertThrows(InputException.class, () -> explain(NET, X, V, m, CPU));
      assertTrue(e.getMessage().contains("dist"), e.getMessage());
    }
    InputException e = assertThrows(InputException.class, () -> explain(NET, X, V,
        ExplainMethod.KERNELSHAP, CPU.withReference(new double[D])));
    assertTrue(e.getMessage().contains("conflicts"), e.getMessage());
  }

  @Test
  void aCircuitTakesOnlyA01Background() {
    Circuit c = RandomInstances.circuit(new SplittableRandom(4), D, 8);
    double[] x = {1, 0, 1, 1};
    ReferenceDistribution bits = new EmpiricalDistribution(new double[][] {{0, 0, 1, 0},
        {1, 1, 0, 0}, {0, 1, 1, 1}}, "bits");
    Explanation e = explain(c, x, bits, ExplainMethod.KERNELSHAP_LIMIT, CPU);
    Scalar[] phi = GameValues.shapley(RestrictedPredictions.table(c, x, bits).values());
    for (int i = 0; i < D; i++) {
      assertEquals(phi[i].exact(), e.attribution().exactValues().get(i));
    }
    explain(c, x, bits, ExplainMethod.LIME, CPU); // runs
    assertThrows(InputException.class, () -> explain(c, x, V, ExplainMethod.LIME, CPU));
  }
}
