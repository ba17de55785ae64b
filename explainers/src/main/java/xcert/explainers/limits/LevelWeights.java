package xcert.explainers.limits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import xcert.explainers.lfa.Kernel;

/**
 * A weight ω_k per mask of size k = |z| on the expectation scale (the objective is
 * Σ_z ω_{|z|} (y(z) − g(z))² + λ‖v‖²), computed to a requested number of significant digits.
 */
interface LevelWeights {

  /** ω_0..ω_d to the given number of significant digits. */
  BigDecimal[] at(int d, int digits);

  /** The weights in words. */
  String describe();

  /**
   * LIME as lime_image weights it, on seed 001 Eq. 1's expectation scale over Uni({0,1}^d):
   * ω_k = 2^{−d} · exp(−D_k²/(2w²)), D_k the distance from a mask with k ones to the all-ones
   * vector ({@link Kernel.Distance}).
   */
  static LevelWeights lime(double width, Kernel.Distance distance) {
    return new LevelWeights() {
      @Override
      public BigDecimal[] at(int d, int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        BigDecimal twoW2 = new BigDecimal(width).pow(2).multiply(BigDecimal.valueOf(2));
        BigDecimal scale = BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(d), mc);
        BigDecimal[] w = new BigDecimal[d + 1];
        for (int k = 0; k <= d; k++) {
          BigDecimal dist2 = squaredDistance(distance, k, d, mc);
          w[k] = DecimalMath.exp(dist2.negate().divide(twoW2, mc), digits + 10).multiply(scale, mc);
        }
        return w;
      }

      @Override
      public String describe() {
        return "LIME kernel √exp(−D²/w²), w = " + width + ", " + distance.name().toLowerCase()
            + " distance, over Uni({0,1}^d)";
      }
    };
  }

  /**
   * GLIME-Binomial (seed 001 Eq. 3 and Section 3.3): P̃(z) = e^{|z|/σ²}/(1 + e^{1/σ²})^d, computed
   * as e^{(k−d)/σ²}/(1 + e^{−1/σ²})^d.
   */
  static LevelWeights glimeBinomial(double sigma) {
    return new LevelWeights() {
      @Override
      public BigDecimal[] at(int d, int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        BigDecimal s2 = new BigDecimal(sigma).pow(2);
        BigDecimal inv = BigDecimal.ONE.divide(s2, mc);
        BigDecimal norm = BigDecimal.ONE.add(DecimalMath.exp(inv.negate(), digits + 10)).pow(d, mc);
        BigDecimal[] w = new BigDecimal[d + 1];
        for (int k = 0; k <= d; k++) {
          BigDecimal e = DecimalMath.exp(inv.multiply(BigDecimal.valueOf(k - d), mc), digits + 10);
          w[k] = e.divide(norm, mc);
        }
        return w;
      }

      @Override
      public String describe() {
        return "GLIME-Binomial P̃(z) = e^{|z|/σ²}/(1 + e^{1/σ²})^d, σ = " + sigma;
      }
    };
  }

  /** D_k² for a mask with k ones out of d. */
  static BigDecimal squaredDistance(Kernel.Distance distance, int k, int d, MathContext mc) {
    return switch (distance) {
      case L2 -> BigDecimal.valueOf(d - k);
      case COSINE -> {
        if (k == 0) {
          yield BigDecimal.ONE;
        }
        BigDecimal c = BigDecimal.ONE.subtract(
            BigDecimal.valueOf(k).divide(BigDecimal.valueOf(d), mc).sqrt(mc), mc);
        yield c.multiply(c, mc);
      }
    };
  }
}
