package xcert.certificates.lp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import xcert.certificates.orbit.OrbitStructure;

/**
 * The dual of the attribution LP on an orbit structure, in floating point, as the solvers take it:
 * maximise Σ_o ω_o c_o z_o subject to Σ_o ω_o (k_{o,f}/n_f) z_o = 0 for every feature orbit f and
 * −1 ≤ z_o ≤ 1, with ω_o = w_o / max w (class sizes scaled to at most 1, so that 2^1000-sized classes
 * fit a double). The row duals π_f give the attribution a_f = π_f / n_f: at an optimum z_o = sign(c_o −
 * Σ_f k_{o,f} a_f) wherever that residual is nonzero.
 */
public final class DualLp {

  final int classes;
  final int orbits;
  final double[] weight;
  final double[] target;
  final int[][] counts;
  final int[] orbitSize;
  final double scale;

  private DualLp(OrbitStructure s) {
    if (s.classCount() > Integer.MAX_VALUE) {
      throw new xcert.solvers.errors.TooLargeException("too many classes for an LP: "
          + s.classCount());
    }
    this.classes = (int) s.classCount();
    this.orbits = s.featureOrbits();
    this.weight = new double[classes];
    this.target = new double[classes];
    this.counts = new int[classes][];
    this.orbitSize = new int[orbits];
    for (int f = 0; f < orbits; f++) {
      orbitSize[f] = s.orbitSize(f);
    }
    BigInteger max = BigInteger.ONE;
    BigInteger[] w = new BigInteger[classes];
    for (int o = 0; o < classes; o++) {
      w[o] = s.multiplicity(o);
      if (w[o].compareTo(max) > 0) {
        max = w[o];
      }
    }
    BigDecimal m = new BigDecimal(max);
    double cDen = new BigDecimal(s.targetDenominator()).doubleValue();
    for (int o = 0; o < classes; o++) {
      weight[o] = new BigDecimal(w[o]).divide(m, MathContext.DECIMAL64).doubleValue();
      target[o] = s.target(o) / cDen;
      counts[o] = s.counts(o);
    }
    this.scale = m.doubleValue();
  }

  public static DualLp of(OrbitStructure s) {
    return new DualLp(s);
  }

  public int classes() {
    return classes;
  }
}
