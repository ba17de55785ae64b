package xcert.explainers.sop;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * sparsemax(z) = argmin_{p ∈ Δ} ‖p − z‖² (Martins and Astudillo 2016, seed 002 Eq. 2): sort z
 * decreasingly, k(z) = max{k : 1 + k·z_(k) &gt; Σ_{j≤k} z_(j)}, τ = (Σ_{j≤k} z_(j) − 1)/k, p = max(z −
 * τ, 0). In float64 and in exact rationals.
 */
public final class Sparsemax {

  private Sparsemax() {}

  /** The projection of z onto the probability simplex, float64. */
  public static double[] of(double[] z) {
    double[] s = z.clone();
    Arrays.sort(s);
    double cum = 0;
    double tau = 0;
    for (int k = 1; k <= s.length; k++) {
      double zk = s[s.length - k];
      cum += zk;
      if (1 + k * zk > cum) {
        tau = (cum - 1) / k;
      }
    }
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.max(z[i] - tau, 0);
    }
    return p;
  }

  /** The same, exactly. */
  public static BigFraction[] of(BigFraction[] z) {
    BigFraction[] s = z.clone();
    Arrays.sort(s);
    BigFraction cum = BigFraction.ZERO;
    BigFraction tau = BigFraction.ZERO;
    for (int k = 1; k <= s.length; k++) {
      BigFraction zk = s[s.length - k];
      cum = cum.add(zk);
      if (zk.multiply(k).add(1).compareTo(cum) > 0) {
        tau = cum.subtract(1).divide(k);
      }
    }
    BigFraction[] p = new BigFraction[z.length];
    for (int i = 0; i < z.length; i++) {
      BigFraction v = z[i].subtract(tau);
      p[i] = v.signum() > 0 ? v : BigFraction.ZERO;
    }
    return p;
  }
}
