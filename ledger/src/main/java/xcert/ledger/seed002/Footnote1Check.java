package xcert.ledger.seed002;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.Certifier;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 002 footnote 1: Theorems 1 and 2 "verified only for d ≤ 20; we conjecture that a general result
 * holds for d &gt; 20". Symmetric LP certificates (checked exactly on the orbits; a proof for the
 * full LP by lifting) past d = 20: the optima keep their closed forms and stay exponential.
 */
public final class Footnote1Check implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("002-fn1");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    int max = ctx.full() ? 400 : 60;
    List<String> bad = new ArrayList<>();
    int n = 0;
    for (int d = 21; d <= max; d++) {
      BigFraction expo = BigFraction.of(BigInteger.TWO.pow(d), BigInteger.valueOf(d + 1))
          .subtract(1);
      n += check(Families.MONOMIAL_DELETION, d, expo, bad);
      n += check(Families.MONOMIAL_INSERTION, d, BigFraction.ONE, bad);
      n += check(Families.BINOMIAL_INSERTION, d, BigFraction.of(BigInteger.TWO.pow(d / 3)), bad);
    }
    return List.of(Finding.of("002-fn1", bad.isEmpty(), "Certifier.certify(…, SYMMETRIC) for the "
        + "three families (binomial: middle parts), d=21.." + max + " (" + n + " certificates)",
        bad.isEmpty() ? "all certified; optima equal their closed forms C(d,⌊d/2⌋) − 1 "
        + "(≥ 2^d/(d+1) − 1), 1 (Lemma 1), 2^|S1| + 2^|S3| (≥ 2^⌊d/3⌋): the conjecture holds at "
        + "every d = 21.." + max : "failures: " + bad));
  }

  /** 1 when certified, equal to the closed form and at least {@code floor}; else records why. */
  private static int check(String family, int d, BigFraction floor, List<String> bad) {
    Certifier.Outcome o = Certifier.certify(family, d, BinomialPartition.Rule.MIDDLE,
        Certifier.Mode.SYMMETRIC);
    BigFraction closed = CertifiedOptima.closedForm(family, d, BinomialPartition.Rule.MIDDLE)
        .orElse(null);
    if (!o.certified()) {
      bad.add(family + " d=" + d + " not certified");
    } else if (!o.verification().optimum().equals(closed)
        || o.verification().optimum().compareTo(floor) < 0) {
      bad.add(family + " d=" + d + " optimum " + o.verification().optimum());
    }
    return 1;
  }
}
