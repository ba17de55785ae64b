package xcert.ledger.seed001;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;

/** The (d, σ, λ) grids and the E = e^{1/σ²} sample points shared by the seed-001 checks. */
final class Grid {

  private Grid() {}

  static int[] dims(CheckContext ctx) {
    return ctx.full() ? new int[] {2, 3, 4, 5, 6, 8, 10, 20, 40} : new int[] {2, 3, 4, 5, 6, 8};
  }

  static double[] sigmas(CheckContext ctx) {
    return ctx.full() ? new double[] {0.25, 0.5, 0.75, 1, 2, 5, 10}
        : new double[] {0.25, 0.5, 1, 2, 5};
  }

  static double[] lambdas(CheckContext ctx) {
    return ctx.full() ? new double[] {0, 1e-4, 0.01, 0.1, 1, 10} : new double[] {0, 0.01, 1};
  }

  /** The largest d of the exact enumerations over {0,1}^d. */
  static int maxEnumerated(CheckContext ctx) {
    return ctx.full() ? 8 : 6;
  }

  /**
   * Distinct rationals E &gt; 1 standing for e^{1/σ²}: more than 2d + 2 of them, so an identity of
   * polynomials of degree ≤ 2d + 2 in E that holds at all of them holds for every σ.
   */
  static List<BigFraction> ePoints(int d) {
    List<BigFraction> out = new ArrayList<>();
    for (int i = 0; out.size() < 2 * d + 4; i++) {
      out.add(BigFraction.of(3L + 2L * i, 2L + (i % 3)));
    }
    return out;
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
