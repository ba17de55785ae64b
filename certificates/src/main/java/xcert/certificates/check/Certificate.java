package xcert.certificates.check;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A certificate (α, y) for the attribution LP min_α Σ_{S∈𝒫} |c_S − Σ_{i∈S} α_i| (seed 002 Appendix A.3): the
 * primal point α gives the upper bound Σ_S |c_S − Σ_{i∈S} α_i|; a dual-feasible y (Σ_{S∋i} y_S = 0
 * for every i, |y_S| ≤ 1) gives the lower bound Σ_S c_S y_S by weak duality (for any α,
 * Σ c_S y_S = Σ (c_S − Σ_{i∈S} α_i) y_S ≤ Σ |c_S − Σ_{i∈S} α_i|). Equal bounds prove the optimum.
 *
 * @param alphaNumerators α_i = alphaNumerators[i] / alphaDenominator (feature i+1)
 * @param alphaDenominator positive
 * @param y the dual vector
 * @param method how the candidate was found, for reports
 */
public record Certificate(long[] alphaNumerators, BigInteger alphaDenominator, DualVector y,
    String method) {

  public Certificate {
    alphaNumerators = alphaNumerators.clone();
    if (alphaDenominator.signum() <= 0) {
      throw new IllegalArgumentException("alpha denominator must be positive");
    }
  }

  @Override
  public long[] alphaNumerators() {
    return alphaNumerators.clone();
  }

  /** α_i, i 0-based. */
  public BigFraction alpha(int i) {
    return BigFraction.of(BigInteger.valueOf(alphaNumerators[i]), alphaDenominator);
  }

  public int dimension() {
    return alphaNumerators.length;
  }
}
