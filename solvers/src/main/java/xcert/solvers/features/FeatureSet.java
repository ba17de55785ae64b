package xcert.solvers.features;

import java.util.Arrays;
import java.util.BitSet;
import xcert.solvers.errors.InputException;

/**
 * A set S ⊆ [d] of features, the candidate explanation of seed 004 Section 2 (f_S, Δsuf, Δnec) and
 * seed 003 Section 3 (δ-relevant sets), as an immutable value. Features are numbered from 1, as
 * users, DIMACS and AIGER number them; bit i−1 of the words stands for feature i, so a set of
 * features up to 64 is also a {@code long} mask ({@link #mask()}), and any set is a {@link BitSet}
 * ({@link #toBitSet()}). Sets compare in report order: by size, then lexicographically by their
 * ascending feature lists, the order in which {@link KSubsets} enumerates them.
 *
 * <p>Written as {@code 1,3,5}, with ranges {@code 2-4}, optionally in braces ({@code {1,3,5}}, as
 * {@link #toString()} prints it), and {@code -} or {@code {}} for the empty set.
 */
public final class FeatureSet implements Comparable<FeatureSet> {

  private static final FeatureSet EMPTY = new FeatureSet(new long[0]);

  /** Bits, without trailing zero words. */
  private final long[] words;

  private FeatureSet(long[] words) {
    int n = words.length;
    while (n > 0 && words[n - 1] == 0) {
      n--;
    }
    this.words = n == words.length ? words : Arrays.copyOf(words, n);
  }

  /** ∅. */
  public static FeatureSet empty() {
    return EMPTY;
  }

  /** [d] = {1, …, d}. */
  public static FeatureSet all(int d) {
    if (d < 0) {
      throw new IllegalArgumentException("d must be >= 0, is " + d);
    }
    long[] w = new long[(d + 63) >>> 6];
    Arrays.fill(w, -1L);
    if ((d & 63) != 0) {
      w[w.length - 1] = (1L << (d & 63)) - 1;
    }
    return new FeatureSet(w);
  }

  /** The set of the given 1-based features (repeats allowed). */
  public static FeatureSet of(int... features) {
    int max = 0;
    for (int f : features) {
      if (f < 1) {
        throw new IllegalArgumentException("features are numbered from 1, got " + f);
      }
      max = Math.max(max, f);
    }
    long[] w = new long[(max + 63) >>> 6];
    for (int f : features) {
      w[(f - 1) >>> 6] |= 1L << ((f - 1) & 63);
    }
    return new FeatureSet(w);
  }

  /** The set of a mask: bit i stands for feature i+1. */
  public static FeatureSet ofMask(long mask) {
    return mask == 0 ? EMPTY : new FeatureSet(new long[] {mask});
  }

  /** The set of a BitSet with bit i for feature i+1. */
  public static FeatureSet of(BitSet bits) {
    return new FeatureSet(bits.toLongArray());
  }

