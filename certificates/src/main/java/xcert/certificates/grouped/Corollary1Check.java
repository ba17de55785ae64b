package xcert.certificates.grouped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.SubsetFamily;

/**
 * An exhaustive check of Corollary 1 of seed 002 (You et al., "Sum-of-Parts Models", Appendix A.3):
 * "there exists a grouped attribution with zero deletion and insertion error for both polynomials",
 * with the attributions its proof gives, at x = 1:
 *
 * <ul>
 *   <li>p1 = x1·…·xd (Theorem 1) with β1 = {([d], 1)};
 *   <li>p2 = Π_{S1∪S2} x_i + Π_{S2∪S3} x_j (Theorem 2, parts from a {@link BinomialPartition}, by
 *       default {@link BinomialPartition.Rule#MIDDLE}) with β2 = {(S1∪S2, 1), (S2∪S3, 1)}.
 * </ul>
 *
 * <p>For each polynomial, each error kind (Definitions 4 and 5) and each {@link GroupedReading}, every
 * S ⊆ [d] is checked in exact integer arithmetic (via {@link GroupedError#total}), and every failing
 * set is kept with its error. p2 needs three non-empty parts, so d ≥ 3; at d = 2 only p1 is checked.
 *
 * <h2>What the check must find (the analysis the tests assert)</h2>
 *
 * Write A = S1∪S2, B = S2∪S3. At x = 1 the targets are
 *
 * <pre>
 *   p1: deletion c_S = [S ≠ ∅]                 insertion c_S = [S = [d]]
 *   p2: deletion c_S = [S∩A ≠ ∅] + [S∩B ≠ ∅]   insertion c_S = [A ⊆ S] + [B ⊆ S]
 * </pre>
 *
 * <p><b>Prose reading: zero everywhere, for both polynomials and both kinds.</b> More generally, for any
 * multilinear f = Σ_T a_T Π_{i∈T} x_i and any x, the term-wise grouped attribution β_f = {(T, v_T) : T ≠
 * ∅}, v_T = a_T Π_{i∈T} x_i, has zero prose error at every S: zeroing S kills exactly the terms that meet
 * S, so f(x) − f(x_{−S}) = Σ_{T∩S≠∅} v_T, which is the prose deletion sum; keeping only S keeps exactly
 * the terms inside S, so f(x_S) − f(0) = Σ_{∅≠T⊆S} v_T, the prose insertion sum. β1 and β2 are β_{p1}
 * and β_{p2} at x = 1.
 *
 * <p><b>Printed reading (S ⊆ S_i): the corollary fails in all four cases.</b> At S = ∅ every group
 * counts, so the error there is |0 − Σ_i c_i|, nonzero whenever the scores do not sum to zero.
 *
 * <ul>
 *   <li>p1, deletion: [d] ⊇ S always, so the error is |[S ≠ ∅] − 1| = [S = ∅]: exactly one failing set,
 *       ∅, with error 1. (The proof's |1 − 0 − 1| takes f(x_{−S}) = 0, true only for S ≠ ∅.)
 *   <li>p1, insertion: the error is |[S = [d]] − 1|: every S ≠ [d] fails with error 1, 2^d − 1 sets.
 *   <li>p2, insertion: the sum is [S∩S3 = ∅] + [S∩S1 = ∅]. Call part j full (F), empty (E) or partial
 *       (P, 2^{n_j} − 2 ways) in S. The error is |[F1∧F2] + [F2∧F3] − [E1] − [E3]|, zero exactly when
 *       F2 and (parts 1, 3) are (F, E), (E, F) or (P, P), or when not F2 and neither part 1 nor part 3
 *       is E. So 2 + (2^{n1} − 2)(2^{n3} − 2) + (2^{n2} − 1)(2^{n1} − 1)(2^{n3} − 1) sets pass and
 *       the rest fail, with errors 1 or 2; at ∅ and at [d] the error is 2. (The proof's case S = [d]
 *       counts both groups, which is the prose reading: [d] ⊄ S1∪S2.)
 *   <li>p2, deletion: c_S = 2 − [E1∧E2] − [E2∧E3] against [E1] + [E3]. If S meets S2, c_S = 2 and the
 *       error is zero iff S ⊆ S2 (2^{n2} − 1 sets); if not, the error is |(1 − 2[E1]) + (1 − 2[E3])|,
 *       zero iff exactly one of parts 1 and 3 is empty ((2^{n1} − 1) + (2^{n3} − 1) sets). So
 *       (2^{n1} − 1) + (2^{n2} − 1) + (2^{n3} − 1) sets pass and the rest fail.
 * </ul>
 *
 * <p>For d = 3, parts (1,1,1): printed p2 insertion fails at ∅ (2), {1} (1), {2} (2), {3} (1), {1,2,3}
 * (2); printed p2 deletion fails at ∅ (2), {1,2} (1), {1,3} (2), {2,3} (1), {1,2,3} (2).
 *
 * <p>The existence claim itself survives the printed reading, with other attributions: any target
 * function S ↦ c_S is Σ_{i: S⊆S_i} c_i for the groups T ⊆ [d] with Möbius scores c_T = Σ_{U⊇T}
 * (−1)^{|U∖T|} c_U, but that takes up to 2^d groups, not the one or two the proof names.
 */
public final class Corollary1Check {

