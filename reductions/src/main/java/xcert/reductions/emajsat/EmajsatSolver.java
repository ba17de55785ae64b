package xcert.reductions.emajsat;

import java.math.BigInteger;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.Circuit;
import xcert.solvers.num.Rationals;

/**
 * E-MAJSAT decided by enumeration: for every a ∈ {0,1}^n the exact number c(a) of b ∈ {0,1}^r with
 * φ(a, b) = 1, then the answer max_a c(a) &gt; 2^{r−1}, i.e. max_a Pr_b[φ(a, b)] &gt; 1/2. Exponential,
 * and meant to be: it is the independent reference that the reduction is checked against.
 */
public final class EmajsatSolver {

  /** Largest n + r enumerated. */
  public static final int MAX_VARIABLES = 24;

  private EmajsatSolver() {}

  /** The counts c(a) and the answer. */
  public static final class Solution {
    private final int n;
    private final int r;
    private final long[] counts;
    private final int best;

    Solution(int n, int r, long[] counts) {
      this.n = n;
      this.r = r;
      this.counts = counts;
      int b = 0;
      for (int a = 1; a < counts.length; a++) {
        if (counts[a] > counts[b]) {
          b = a;
        }
      }
      this.best = b;
    }

    /** n. */
    public int existential() {
      return n;
    }

    /** r. */
    public int random() {
      return r;
    }

    /** c(a) = #{b : φ(a, b) = 1}, where bit i of {@code a} is a_{i+1}. */
    public long count(int a) {
      return counts[a];
    }

    /** Pr_b[φ(a, b) = 1] = c(a) / 2^r. */
    public BigFraction probability(int a) {
      return BigFraction.of(BigInteger.valueOf(counts[a]), BigInteger.ONE.shiftLeft(r));
    }

    /** The first a (as a mask) attaining max_a c(a). */
    public int bestAssignment() {
      return best;
    }

    /** max_a Pr_b[φ(a, b) = 1]. */
    public BigFraction maxProbability() {
      return probability(best);
    }

    /** The E-MAJSAT answer: max_a Pr_b[φ(a, b) = 1] &gt; 1/2. */
    public boolean satisfiable() {
      return 2 * counts[best] > (1L << r);
    }

    @Override
    public String toString() {
      return (satisfiable() ? "yes" : "no") + ": max_a Pr_b[φ] = " + Rationals.format(maxProbability()) + " at a = "
          + bits(best, n);
    }
  }

  /** Solves the instance by enumerating all 2^{n+r} assignments. */
  public static Solution solve(EmajsatInstance inst) {
    int n = inst.existential();
    int r = inst.random();
    if (n + r > MAX_VARIABLES) {
      throw new IllegalArgumentException(
          "enumeration of 2^" + (n + r) + " assignments refused (limit 2^" + MAX_VARIABLES + ")");
    }
    Circuit phi = inst.circuit();
    long[] counts = new long[1 << n];
    boolean[] y = new boolean[n + r];
    for (int a = 0; a < (1 << n); a++) {
      for (int i = 0; i < n; i++) {
        y[i] = ((a >>> i) & 1) != 0;
      }
      long c = 0;
      for (int b = 0; b < (1 << r); b++) {
        for (int j = 0; j < r; j++) {
          y[n + j] = ((b >>> j) & 1) != 0;
        }
        if (phi.evaluate(0, y)) {
          c++;
        }
      }
      counts[a] = c;
    }
    return new Solution(n, r, counts);
  }

  /** a as the string a1 a2 ... an of 0/1. */
  static String bits(int a, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(((a >>> i) & 1) != 0 ? '1' : '0');
    }
    return n == 0 ? "()" : sb.toString();
  }
}
