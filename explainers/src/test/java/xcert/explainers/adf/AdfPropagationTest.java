package xcert.explainers.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

class AdfPropagationTest {

  /** The exact input moments of V in the three representations (factor: centred points, r = #points). */
  static Moments input(WeightedPoints w, CovarianceKind kind) {
    Moments exact = ExactMoments.of(w);
    return switch (kind) {
      case FULL -> exact;
      case DIAGONAL -> Moments.diagonal(exact.mean(), exact.variances());
      case LOW_RANK -> {
        int d = exact.dimension();
        double[][] q = new double[d][w.size()];
        for (int k = 0; k < w.size(); k++) {
          double sq = Math.sqrt(w.probabilities()[k]);
          for (int i = 0; i < d; i++) {
            q[i][k] = sq * (w.points()[k][i] - exact.mean(i));
          }
        }
        yield Moments.lowRank(exact.mean(), q);
      }
    };
  }

  /** Σ_i |w_i|(|μ_i| + σ_i): a bound on every partial sum of the output mean; squared for Σ. */
  private static double scale(ReluNetwork net, Moments in) {
    double s = Math.abs(net.bias(0, 0));
    for (int i = 0; i < net.dimension(); i++) {
      s += Math.abs(net.weight(0, 0, i)) * (Math.abs(in.mean(i)) + Math.sqrt(in.variance(i)));
    }
    return 1 + s;
  }

  /**
   * (a) An affine network (no hidden layer) with a product V: all three modes give the exact output
   * mean and variance (Eq. (5) is exact, the input covariance is diagonal, and a factor with r = d
   * reproduces it). Tolerance 1e-12·scale (·scale² for the variance): d ≤ 8 products and sums in
   * float64 err by at most about 16·2⁻⁵³ relative to the scale.
   */
  @Test
  void affineNetworksAreExactInEveryMode() {
    qt().withFixedSeed(301).withExamples(150)
        .forAll(integers().between(1, 8), longs().between(0, 1 << 20))
        .checkAssert((d, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          ReluNetwork net = RandomInstances.relu(rnd, d, 1, 0, false);
          ProductDistribution v = RandomInstances.product(rnd, d, seed % 2 == 0);
          WeightedPoints w = WeightedPoints.of(v);
          Moments exact = ExactMoments.of(net, w).output();
          for (CovarianceKind kind : CovarianceKind.values()) {
            Moments in = kind == CovarianceKind.LOW_RANK ? diagonalFactor(input(w, kind))
                : input(w, kind);
            Moments out = AdfPropagation.propagate(net, in).output();
            double sc = scale(net, in);
            assertEquals(exact.mean(0), out.mean(0), 1e-12 * sc, kind + " mean, seed " + seed);
            assertEquals(exact.variance(0), out.variance(0), 1e-12 * sc * sc,
                kind + " variance, seed " + seed);
          }
        });
  }

  /** For a product V: Q = diag(σ), r = d. */
  private static Moments diagonalFactor(Moments m) {
    int d = m.dimension();
    double[][] q = new double[d][d];
    for (int i = 0; i < d; i++) {
      q[i][i] = Math.sqrt(m.variance(i));
    }
    return Moments.lowRank(m.mean(), q);
  }

  /**
   * An affine network and an empirical V (correlated features): full and factor modes stay exact,
   * while the diagonal mode, which drops the correlations, in general does not.
   */
  @Test
  void affineNetworksWithCorrelatedInputNeedTheFullCovariance() {
    double[][] rows = {{0, 0}, {1, 1}, {1, 1}, {0, 1}};
    ReferenceDistribution v = new xcert.solvers.dist.EmpiricalDistribution(rows, "test");
    ReluNetwork net = new ReluNetwork(new double[][][] {{{1, 1}}}, new double[][] {{0.5}},
        java.util.OptionalDouble.empty());
    WeightedPoints w = WeightedPoints.of(v);
    Moments exact = ExactMoments.of(net, w).output();
    for (CovarianceKind kind : new CovarianceKind[] {CovarianceKind.FULL, CovarianceKind.LOW_RANK}) {
      Moments out = AdfPropagation.propagate(net, input(w, kind)).output();
      assertEquals(exact.mean(0), out.mean(0), 1e-14);
      assertEquals(exact.variance(0), out.variance(0), 1e-14);
    }
    Moments diag = AdfPropagation.propagate(net, input(w, CovarianceKind.DIAGONAL)).output();
    // Var(x1 + x2) = 1/4 + 3/16 + 2·Cov(x1, x2) = 7/16 + 2·1/8: the diagonal mode misses 2 Cov
    assertEquals(11.0 / 16, exact.variance(0), 1e-15);
    assertEquals(7.0 / 16, diag.variance(0), 1e-15);
  }

