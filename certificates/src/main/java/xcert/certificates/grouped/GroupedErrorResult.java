package xcert.certificates.grouped;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.ErrorKind;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.Subsets;

/**
 * The grouped deletion or insertion error (seed 002, You et al., "Sum-of-Parts Models", Definitions 4
 * and 5) of one grouped attribution over a family of tested sets, exactly: how many sets were checked,
 * the total error, and every set with nonzero error together with its error. Nothing is truncated
 * here; {@link #summary(int)} truncates for display.
 *
 * <p>The failing sets are held as two parallel arrays (mask, integer numerator over one common
 * denominator), in the order the family visits them (increasing masks); {@link #failures()} is a view
 * that builds each {@link Failure} on demand.
 */
public final class GroupedErrorResult {

  /**
   * A tested set S with nonzero GroupDelErr(β, S) or GroupInsErr(β, S) (seed 002, Definitions 4–5).
   *
   * @param set the set S as a bit mask (bit j is feature j+1)
   * @param error its grouped error, &gt; 0
   */
  public record Failure(long set, BigFraction error) {
    /** The 1-based features of S, increasing. */
    public int[] features() {
      return Subsets.toFeatures(set);
    }

    /** "{1,3}: 2". */
    @Override
    public String toString() {
      return Subsets.format(set) + ": " + Rationals.format(error);
    }
  }

  private final ErrorKind kind;
  private final GroupedReading reading;
  private final int d;
  private final long checked;
  private final BigInteger totalNumerator;
  private final BigInteger denominator;
  private final long[] failingSets;
  private final long[] failingNumerators;

  GroupedErrorResult(ErrorKind kind, GroupedReading reading, int d, long checked,
      BigInteger totalNumerator, BigInteger denominator, long[] failingSets,
      long[] failingNumerators) {
    this.kind = kind;
    this.reading = reading;
    this.d = d;
    this.checked = checked;
    this.totalNumerator = totalNumerator;
    this.denominator = denominator;
    this.failingSets = failingSets;
    this.failingNumerators = failingNumerators;
  }

  public ErrorKind kind() {
    return kind;
  }

  public GroupedReading reading() {
    return reading;
  }

  public int dimension() {
    return d;
  }

  /** The number of sets checked. */
  public long checked() {
    return checked;
  }

  /** The number of sets with nonzero error. */
  public int failing() {
    return failingSets.length;
  }

  /** True when every checked set has zero error. */
  public boolean isZero() {
    return failingSets.length == 0;
  }

  /** Σ_S error(S) over the checked sets, exactly. */
  public BigFraction total() {
    return BigFraction.of(totalNumerator, denominator);
  }

  /** The largest error over the checked sets (0 when none fails). */
  public BigFraction max() {
    long m = 0;
    for (long n : failingNumerators) {
      m = Math.max(m, n);
    }
    return BigFraction.of(BigInteger.valueOf(m), denominator);
  }

  /** The k-th failing set (0 ≤ k &lt; {@link #failing()}), as a mask. */
  public long failingSet(int k) {
    return failingSets[k];
  }

  /** The error of the k-th failing set. */
  public BigFraction failingError(int k) {
    return BigFraction.of(BigInteger.valueOf(failingNumerators[k]), denominator);
  }

  /** Every failing set with its error, in increasing mask order. */
  public List<Failure> failures() {
    return new FailureList();
  }

  private final class FailureList extends AbstractList<Failure> implements RandomAccess {
    @Override
    public Failure get(int k) {
      return new Failure(failingSets[k], failingError(k));
    }

    @Override
    public int size() {
      return failingSets.length;
    }
  }

  /**
   * "5 of 8 sets fail, total 8: {}: 2, {1}: 1, …" listing at most {@code maxListed} failing sets (the
   * rest are counted, not listed).
   */
  public String summary(int maxListed) {
    StringBuilder sb = new StringBuilder();
    if (isZero()) {
      sb.append("zero error on all ").append(checked).append(" sets");
      return sb.toString();
    }
    sb.append(failing()).append(" of ").append(checked).append(" sets fail, total error ")
        .append(Rationals.format(total())).append(", max ").append(Rationals.format(max()));
    int shown = Math.min(maxListed, failing());
    for (int k = 0; k < shown; k++) {
      sb.append(k == 0 ? ": " : ", ").append(get(k));
    }
    if (shown > 0 && shown < failing()) {
      sb.append(", … (").append(failing() - shown).append(" more)");
    }
    return sb.toString();
  }

  private String get(int k) {
    return new Failure(failingSets[k], failingError(k)).toString();
  }

  @Override
  public String toString() {
    return reading.word() + " " + kind.word() + ": " + summary(8);
  }
}
