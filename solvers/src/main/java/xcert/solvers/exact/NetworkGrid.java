package xcert.solvers.exact;

import java.math.BigInteger;
import java.util.Optional;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.WideArray;

/**
 * A ReLU network's exact values on sub-grids of one value grid, as integer numerators over one common
 * denominator: the fixed-point arithmetic of {@link FixedPointNetwork} made available to engines that
 * walk the grid a block at a time (the streaming engine of {@code xcert.solvers.stream}). Nothing is
 * rounded. Thread-safe: {@link #evaluate} may run in several threads at once.
 */
public final class NetworkGrid {

  private final FixedPointNetwork fp;
  private final int words;

  private NetworkGrid(FixedPointNetwork fp) {
    this.fp = fp;
    this.words = WideArray.wordsFor(fp.outputBound().bitLength());
  }

  /**
   * Compiles a regression (score) network for inputs whose feature i takes values in
   * {@code values[i]}; empty for a classifier or when the fixed-point bounds are exceeded.
   */
  public static Optional<NetworkGrid> compile(ReluNetwork net, double[][] values) {
    if (net.isClassifier()) {
      return Optional.empty();
    }
    return FixedPointNetwork.compile(net, values).map(NetworkGrid::new);
  }

  /** The common denominator of every value: f(z) = numerator / denominator. */
  public BigInteger denominator() {
    return fp.denominator();
  }

  /** 64-bit words per numerator (1 when every value's numerator fits a {@code long}). */
  public int words() {
    return words;
  }

  /** How the values are computed, for provenance. */
  public String describe() {
    return "exact fixed-point network values (" + words + "-word numerators over one denominator"
        + NetworkTables.via(fp) + ")";
  }

  /**
   * The numerators at every point of the sub-grid Π_i values[i] (mixed radix, feature 1 fastest),
   * where each values[i] is a subset of the compiled grid's; point p's numerator is in
   * {@code out[p·words() .. (p+1)·words())}, two's complement, least significant word first. Runs in
   * the calling thread.
   */
  public void evaluate(double[][] values, WideArray out) {
    fp.evaluateGrid(values, out, null, false);
  }
}