  /**
   * (b) Generated ReLU networks and distributions beside the exact moments: the first layer's
   * pre-activation moments are exact in the full and factor modes (and in the diagonal mode for a
   * product V), the output error is finite; the errors are printed for the record.
   */
  @Test
  void generatedNetworksBesideExactMoments() {
    double[] worstMean = new double[3];
    double[] worstVar = new double[3];
    qt().withFixedSeed(302).withExamples(120)
        .forAll(integers().between(1, 7), integers().between(1, 5), longs().between(0, 1 << 20))
        .checkAssert((d, width, seed) -> {
          Instance inst = RandomInstances.reluInstance(seed, d, width, false);
          ReluNetwork net = (ReluNetwork) inst.model();
          WeightedPoints w = WeightedPoints.of(inst.distribution());
          AdfPropagation.Trace exact = ExactMoments.of(net, w);
          boolean product = inst.distribution() instanceof ProductDistribution;
          for (CovarianceKind kind : CovarianceKind.values()) {
            AdfPropagation.Trace adf = AdfPropagation.propagate(net, input(w, kind));
            MomentComparison c = MomentComparison.compare(adf, exact);
            MomentComparison.Row first = c.rows().get(0);
            if (kind != CovarianceKind.DIAGONAL || product) {
              double sc = 1 + 4 * d;
              assertTrue(first.maxMeanError() <= 1e-12 * sc, kind + " " + inst + "\n" + c.describe());
              assertTrue(first.maxVarianceError() <= 1e-12 * sc * sc, kind + " " + inst);
            }
            MomentComparison.Row out = c.output();
            assertTrue(Double.isFinite(out.maxMeanError()) && Double.isFinite(out.maxVarianceError()),
                kind + " " + inst);
            worstMean[kind.ordinal()] = Math.max(worstMean[kind.ordinal()], out.maxMeanError());
            worstVar[kind.ordinal()] = Math.max(worstVar[kind.ordinal()], out.maxVarianceError());
          }
        });
    for (CovarianceKind kind : CovarianceKind.values()) {
      System.out.printf(Locale.ROOT, "ADF %s on generated ReLU nets: worst output |Δmean| %.3e, "
          + "|Δvar| %.3e%n", kind, worstMean[kind.ordinal()], worstVar[kind.ordinal()]);
    }
  }

  /**
   * With a Gaussian input the first pre-activation is Gaussian (Eq. (5) is exact), so the first ReLU
   * layer's means are exact in every mode and, in the diagonal mode, so are its variances
   * ([8, Eq. 10b]): checked per neuron against a one-dimensional numerical integral. The full and
   * factor modes take the variance from Eq. (6), diag(NΣN) = F(η)²·v, which is not the variance of
   * ρ(z) (at μ = 0 it is v/4 against v(1/2 − 1/(2π)) ≈ 0.341 v); the test checks that they do
   * exactly that.
   */
  @Test
  void firstReluLayerIsExactForGaussianInput() {
    SplittableRandom rnd = new SplittableRandom(303);
    for (int trial = 0; trial < 20; trial++) {
      int d = 1 + rnd.nextInt(5);
      ReluNetwork net = RandomInstances.relu(rnd, d, 1 + rnd.nextInt(4), 1, false);
      double[] mu = new double[d];
      double[][] a = new double[d][d];
      for (int i = 0; i < d; i++) {
        mu[i] = rnd.nextDouble() * 2 - 1;
        for (int j = 0; j < d; j++) {
          a[i][j] = rnd.nextDouble() - 0.5;
        }
      }
      Moments low = Moments.lowRank(mu, a);
      Moments full = Moments.full(mu, low.covariance());
      Moments diagonal = Moments.diagonal(mu, low.variances());
      for (Moments in : new Moments[] {low, full, diagonal}) {
        AdfPropagation.Trace t = AdfPropagation.propagate(net, in);
        Moments z = t.pre().get(0);
        Moments r = t.post().get(0);
        for (int j = 0; j < z.dimension(); j++) {
          double m = z.mean(j);
          double v = z.variance(j);
          double e1 = integral(m, v, 1);
          double e2 = integral(m, v, 2);
          String what = in.kind() + ", trial " + trial + ", neuron " + j;
          assertEquals(e1, r.mean(j), 1e-9, "mean, " + what);
          double expected = in.kind() == CovarianceKind.DIAGONAL ? e2 - e1 * e1
              : Math.pow(GaussianRelu.of(m, v).gain(), 2) * v;
          assertEquals(expected, r.variance(j), 1e-9, "variance, " + what);
        }
      }
    }
  }