  /** The two polynomials of seed 002 Corollary 1 (from Theorems 1 and 2) with their attributions. */
  public enum Polynomial {
    /** p1 = x1·…·xd with β1 = {([d], 1)}. */
    P1("p1 = x1*...*xd", "β1 = {([d], 1)}"),
    /** p2 = Π_{S1∪S2} x_i + Π_{S2∪S3} x_j with β2 = {(S1∪S2, 1), (S2∪S3, 1)}. */
    P2("p2 = prod(S1∪S2) + prod(S2∪S3)", "β2 = {(S1∪S2, 1), (S2∪S3, 1)}");

    private final String formula;
    private final String attribution;

    Polynomial(String formula, String attribution) {
      this.formula = formula;
      this.attribution = attribution;
    }

    public String formula() {
      return formula;
    }

    public String attribution() {
      return attribution;
    }
  }

  /**
   * One of the eight combinations (polynomial × Definition 4 or 5 × reading) of seed 002 Corollary 1
   * at one d.
   *
   * @param polynomial p1 or p2
   * @param partition the parts of p2 (null for p1)
   * @param result the count of sets checked, of failing sets, the total, and every failing set
   */
  public record Outcome(Polynomial polynomial, BinomialPartition partition, GroupedErrorResult result) {

    public int dimension() {
      return result.dimension();
    }

    public ErrorKind kind() {
      return result.kind();
    }

    public GroupedReading reading() {
      return result.reading();
    }

    /** True when the error is zero at every S ⊆ [d], as the corollary claims. */
    public boolean holds() {
      return result.isZero();
    }

    /** One line, listing at most maxListed failing sets. */
    public String describe(int maxListed) {
      return polynomial.name().toLowerCase() + (partition != null ? " " + partition : "") + " d="
          + dimension() + " " + kind().word() + " (" + reading().word() + ", "
          + reading().condition(kind()) + "): " + result.summary(maxListed);
    }

    @Override
    public String toString() {
      return describe(8);
    }
  }

  private Corollary1Check() {}

  /** x1·…·xd. */
  public static MultilinearPolynomial p1(int d) {
    return MultilinearPolynomial.monomial(d, full(d), BigFraction.ONE);
  }

  /** {([d], 1)}. */
  public static GroupedAttribution beta1(int d) {
    return GroupedAttribution.of(d, new long[] {full(d)}, new BigFraction[] {BigFraction.ONE});
  }

  /** Π_{S1∪S2} x_i + Π_{S2∪S3} x_j. */
  public static MultilinearPolynomial p2(BinomialPartition p) {
    return new MultilinearPolynomial.Builder().add(p.s1() | p.s2(), BigFraction.ONE)
        .add(p.s2() | p.s3(), BigFraction.ONE).build(p.dimension());
  }

  /** {(S1∪S2, 1), (S2∪S3, 1)}. */
  public static GroupedAttribution beta2(BinomialPartition p) {
    return GroupedAttribution.of(p.dimension(), new long[] {p.s1() | p.s2(), p.s2() | p.s3()},
        new BigFraction[] {BigFraction.ONE, BigFraction.ONE});
  }

  /** The all-ones input of length d. */
  public static BigFraction[] ones(int d) {
    BigFraction[] x = new BigFraction[d];
    Arrays.fill(x, BigFraction.ONE);
    return x;
  }

  /** p1 and β1 at x = 1, every S ⊆ [d] (1 ≤ d ≤ 26). */
  public static Outcome checkP1(int d, ErrorKind kind, GroupedReading reading) {
    return new Outcome(Polynomial.P1, null, GroupedError.total(p1(d), ones(d), beta1(d), kind,
        reading, SubsetFamily.all(d)));
  }

  /** p2 and β2 at x = 1, every S ⊆ [d]. */
  public static Outcome checkP2(BinomialPartition p, ErrorKind kind, GroupedReading reading) {
    int d = p.dimension();
    return new Outcome(Polynomial.P2, p, GroupedError.total(p2(p), ones(d), beta2(p), kind,
        reading, SubsetFamily.all(d)));
  }

  /** All combinations at d, p2 split by {@link BinomialPartition.Rule#MIDDLE}. */
  public static List<Outcome> run(int d) {
    return run(d, d >= 3 ? BinomialPartition.of(d, BinomialPartition.Rule.MIDDLE) : null);
  }

  /**
   * All combinations at d: p1 (deletion, insertion) × (printed, prose), then the same for p2 with
   * the given parts; p2 is left out when {@code partition} is null (as it must be for d &lt; 3).
   *
   * @throws IllegalArgumentException when the partition is not of d
   */
  public static List<Outcome> run(int d, BinomialPartition partition) {
    if (partition != null && partition.dimension() != d) {
      throw new IllegalArgumentException("the partition " + partition + " is of d = "
          + partition.dimension() + ", not " + d);
    }
    List<Outcome> out = new ArrayList<>(8);
    for (ErrorKind kind : ErrorKind.values()) {
      for (GroupedReading reading : GroupedReading.values()) {
        out.add(checkP1(d, kind, reading));
      }
    }
    if (partition != null) {
      for (ErrorKind kind : ErrorKind.values()) {
        for (GroupedReading reading : GroupedReading.values()) {
          out.add(checkP2(partition, kind, reading));
        }
      }
    }
    return out;
  }

  private static long full(int d) {
    if (d < 1 || d > 62) {
      throw new IllegalArgumentException("d must be in 1..62, is " + d);
    }
    return (1L << d) - 1;
  }
}
