package xcert.certificates.problem;

/**
 * A partition of [d] into consecutive blocks S1 = {1..n1}, S2 = {n1+1..n1+n2}, S3 = the rest, for the
 * binomial f = Π_{S1∪S2} x_i + Π_{S2∪S3} x_j of seed 002 Theorem 2. The theorem takes equal parts;
 * when 3 ∤ d the parts can only be as equal as possible, and where the extra features go changes the
 * optimum, so every arrangement is offered:
 *
 * <ul>
 *   <li>{@link Rule#MIDDLE} (the default): S1 and S3 get ⌊d/3⌋, S2 takes the rest (one or two extra).
 *       S1 and S3 stay equal, so swapping them is a symmetry.
 *   <li>{@link Rule#OUTER}: for d ≡ 2 (mod 3), S1 and S3 get one extra each; for d ≡ 1, S2 gets it
 *       (the only symmetric choice).
 *   <li>{@link Rule#FIRST}: the extra features go to S1, then S2 (numpy's array_split).
 *   <li>{@link Rule#LAST}: the extra features go to S3, then S2.
 * </ul>
 *
 * @param n1 |S1|
 * @param n2 |S2|
 * @param n3 |S3|
 */
public record BinomialPartition(int n1, int n2, int n3) {

  /** Where the d mod 3 extra features go. */
  public enum Rule {
    MIDDLE,
    OUTER,
    FIRST,
    LAST;

    /** "middle", "outer", "first", "last"; null otherwise. */
    public static Rule parse(String s) {
      for (Rule r : values()) {
        if (r.name().equalsIgnoreCase(s)) {
          return r;
        }
      }
      return null;
    }
  }

  public BinomialPartition {
    if (n1 < 1 || n2 < 1 || n3 < 1) {
      throw new IllegalArgumentException("every part needs at least one feature: (" + n1 + ", "
          + n2 + ", " + n3 + ")");
    }
  }

  /** The partition of d ≥ 3 features under a rule. */
  public static BinomialPartition of(int d, Rule rule) {
    if (d < 3) {
      throw new IllegalArgumentException("the binomial needs d >= 3 (three non-empty parts), d = " + d);
    }
    int q = d / 3;
    int r = d % 3;
    return switch (rule) {
      case MIDDLE -> new BinomialPartition(q, q + r, q);
      case OUTER -> r == 2 ? new BinomialPartition(q + 1, q, q + 1) : new BinomialPartition(q, q + r, q);
      case FIRST -> new BinomialPartition(q + (r >= 1 ? 1 : 0), q + (r == 2 ? 1 : 0), q);
      case LAST -> new BinomialPartition(q, q + (r == 2 ? 1 : 0), q + (r >= 1 ? 1 : 0));
    };
  }

  public int dimension() {
    return n1 + n2 + n3;
  }

  /** Bit mask of S1 (features 1..n1). */
  public long s1() {
    return (1L << n1) - 1;
  }

  /** Bit mask of S2. */
  public long s2() {
    return ((1L << n2) - 1) << n1;
  }

  /** Bit mask of S3. */
  public long s3() {
    return ((1L << n3) - 1) << (n1 + n2);
  }

  /** True when |S1| = |S3|, so that swapping S1 and S3 fixes f. */
  public boolean isSymmetric() {
    return n1 == n3;
  }

  @Override
  public String toString() {
    return "(" + n1 + "," + n2 + "," + n3 + ")";
  }
}
