package xcert.ledger.seed002;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.grouped.Corollary1Check;
import xcert.certificates.grouped.GroupedAttribution;
import xcert.certificates.grouped.GroupedError;
import xcert.certificates.grouped.GroupedReading;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialProblems;
import xcert.certificates.problem.SubsetFamily;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.Subsets;

/**
 * Seed 002 grouped attributions: Definition 2 (β = {(S_i, c_i)}, with singletons as the standard
 * attribution), Definitions 4–5 (Eq. 10–11: group i counts when S ⊆ S_i, as printed) and Corollary 1
 * (zero grouped error for p1, p2). Both readings of {@link GroupedReading} are run: as printed, and
 * as the prose says ("a group only contributes its score if all members of the group are present":
 * S_i ⊆ S for insertion, S_i ∩ S ≠ ∅ for deletion).
 */
public final class GroupedCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("002-Def2", "002-Def4", "002-Def5", "002-Cor1");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    SplittableRandom rng = new SplittableRandom(ctx.seed() ^ 0x002D2L);
    int instances = ctx.full() ? 100 : 30;
    // singleton groups {({i}, α_i)} against Definitions 1 and 3, both readings
    long[] mismatches = new long[4];
    long[] checked = new long[4];
    String[] firstBad = {"", "", "", ""};
    for (int k = 0; k < instances; k++) {
      int d = 2 + rng.nextInt(5);
      MultilinearPolynomial f = DefinitionsCheck.randomPolynomial(d, rng);
      BigFraction[] x = DefinitionsCheck.randomInput(d, rng, false);
      BigFraction[] alpha = DefinitionsCheck.randomInput(d, rng, true);
      long[] members = new long[d];
      for (int i = 0; i < d; i++) {
        members[i] = 1L << i;
      }
      GroupedAttribution beta = GroupedAttribution.of(d, members, alpha);
      for (ErrorKind kind : ErrorKind.values()) {
        AttributionProblem p = PolynomialProblems.of(f, x, kind, SubsetFamily.all(d));
        for (GroupedReading reading : GroupedReading.values()) {
          int slot = kind.ordinal() * 2 + reading.ordinal();
          for (long s = 0; s < 1L << d; s++) {
            BigFraction sum = BigFraction.ZERO;
            for (int i = 0; i < d; i++) {
              if ((s >> i & 1) == 1) {
                sum = sum.add(alpha[i]);
              }
            }
            BigFraction single = p.target(s).subtract(sum).abs();
            BigFraction grouped = GroupedError.at(f, x, beta, kind, reading, s);
            checked[slot]++;
            if (!single.equals(grouped)) {
              mismatches[slot]++;
              if (firstBad[slot].isEmpty() || Long.bitCount(s) < 3 && d == 2) {
                firstBad[slot] = "d=" + d + " f=" + f + " S=" + Subsets.format(s) + ": grouped "
                    + Rationals.format(grouped) + " vs " + Rationals.format(single);
              }
            }
          }
        }
      }
    }
    int printed = GroupedReading.AS_PRINTED.ordinal();
    int prose = GroupedReading.AS_PROSE.ordinal();
    int del = ErrorKind.DELETION.ordinal();
    int ins = ErrorKind.INSERTION.ordinal();
    String singletonCheck = "GroupedError.at with singleton groups {({i}, α_i)} against DelErr/"
        + "InsErr (PolynomialProblems), " + instances + " seeded random polynomials, x, α, d=2..6, "
        + "every S, both readings";
    List<Finding> out = new ArrayList<>();
    boolean proseOk = mismatches[del * 2 + prose] == 0 && mismatches[ins * 2 + prose] == 0;
    out.add(proseOk ? Finding.underReading("002-Def2", "a group contributes its score when all its "
        + "members are present (the prose of §2.2 and App. A.3): then singleton groups are "
        + "exactly the standard attribution, as Definition 2's remark says", singletonCheck,
        "prose reading: 0 mismatches in " + (checked[del * 2 + prose] + checked[ins * 2 + prose])
        + " sets; as printed (S ⊆ S_i): " + (mismatches[del * 2 + printed]
        + mismatches[ins * 2 + printed]) + " mismatches")
        : Finding.fails("002-Def2", singletonCheck, "prose reading mismatch: "
        + firstBad[del * 2 + prose] + firstBad[ins * 2 + prose]));
    for (ErrorKind kind : ErrorKind.values()) {
      int slot = kind.ordinal() * 2 + printed;
      String id = kind == ErrorKind.DELETION ? "002-Def4" : "002-Def5";
      boolean contradicts = mismatches[slot] > 0;
      out.add(Finding.of(id, !contradicts, singletonCheck, contradicts
          ? "as printed (group counts when S ⊆ S_i) singleton groups do not reduce to Definition "
          + (kind == ErrorKind.DELETION ? "1" : "3") + ", contradicting Definition 2's special case"
          + " and the prose 'a group only contributes its score if all members are present': "
          + mismatches[slot] + " of " + checked[slot] + " sets differ, e.g. " + firstBad[slot]
          + "; the prose reading (" + GroupedReading.AS_PROSE.condition(kind) + ") has "
          + mismatches[kind.ordinal() * 2 + prose] + " mismatches"
          : "singletons reduce to the standard error on all " + checked[slot] + " sets"));
    }
    // Corollary 1, exhaustively
    int max = ctx.full() ? 16 : 11;
    long[] fail = new long[2];
    long[] sets = new long[2];
    String smallest = "";
    for (int d = 2; d <= max; d++) {
      for (Corollary1Check.Outcome o : Corollary1Check.run(d)) {
        int r = o.reading().ordinal();
        sets[r] += o.result().checked();
        fail[r] += o.result().failing();
        if (r == printed && !o.holds() && smallest.isEmpty()) {
          smallest = o.describe(2);
        }
      }
    }
    out.add(Finding.of("002-Cor1", fail[printed] == 0, "Corollary1Check.run(d), d=2.." + max
        + ": p1 with {([d],1)}, p2 (middle parts) with {(S1∪S2,1),(S2∪S3,1)}, x = 1, deletion and "
        + "insertion, every S, Definitions 4–5 as printed and as the prose reads them",
        "as printed: " + fail[printed] + " of " + sets[printed] + " (polynomial, kind, S) have "
        + "nonzero error; smallest: " + smallest + ". Under the prose reading: " + fail[prose]
        + " of " + sets[prose] + " nonzero (the corollary holds there)"));
    return out;
  }
}
