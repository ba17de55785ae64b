package xcert.solvers.limits;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.RationalSize;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The bounds of every size-like option, in one place (README, "Size and cost policy"). A bound is a
 * hard cap on the value itself, checked when the option is read; whether a run within the bounds can
 * finish is a second check, by its {@link CostEstimate}, before any work or allocation.
 *
 * <table>
 *   <caption>bounds</caption>
 *   <tr><th>what</th><th>bound</th></tr>
 *   <tr><td>model evaluations drawn: explain --samples, --steps; circuit-to-relu --samples; rows of
 *       V of rde</td><td>{@value #MAX_EVALUATIONS}</td></tr>
 *   <tr><td>optimisation steps: --iterations</td><td>{@value #MAX_ITERATIONS}</td></tr>
 *   <tr><td>samples per step: --mask-samples</td><td>{@value #MAX_PER_STEP}</td></tr>
 *   <tr><td>rank of a factor: --rank</td><td>{@value #MAX_RANK} (and at most d)</td></tr>
 *   <tr><td>numerator and denominator of an exact rational read from the command line or a
 *       file</td><td>{@value #MAX_RATIONAL_BITS} bits each</td></tr>
 *   <tr><td>estimated work of one run</td><td>{@value #MAX_OPERATIONS} elementary steps</td></tr>
 *   <tr><td>one array (Java)</td><td>{@value #MAX_ARRAY} entries</td></tr>
 * </table>
 */
public final class SizePolicy {

  /** Most model evaluations one option may ask for (samples, Riemann steps, rows of V). */
  public static final long MAX_EVALUATIONS = 1_000_000_000L;

  /** Most optimisation steps (iterations of the relaxations). */
  public static final int MAX_ITERATIONS = 10_000_000;

  /** Most samples per optimisation step (mask-samples K). */
  public static final int MAX_PER_STEP = 10_000_000;

  /** Largest rank of a covariance factor. */
  public static final int MAX_RANK = 100_000;

  /**
   * Most bits of the numerator and of the denominator of an exact rational read from input: 4096
   * bits is about 1233 decimal digits, beyond 10^1000 (the largest decimal exponent accepted).
   */
  public static final int MAX_RATIONAL_BITS = RationalSize.MAX_BITS;

  /** Most decimal digits of such a numerator or denominator, checked before the text is parsed. */
  public static final int MAX_RATIONAL_DIGITS = RationalSize.MAX_DIGITS;

  /**
   * Most elementary steps one run may be estimated to take: about an hour at 10^9 steps per
   * second on one core.
   */
  public static final long MAX_OPERATIONS = 4_000_000_000_000L;

  /** Most entries of one Java array. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private SizePolicy() {}

  /**
   * Refuses a count outside 1..max, naming the setting (its Java name, e.g. {@code maskSamples}).
   *
   * @param what what the count counts, e.g. "samples" (empty: nothing said)
   */
  public static void checkCount(String setting, long value, long max, String what) {
    if (value < 1 || value > max) {
      throw InputException.setting(setting, value + " is out of range; expected 1.." + count(max)
          + (what.isEmpty() ? "" : " " + what) + " (xcert's size policy)");
    }
  }

  /** A count as "10^9" when it is a power of ten, otherwise its digits. */
  public static String count(long v) {
    long p = 1;
    for (int e = 0; e <= 18; e++) {
      if (p == v && e >= 4) {
        return "10^" + e;
      }
      if (p > Long.MAX_VALUE / 10) {
        break;
      }
      p *= 10;
    }
    return Long.toString(v);
  }

  /**
   * Refuses an exact rational read from {@code source} (an option such as "--alpha", or
   * "file:line") whose numerator or denominator exceeds {@link #MAX_RATIONAL_BITS}.
   *
   * @throws TooLargeException "source: the denominator has N bits; ..."
   */
  public static BigFraction checkRational(String source, BigFraction v) {
    String p = v == null ? null : RationalSize.problem(v.getNumerator(), v.getDenominator());
    if (p != null) {
      throw new TooLargeException(source + ": " + p);
    }
    return v;
  }

  /** {@link #checkRational(String, BigFraction)} for an integer. */
  public static BigInteger checkRational(String source, BigInteger v) {
    String p = RationalSize.integerProblem("integer", v);
    if (p != null) {
      throw new TooLargeException(source + ": " + p);
    }
    return v;
  }

  /**
   * The estimated elementary steps of one evaluation of f: its weights (a ReLU network), its gates
   * (a circuit), otherwise its inputs; at least 1.
   */
  public static long evaluationCost(Model f) {
    long c;
    if (f instanceof ReluNetwork n) {
      c = 0;
      int in = n.dimension();
      for (int l = 0; l < n.layerCount(); l++) {
        c += (long) n.width(l) * (in + 1);
        in = n.width(l);
      }
    } else if (f instanceof Circuit g) {
      c = g.nodeCount();
    } else {
      c = f.dimension();
    }
    return Math.max(1, c);
  }
}