  /**
   * ∫ ρ(z)^k φ_{m,v}(z) dz by composite Simpson on [0, ∞) ∩ [m − 12σ, m + 12σ] with 20000 intervals
   * (the kink of ρ is an end point, the integrand is smooth inside; error far below 1e-9).
   */
  private static double integral(double m, double v, int k) {
    if (v == 0) {
      return Math.pow(Math.max(m, 0), k);
    }
    double sd = Math.sqrt(v);
    double lo = Math.max(0, m - 12 * sd);
    double hi = Math.max(0, m + 12 * sd);
    if (hi <= lo) {
      return 0;
    }
    int n = 20000;
    double h = (hi - lo) / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double z = lo + i * h;
      double g = Math.pow(z, k) * Math.exp(-0.5 * (z - m) * (z - m) / v);
      s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * g;
    }
    return s * h / 3 / (sd * Math.sqrt(2 * Math.PI));
  }

  /** (c) A factor of full rank reproduces the full mode at every layer, to rounding. */
  @Test
  void fullRankFactorEqualsFullMode() {
    qt().withFixedSeed(304).withExamples(100)
        .forAll(integers().between(1, 6), integers().between(1, 5), longs().between(0, 1 << 20))
        .checkAssert((d, width, seed) -> {
          Instance inst = RandomInstances.reluInstance(seed, d, width, false);
          ReluNetwork net = (ReluNetwork) inst.model();
          WeightedPoints w = WeightedPoints.of(inst.distribution());
          AdfPropagation.Trace full = AdfPropagation.propagate(net, input(w, CovarianceKind.FULL));
          AdfPropagation.Trace low = AdfPropagation.propagate(net, input(w, CovarianceKind.LOW_RANK));
          MomentComparison c = MomentComparison.compare(low, full);
          for (MomentComparison.Row row : c.rows()) {
            assertTrue(row.maxMeanError() <= 1e-9 && row.maxVarianceError() <= 1e-9,
                inst + "\n" + c.describe());
          }
          double[][] cl = low.output().covariance();
          assertEquals(full.output().variance(0), cl[0][0], 1e-9);
        });
  }

  @Test
  void exactObfuscationMomentsAtTheEnds() {
    Instance inst = RandomInstances.reluInstance(7, 4, 3, false);
    ReluNetwork net = (ReluNetwork) inst.model();
    int d = 4;
    double[] ones = new double[d];
    java.util.Arrays.fill(ones, 1);
    Moments kept = ExactMoments.of(net, WeightedPoints.obfuscation(inst.x(), ones,
        inst.distribution())).output();
    assertEquals(net.score(inst.x()), kept.mean(0), 1e-12);
    assertEquals(0, kept.variance(0), 1e-12);
    Moments none = ExactMoments.of(net, WeightedPoints.obfuscation(inst.x(), new double[d],
        inst.distribution())).output();
    Moments v = ExactMoments.of(net, WeightedPoints.of(inst.distribution())).output();
    assertEquals(v.mean(0), none.mean(0), 0);
    assertEquals(v.variance(0), none.variance(0), 0);
  }

  @Test
  void refusesMoreThan2To22Points() {
    ProductDistribution big = ProductDistribution.uniform(23);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WeightedPoints.of(big));
    assertTrue(e.getMessage().contains("2^22"), e.getMessage());
    assertEquals(1 << 22, WeightedPoints.of(ProductDistribution.uniform(22)).size());
  }
}
