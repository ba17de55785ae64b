package xcert.ledger.seed002;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.fit.ExponentialFit;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.ledger.Verdict;

/**
 * Seed 002's "approximate lower bounds" (Theorem 1 proof and Fig. 2a: e^{0.664d − 1.159}, relative
 * absolute error 0.008; Theorem 2 and Fig. 2b: e^{0.217d + 1.010} + 2.778 and e^{0.198d + 1.332} +
 * 4.778, relative absolute error 0.106), refitted by the paper's method (least squares on ln y) to
 * the certified optima of {@link CertifiedOptima} and judged by criteria fixed here, before the run.
 */
public final class FitsCheck implements ClaimCheck {

  /** Criterion of 002-Thm1-fit: the refit's (γ1, γ0) round to the printed (0.664, −1.159). */
  static final String FIT_CRITERION = "the least-squares fit of ln y = γ1·d + γ0 to the certified "
      + "optima d=2..20 gives (γ1, γ0) that round at 3 decimals to the printed (0.664, −1.159)";

  /** Criterion of 002-Thm1-err: the refit's error rounds to the printed 0.008. */
  static final String ERR_CRITERION = "the relative absolute error RAE = Σ|y − ŷ| / Σ|y − ȳ| of the "
      + "refit against the certified optima d=2..20 rounds to 0.008 (lies in [0.0075, 0.0085))";

  /** Criterion of 002-Thm2-fit, both parts required. */
  static final String INS_CRITERION = "(a) each printed insertion curve, λ0 added as printed, is ≤ "
      + "the certified optimum at every d of the theorem (equal parts: d = 3, 6, …, 18), being "
      + "called a lower bound; and (b) its printed error 0.106 is reproduced (rounds to 0.106) by its "
      + "mean |y − ŷ|/y or its RAE against the certified optima d=3..20, middle or numpy partition";

  @Override
  public List<String> ids() {
    return List.of("002-Thm1-fit", "002-Thm1-err", "002-Thm2-fit");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    CertifiedOptima o = CertifiedOptima.of(ctx);
    double[] d = keys(o.monomialDeletion());
    double[] y = values(o.monomialDeletion());
    ExponentialFit refit = ExponentialFit.exponential(d, y);
    ExponentialFit paper = ExponentialFit.PAPER_DELETION;
    List<Finding> out = new ArrayList<>();
    // 002-Thm1-fit
    boolean rounds = round3(refit.slope()) == 0.664 && round3(refit.intercept()) == -1.159;
    List<Integer> above = new ArrayList<>();
    double worstExcess = 0;
    int worstD = 0;
    for (int i = 0; i < d.length; i++) {
      BigFraction curve = BigFraction.from(paper.at(d[i]));
      BigFraction opt = o.monomialDeletion().get((int) d[i]);
      if (curve.compareTo(opt) > 0) {
        above.add((int) d[i]);
        double ex = paper.at(d[i]) / y[i] - 1;
        if (ex > worstExcess) {
          worstExcess = ex;
          worstD = (int) d[i];
        }
      }
    }
    String check = "ExponentialFit.exponential on the certified optima (" + o.how() + ")";
    out.add(new Finding("002-Thm1-fit", rounds ? Verdict.HOLDS_UNDER_READING : Verdict.FAILS,
        check, String.format(Locale.ROOT, "refit (γ1, γ0) = (%.4f, %.4f); as a bound the printed "
        + "curve lies above the certified optimum at d = %s (worst %.1f%% above, at d = %d), so it "
        + "is no lower bound there", refit.slope(), refit.intercept(), above,
        100 * worstExcess, worstD), FIT_CRITERION, "'approximate lower bound' read as a "
        + "least-squares fit of the certified optima, not a bound at every d"));
    // 002-Thm1-err
    double rae = rae(refit, d, y);
    double meanRel = refit.relativeError(d, y);
    boolean errOk = rae >= 0.0075 && rae < 0.0085;
    out.add(new Finding("002-Thm1-err", errOk ? Verdict.HOLDS_UNDER_READING : Verdict.FAILS,
        check, String.format(Locale.ROOT, "RAE Σ|y−ŷ|/Σ|y−ȳ| = %.5f; the mean |y−ŷ|/y (the "
        + "certificates section's measure) is %.4f, which does not give 0.008", rae, meanRel),
        ERR_CRITERION, "'relative absolute error' read as the standard RAE Σ|y − ŷ|/Σ|y − ȳ| (the "
        + "seed does not define it)"));
    // 002-Thm2-fit
    StringBuilder ev = new StringBuilder();
    boolean allBelow = true;
    boolean reproduced = false;
    for (ExponentialFit c : List.of(ExponentialFit.PAPER_INSERTION_APPENDIX,
        ExponentialFit.PAPER_INSERTION_FIGURE)) {
      List<String> over = new ArrayList<>();
      for (int dd = 3; dd <= 18; dd += 3) {
        BigFraction opt = o.binomialMiddle().get(dd);
        if (BigFraction.from(c.at(dd)).compareTo(opt) > 0) {
          allBelow = false;
          over.add(String.format(Locale.ROOT, "d=%d: %.3f > %s", dd, c.at(dd), opt));
        }
      }
      ev.append(String.format(Locale.ROOT, "e^(%.3fd+%.3f)+%.3f above the optimum at %s; ",
          c.slope(), c.intercept(), c.offset(), over.isEmpty() ? "no d" : String.join(", ",
          over.subList(0, Math.min(2, over.size()))) + (over.size() > 2 ? " …" : "")));
      for (Map<Integer, BigFraction> m : List.of(o.binomialMiddle(), o.binomialFirst())) {
        double[] bd = keys(m);
        double[] by = values(m);
        double mr = c.relativeError(bd, by);
        double r = rae(c, bd, by);
        reproduced |= round3(mr) == 0.106 || round3(r) == 0.106;
        ev.append(String.format(Locale.ROOT, "%s: mean rel %.3f, RAE %.3f; ",
            m == o.binomialMiddle() ? "middle" : "numpy", mr, r));
      }
    }
    ExponentialFit refitMid = ExponentialFit.offsetExponential(keys(o.binomialMiddle()),
        values(o.binomialMiddle()));
    ev.append(String.format(Locale.ROOT, "refit to the middle-partition optima: (%.3f, %.3f, %.3f),"
        + " mean rel %.3f", refitMid.slope(), refitMid.intercept(), refitMid.offset(),
        refitMid.relativeError()));
    out.add(Finding.measured("002-Thm2-fit", allBelow && reproduced, INS_CRITERION,
        "ExponentialFit.PAPER_INSERTION_APPENDIX/_FIGURE against the certified binomial optima ("
        + o.how() + ")", ev.toString()));
    return out;
  }

  /** Σ|y − ŷ| / Σ|y − ȳ| ({@link ExponentialFit#relativeAbsoluteError}). */
  static double rae(ExponentialFit f, double[] d, double[] y) {
    return f.relativeAbsoluteError(d, y);
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double[] keys(Map<Integer, BigFraction> m) {
    return m.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
  }

  static double[] values(Map<Integer, BigFraction> m) {
    return m.values().stream().mapToDouble(BigFraction::doubleValue).toArray();
  }
}
