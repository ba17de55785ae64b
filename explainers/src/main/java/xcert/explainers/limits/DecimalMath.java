package xcert.explainers.limits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** exp in BigDecimal to a requested number of significant digits (java.math has none). */
final class DecimalMath {

  private DecimalMath() {}

  /**
   * e^x with relative error below 10^(−digits+1): x is halved s times until |x| &lt; 1/2, the Taylor
   * series is summed there with guard digits, and the result squared s times (each squaring at most
   * doubles the relative error, which the s·log10(2) extra guard digits absorb).
   */
  static BigDecimal exp(BigDecimal x, int digits) {
    if (x.signum() == 0) {
      return BigDecimal.ONE;
    }
    int s = 0;
    BigDecimal half = new BigDecimal("0.5");
    BigDecimal y = x;
    // |x| < 2^(bits); halving that many times (plus one) brings it below 1/2.
    while (y.abs().compareTo(half) >= 0) {
      y = y.divide(BigDecimal.valueOf(2));
      s++;
    }
    int guard = 10 + (int) Math.ceil(s * 0.302) + 5;
    MathContext mc = new MathContext(digits + guard, RoundingMode.HALF_EVEN);
    y = y.round(mc);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(digits + guard + 2);
    for (int n = 1; n < 10_000; n++) {
      term = term.multiply(y, mc).divide(BigDecimal.valueOf(n), mc);
      sum = sum.add(term, mc);
      if (term.abs().compareTo(eps) < 0) {
        break;
      }
    }
    for (int i = 0; i < s; i++) {
      sum = sum.multiply(sum, mc);
    }
    return sum.round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }
}
