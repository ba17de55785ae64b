package xcert.ledger.seed002;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.Certifier;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;
import xcert.ledger.CheckContext;

/**
 * The certified least total errors of seed 002's three families (Theorem 1, Lemma 1, Theorem 2) at
 * d = 2..20, computed once per ledger run: every optimum is an exact LP certificate (α, y) whose
 * bounds agree, checked on all 2^d sets of the full LP up to {@code fullMax} and on the orbits of the
 * symmetry group above it (a proof for the full LP by the lifting argument of {@code
 * OrbitStructure}).
 *
 * @param monomialDeletion d ↦ optimum, d = 2..20 (Theorem 1, Definition 1)
 * @param monomialInsertion d ↦ optimum (Lemma 1)
 * @param binomialMiddle d ↦ optimum, d = 3..20, extra features in S2 (Theorem 2)
 * @param binomialFirst d ↦ optimum, d = 3..20, numpy's array_split parts
 * @param uncertified how many (family, d) failed to certify (0 expected)
 * @param fullMax the largest d checked on the full LP
 * @param seconds the time it took
 */
public record CertifiedOptima(Map<Integer, BigFraction> monomialDeletion,
    Map<Integer, BigFraction> monomialInsertion, Map<Integer, BigFraction> binomialMiddle,
    Map<Integer, BigFraction> binomialFirst, int uncertified, int fullMax, double seconds) {

  /** The largest d of the seed's fits. */
  public static final int MAX_D = 20;

  /** The optima of this ledger run (full LP to d = 14 by default, to 20 with --full). */
  public static CertifiedOptima of(CheckContext ctx) {
    int fullMax = ctx.full() ? MAX_D : 14;
    return ctx.shared("seed002.certified-optima", () -> compute(fullMax));
  }

  /** Certifies the four series. */
  public static CertifiedOptima compute(int fullMax) {
    long t0 = System.nanoTime();
    int[] bad = {0};
    Map<Integer, BigFraction> del = series(Families.MONOMIAL_DELETION, 2,
        BinomialPartition.Rule.MIDDLE, fullMax, bad);
    Map<Integer, BigFraction> ins = series(Families.MONOMIAL_INSERTION, 2,
        BinomialPartition.Rule.MIDDLE, fullMax, bad);
    Map<Integer, BigFraction> mid = series(Families.BINOMIAL_INSERTION, 3,
        BinomialPartition.Rule.MIDDLE, fullMax, bad);
    Map<Integer, BigFraction> first = series(Families.BINOMIAL_INSERTION, 3,
        BinomialPartition.Rule.FIRST, fullMax, bad);
    if (bad[0] > 0) {
      // an uncertified optimum is a defect of the certifier, not a verdict on the seed
      throw new IllegalStateException(bad[0] + " of seed 002's optima d ≤ 20 were not certified");
    }
    return new CertifiedOptima(del, ins, mid, first, bad[0], fullMax,
        (System.nanoTime() - t0) / 1e9);
  }

  private static Map<Integer, BigFraction> series(String family, int from,
      BinomialPartition.Rule rule, int fullMax, int[] bad) {
    Map<Integer, BigFraction> m = new LinkedHashMap<>();
    for (int d = from; d <= MAX_D; d++) {
      Certifier.Outcome o = Certifier.certify(family, d, rule,
          d <= fullMax ? Certifier.Mode.FULL : Certifier.Mode.SYMMETRIC);
      if (o.certified()) {
        m.put(d, o.verification().optimum());
      } else {
        bad[0]++;
      }
    }
    return m;
  }

  /** The closed form of a family at d where one is known. */
  static Optional<BigFraction> closedForm(String family, int d, BinomialPartition.Rule rule) {
    return Certifier.closedFormOptimum(family, d, rule).map(BigFraction::of);
  }

  /** "d=2..14 on the full LP, 15..20 on the orbits". */
  public String how() {
    return "Certifier.certify (exact LP certificates, bounds equal) d=2.." + Math.min(fullMax, MAX_D)
        + " on all 2^d sets of the full LP" + (fullMax < MAX_D ? ", d=" + (fullMax + 1) + ".."
        + MAX_D + " on the symmetry orbits (lifting proof)" : "");
  }
}
