package xcert.ledger.seed002;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialProblems;
import xcert.certificates.problem.SubsetFamily;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 002 Definition 1 (deletion error, Eq. 1), Definition 3 (insertion error, Eq. 4) and the
 * remark of Section 2 that a linear model f = θᵀx has the zero-error attribution α_i = θ_i·x_i. The
 * targets c_S that the LP certificates use ({@link PolynomialProblems}, computed from the terms of
 * the polynomial) are compared with the definitions evaluated directly, f(x) − f(x_{−S}) and
 * f(x_S) − f(0_d), on seeded random multilinear polynomials with rational coefficients and inputs.
 */
public final class DefinitionsCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("002-Def1", "002-Def3", "002-§2-lin");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    SplittableRandom rng = new SplittableRandom(ctx.seed() ^ 0x002D1L);
    int instances = ctx.full() ? 200 : 40;
    long[] sets = new long[2];
    String[] first = {"", ""};
    for (int k = 0; k < instances; k++) {
      int d = 2 + rng.nextInt(6);
      MultilinearPolynomial f = randomPolynomial(d, rng);
      BigFraction[] x = randomInput(d, rng, false);
      for (ErrorKind kind : ErrorKind.values()) {
        int i = kind.ordinal();
        AttributionProblem p = PolynomialProblems.of(f, x, kind, SubsetFamily.all(d));
        for (long s = 0; s < 1L << d && first[i].isEmpty(); s++) {
          sets[i]++;
          BigFraction direct = kind == ErrorKind.DELETION
              ? f.evaluate(x).subtract(f.evaluate(keep(x, ~s)))
              : f.evaluate(keep(x, s)).subtract(f.evaluate(keep(x, 0)));
          if (!direct.equals(p.target(s))) {
            first[i] = f + " at S=" + s + ": " + direct + " vs " + p.target(s);
          }
        }
      }
    }
    String check = "PolynomialProblems.of(f, x, kind, all sets) against MultilinearPolynomial"
        + ".evaluate, " + instances + " seeded random polynomials (d=2..7, up to 6 terms, rational"
        + " coefficients and x)";
    List<Finding> out = new ArrayList<>();
    int del = ErrorKind.DELETION.ordinal();
    int ins = ErrorKind.INSERTION.ordinal();
    out.add(Finding.of("002-Def1", first[del].isEmpty(), check, first[del].isEmpty()
        ? "DelErr targets f(x) − f(x_{−S}) agree with the direct evaluation on all " + sets[del]
        + " sets (x_{−S} zeroes S)" : "differ: " + first[del]));
    out.add(Finding.of("002-Def3", first[ins].isEmpty(), check, first[ins].isEmpty()
        ? "InsErr targets f(x_S) − f(0_d) agree with the direct evaluation on all " + sets[ins]
        + " sets" : "differ: " + first[ins]));
    // linear f = θᵀx (+ b): α_i = θ_i x_i has zero deletion and insertion error at every S
    long checked = 0;
    String bad = "";
    for (int k = 0; k < instances && bad.isEmpty(); k++) {
      int d = 2 + rng.nextInt(8);
      MultilinearPolynomial.Builder b = new MultilinearPolynomial.Builder();
      BigFraction[] theta = randomInput(d, rng, true);
      BigFraction[] x = randomInput(d, rng, true);
      b.add(0L, BigFraction.of(rng.nextInt(-5, 6), 3));
      for (int i = 0; i < d; i++) {
        b.add(1L << i, theta[i]);
      }
      MultilinearPolynomial f = b.build(d);
      for (ErrorKind kind : ErrorKind.values()) {
        AttributionProblem p = PolynomialProblems.of(f, x, kind, SubsetFamily.all(d));
        for (long s = 0; s < 1L << d; s++) {
          BigFraction sum = BigFraction.ZERO;
          for (int i = 0; i < d; i++) {
            if ((s >> i & 1) == 1) {
              sum = sum.add(theta[i].multiply(x[i]));
            }
          }
          checked++;
          if (!p.target(s).subtract(sum).equals(BigFraction.ZERO)) {
            bad = f + " " + kind.word() + " S=" + s;
          }
        }
      }
    }
    out.add(Finding.of("002-§2-lin", bad.isEmpty(), "PolynomialProblems.of(θᵀx + b, x, deletion "
        + "and insertion), α_i = θ_i·x_i, " + instances + " seeded random θ, x, b (d=2..9)",
        bad.isEmpty() ? "DelErr and InsErr are exactly 0 at all " + checked + " (instance, kind, S)"
        : "nonzero error: " + bad));
    return out;
  }

  static MultilinearPolynomial randomPolynomial(int d, SplittableRandom rng) {
    MultilinearPolynomial.Builder b = new MultilinearPolynomial.Builder();
    int terms = 1 + rng.nextInt(6);
    for (int t = 0; t < terms; t++) {
      b.add(rng.nextLong(1L << d), BigFraction.of(rng.nextInt(-9, 10), 1 + rng.nextInt(4)));
    }
    return b.build(d);
  }

  static BigFraction[] randomInput(int d, SplittableRandom rng, boolean signed) {
    BigFraction[] x = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      x[i] = BigFraction.of(signed ? rng.nextInt(-7, 8) : rng.nextInt(0, 8), 1 + rng.nextInt(3));
    }
    return x;
  }

  static BigFraction[] keep(BigFraction[] x, long kept) {
    BigFraction[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      if ((kept >>> i & 1) == 0) {
        y[i] = BigFraction.ZERO;
      }
    }
    return y;
  }
}