  /** |S|. */
  public int size() {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  public boolean isEmpty() {
    return words.length == 0;
  }

  /** Whether feature f (1-based) is in S. */
  public boolean contains(int feature) {
    int i = feature - 1;
    return i >= 0 && (i >>> 6) < words.length && (words[i >>> 6] & (1L << (i & 63))) != 0;
  }

  /** The largest feature in S, or 0 for ∅; S ⊆ [d] exactly when this is at most d. */
  public int largest() {
    return words.length == 0 ? 0
        : 64 * (words.length - 1) + 64 - Long.numberOfLeadingZeros(words[words.length - 1]);
  }

  /** The 1-based features of S, ascending. */
  public int[] features() {
    int[] out = new int[size()];
    int k = 0;
    for (int w = 0; w < words.length; w++) {
      long m = words[w];
      while (m != 0) {
        out[k++] = 64 * w + Long.numberOfTrailingZeros(m) + 1;
        m &= m - 1;
      }
    }
    return out;
  }

  /** S as a mask, bit i for feature i+1. */
  public long mask() {
    if (words.length > 1) {
      throw new IllegalStateException("the set " + this + " has features above 64; a mask holds "
          + "features 1..64");
    }
    return words.length == 0 ? 0L : words[0];
  }

  /** Whether S fits in a mask (every feature at most 64). */
  public boolean fitsMask() {
    return words.length <= 1;
  }

  /** S as a new BitSet, bit i for feature i+1. */
  public BitSet toBitSet() {
    return BitSet.valueOf(words);
  }

  /** S ∪ {f}. */
  public FeatureSet with(int feature) {
    BitSet b = toBitSet();
    b.set(feature - 1);
    return of(b);
  }

  /** S ∖ {f}. */
  public FeatureSet without(int feature) {
    BitSet b = toBitSet();
    b.clear(feature - 1);
    return of(b);
  }

  /** [d] ∖ S. */
  public FeatureSet complement(int d) {
    BitSet b = toBitSet();
    b.flip(0, d);
    b.clear(d, Math.max(d, b.length()));
    return of(b);
  }

  /** Whether every feature of S lies in 1..d. */
  public boolean within(int d) {
    return largest() <= d;
  }

  /**
   * Parses a set of features of a model with d features; errors name {@code where} (an option name,
   * a file and line, …).
   *
   * @throws InputException for bad syntax, an index outside 1..d, or a feature listed twice
   */
  public static FeatureSet parse(String where, String text, int d) {
    String forms = "expected features such as 1,3,5 or 2-4, or - for the empty set";
    if (text == null || text.isBlank()) {
      throw InputException.of(where, "empty; " + forms);
    }
    String t = text.strip();
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1).strip();
      if (t.isEmpty()) {
        return EMPTY;
      }
    }
    if (t.equals("-")) {
      return EMPTY;
    }
    BitSet bits = new BitSet();
    for (String part : t.split(",", -1)) {
      String p = part.strip();
      int dash = p.indexOf('-', 1);
      int lo;
      int hi;
      if (dash > 0) {
        lo = index(where, p.substring(0, dash).strip(), p, d, forms);
        hi = index(where, p.substring(dash + 1).strip(), p, d, forms);
        if (hi < lo) {
          throw InputException.of(where, "the range " + quote(p) + " is empty; write it low-high, e.g. "
              + hi + "-" + lo);
        }
      } else {
        lo = index(where, p, p, d, forms);
        hi = lo;
      }
      for (int i = lo; i <= hi; i++) {
        if (bits.get(i - 1)) {
          throw InputException.of(where, "feature " + i + " is listed twice; expected each feature "
              + "once");
        }
        bits.set(i - 1);
      }
    }
    return of(bits);
  }

  private static int index(String where, String s, String part, int d, String forms) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw InputException.of(where, (s.isEmpty() ? "an empty entry" : quote(s)
          + " is not a feature index") + (s.equals(part) ? "" : " in " + quote(part)) + "; "
          + forms);
    }
    String digits = s.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 10 || Long.parseLong(digits) < 1 || Long.parseLong(digits) > d) {
      throw InputException.of(where, "feature " + xcert.solvers.errors.Excerpt.show(s) + " is out of range; expected indices in 1.."
          + d);
    }
    return Integer.parseInt(digits);
  }

  private static String quote(String token) {
    return xcert.solvers.errors.Excerpt.quote(token);
  }

  /** Report order: by size, then lexicographically by the ascending feature lists. */
  @Override
  public int compareTo(FeatureSet o) {
    int c = Integer.compare(size(), o.size());
    if (c != 0) {
      return c;
    }
    int n = Math.max(words.length, o.words.length);
    for (int w = 0; w < n; w++) {
      long a = w < words.length ? words[w] : 0;
      long b = w < o.words.length ? o.words[w] : 0;
      long diff = a ^ b;
      if (diff != 0) {
        // the set holding the smallest feature where they differ comes first
        return (a & Long.lowestOneBit(diff)) != 0 ? -1 : 1;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSet s && Arrays.equals(words, s.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  /** "{1,3,5}", or "{}" for ∅. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int f : features()) {
      sb.append(sb.length() > 1 ? "," : "").append(f);
    }
    return sb.append('}').toString();
  }
}
