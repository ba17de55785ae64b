package xcert.explainers.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianReluTest {

  /**
   * E[ρ(z)^k] for z ~ N(μ, v) by composite Simpson on [μ − 12σ, μ + 12σ] ∩ [0, ∞) with 20000
   * intervals; the integrand is smooth there (the kink at 0 is an end point), so the rule's error
   * h⁴·max|g⁗|/180 is far below 1e-12 at these scales, and the truncated tail is below e^{−72}.
   */
  private static double moment(double mu, double v, int k) {
    double sd = Math.sqrt(v);
    double a = Math.max(0, mu - 12 * sd);
    double b = Math.max(0, mu + 12 * sd);
    if (b <= a) {
      return 0;
    }
    int n = 20000;
    double h = (b - a) / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double z = a + i * h;
      double g = Math.pow(z, k) * Math.exp(-0.5 * (z - mu) * (z - mu) / v) / (sd * Math.sqrt(2 * Math.PI));
      s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * g;
    }
    return s * h / 3;
  }

  @Test
  void standardDeviationReadingIsExactForOneRelu() {
    double[] mus = {-3, -1, -0.25, 0, 0.5, 2, 4};
    double[] vars = {0.01, 0.3, 1, 2.5, 4, 9};
    for (double mu : mus) {
      for (double v : vars) {
        GaussianRelu g = GaussianRelu.of(mu, v);
        double m1 = moment(mu, v, 1);
        double m2 = moment(mu, v, 2);
        double scale = Math.abs(mu) + Math.sqrt(v);
        assertEquals(m1, g.mean(), 1e-11 * scale, "mean at μ=" + mu + " v=" + v);
        assertEquals(m2 - m1 * m1, g.variance(), 1e-10 * scale * scale, "var at μ=" + mu + " v=" + v);
      }
    }
  }

  /** The closed form at μ = 0: E ρ(z) = σ/√(2π), V ρ(z) = σ²(1/2 − 1/(2π)). */
  @Test
  void centredGaussianClosedForm() {
    for (double v : new double[] {0.25, 1, 4, 100}) {
      double sd = Math.sqrt(v);
      GaussianRelu g = GaussianRelu.of(0, v);
      assertEquals(sd / Math.sqrt(2 * Math.PI), g.mean(), 1e-15 * sd);
      assertEquals(v * (0.5 - 1 / (2 * Math.PI)), g.variance(), 1e-15 * v);
    }
  }

  /**
   * The paper's wording, σ = diag Σ (the variance) in E[ρ(z)] = σ f(μ/σ) + μ F(μ/σ), gives a wrong
   * mean for variance ≠ 1: for μ = 0, v = 4 it gives 4/√(2π) ≈ 1.596, twice the true 2/√(2π).
   */
  @Test
  void varianceReadingGivesAWrongMean() {
    double mu = 0.5;
    double v = 4;
    double truth = moment(mu, v, 1);
    double varianceReading = v * GaussianRelu.density(mu / v)
        + mu * xcert.explainers.limits.NormalCdf.phi(mu / v);
    assertTrue(Math.abs(varianceReading - truth) > 0.5, "variance reading " + varianceReading
        + " vs " + truth);
    assertEquals(truth, GaussianRelu.of(mu, v).mean(), 1e-12);
    double zeroMean = 4 * GaussianRelu.density(0);
    assertEquals(2 * GaussianRelu.of(0, 4).mean(), zeroMean, 1e-15);
    // with v = 1 the readings coincide
    assertEquals(GaussianRelu.density(mu) + mu * xcert.explainers.limits.NormalCdf.phi(mu),
        GaussianRelu.of(mu, 1).mean(), 1e-15);
  }

  @Test
  void deterministicNeuronIsExact() {
    GaussianRelu pos = GaussianRelu.of(1.5, 0);
    assertEquals(1.5, pos.mean());
    assertEquals(0, pos.variance());
    assertEquals(1, pos.gain());
    GaussianRelu neg = GaussianRelu.of(-1.5, 0);
    assertEquals(0, neg.mean());
    assertEquals(0, neg.gain());
    assertEquals(0, GaussianRelu.of(0, 0).mean());
  }

  /**
   * The partial derivatives against central differences with h = 1e-5 (relative to the scale): the
   * truncation error is h²/6·|third derivative| and the rounding error about 1e-16/h, both below
   * 1e-7 at these (μ, v), which keep η away from no value in particular (all functions are smooth
   * for v &gt; 0).
   */
  @Test
  void partialsMatchCentralDifferences() {
    double[] mus = {-2, -0.3, 0, 0.7, 3};
    double[] vars = {0.2, 1, 3};
    double h = 1e-5;
    for (double mu : mus) {
      for (double v : vars) {
        GaussianRelu g = GaussianRelu.of(mu, v);
        GaussianRelu mp = GaussianRelu.of(mu + h, v);
        GaussianRelu mm = GaussianRelu.of(mu - h, v);
        GaussianRelu vp = GaussianRelu.of(mu, v + h);
        GaussianRelu vm = GaussianRelu.of(mu, v - h);
        String at = " at μ=" + mu + " v=" + v;
        assertEquals((mp.mean() - mm.mean()) / (2 * h), g.meanByMu(), 1e-7, "∂E/∂μ" + at);
        assertEquals((vp.mean() - vm.mean()) / (2 * h), g.meanByVar(), 1e-7, "∂E/∂v" + at);
        assertEquals((mp.variance() - mm.variance()) / (2 * h), g.varByMu(), 1e-7, "∂V/∂μ" + at);
        assertEquals((vp.variance() - vm.variance()) / (2 * h), g.varByVar(), 1e-7, "∂V/∂v" + at);
        assertEquals((mp.gain() - mm.gain()) / (2 * h), g.gainByMu(), 1e-7, "∂F/∂μ" + at);
        assertEquals((vp.gain() - vm.gain()) / (2 * h), g.gainByVar(), 1e-7, "∂F/∂v" + at);
      }
    }
  }
}
