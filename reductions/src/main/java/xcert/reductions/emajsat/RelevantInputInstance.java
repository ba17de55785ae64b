package xcert.reductions.emajsat;

import xcert.solvers.features.FeatureSet;
import java.util.BitSet;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.Circuit;
import xcert.solvers.num.Rationals;

/**
 * An instance of RELEVANT-INPUT (seed 003, Definition 3.1): a Boolean circuit Φ: {0,1}^d → {0,1}
 * (its first output), a point x ∈ {0,1}^d, a size bound k and the threshold δ ∈ [0, 1]. The question
 * is whether some S ⊆ [d] with |S| ≤ k is δ-relevant for Φ and x, i.e. whether
 * P_{y~U({0,1}^d)}(Φ(y) = Φ(x) | y_S = x_S) ≥ δ. In Definition 3.1 δ is a fixed parameter of the
 * problem, not part of the input; it is carried here so that one object describes the question.
 *
 * <p>Immutable: the point is copied in and out.
 */
public final class RelevantInputInstance {

  private final Circuit phi;
  private final boolean[] x;
  private final int k;
  private final BigFraction delta;

  /**
   * @throws IllegalArgumentException when x does not have length d, k is outside 0..d, or δ is
   *     outside [0, 1]
   */
  public RelevantInputInstance(Circuit phi, boolean[] x, int k, BigFraction delta) {
    if (x.length != phi.dimension()) {
      throw new IllegalArgumentException(
          "x has length " + x.length + ", the circuit has d = " + phi.dimension());
    }
    if (k < 0 || k > phi.dimension()) {
      throw new IllegalArgumentException("k = " + k + " outside 0.." + phi.dimension());
    }
    if (delta.signum() < 0 || delta.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("δ = " + delta + " outside [0, 1]");
    }
    this.phi = phi;
    this.x = x.clone();
    this.k = k;
    this.delta = delta;
  }

  /** Φ (its first output is the classifier). */
  public Circuit circuit() {
    return phi;
  }

  /** The point x (a copy). */
  public boolean[] point() {
    return x.clone();
  }

  /** The size bound k. */
  public int k() {
    return k;
  }

  /** The threshold δ. */
  public BigFraction delta() {
    return delta;
  }

  /** d, the number of inputs of Φ. */
  public int dimension() {
    return phi.dimension();
  }

  /** Φ(x). */
  public boolean label() {
    return phi.evaluate(0, x);
  }

  /**
   * P_{y uniform}(Φ(y) = Φ(x) | y_S = x_S) by enumerating the 2^{d−|S|} completions; for checks on
   * small instances only (d − |S| ≤ 24).
   */
  public BigFraction agreementByEnumeration(FeatureSet set) {
    int d = dimension();
    if (!set.within(d)) {
      throw new IllegalArgumentException("S names feature " + set.largest() + " > d = " + d);
    }
    java.util.BitSet s = set.toBitSet();
    int[] free = new int[d - set.size()];
    int m = 0;
    for (int i = 0; i < d; i++) {
      if (!s.get(i)) {
        free[m++] = i;
      }
    }
    if (m > 24) {
      throw new IllegalArgumentException("enumeration of 2^" + m + " completions refused");
    }
    boolean label = label();
    boolean[] y = x.clone();
    long agree = 0;
    for (long c = 0; c < (1L << m); c++) {
      for (int j = 0; j < m; j++) {
        y[free[j]] = ((c >>> j) & 1L) != 0;
      }
      if (phi.evaluate(0, y) == label) {
        agree++;
      }
    }
    return BigFraction.of(java.math.BigInteger.valueOf(agree),
        java.math.BigInteger.ONE.shiftLeft(m));
  }

  @Override
  public String toString() {
    return "RELEVANT-INPUT[d=" + dimension() + ", k=" + k + ", δ=" + Rationals.format(delta) + ", " + phi + "]";
  }
}
