package xcert.ledger.seed001;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.glime.theory.GlimeClosedForms;
import xcert.explainers.glime.theory.ProofSteps;
import xcert.ledger.CheckContext;

/**
 * The proof steps of seed 001 Appendix B.4–B.5 on the (d, σ, λ) grid, the smallest failing
 * point of each step (grid order: d, then σ, then λ ascending), and the exact identities the
 * proofs start from (α1, α2 by enumeration, Sherman–Morrison), computed once per ledger run.
 */
final class ProofSteps001 {

  private ProofSteps001() {}

  /** Per step: how many grid points it was evaluated at, and its first failure (or null). */
  record Summary(Map<String, Integer> evaluated, Map<String, String> firstFailure, int points) {

    List<String> failures() {
      List<String> out = new ArrayList<>();
      firstFailure.forEach((k, v) -> {
        if (v != null) {
          out.add(v);
        }
      });
      return out;
    }

    int stepCount() {
      return evaluated.size();
    }
  }

  static Summary theoremB1(CheckContext ctx) {
    return ctx.shared("seed001.B1", () -> {
      Map<String, Integer> ev = new LinkedHashMap<>();
      Map<String, String> fail = new LinkedHashMap<>();
      int points = 0;
      for (int d : Grid.dims(ctx)) {
        for (double s : Grid.sigmas(ctx)) {
          points++;
          record(ProofSteps.theoremB1(d, s), "d=" + d + ", σ=" + s + " (any λ ≤ n)", ev, fail);
        }
      }
      return new Summary(ev, fail, points);
    });
  }

  static Summary theoremB2(CheckContext ctx) {
    return ctx.shared("seed001.B2", () -> grid(ctx, true));
  }

  static Summary corollaryB3(CheckContext ctx) {
    return ctx.shared("seed001.B3", () -> grid(ctx, false));
  }

  private static Summary grid(CheckContext ctx, boolean b2) {
    Map<String, Integer> ev = new LinkedHashMap<>();
    Map<String, String> fail = new LinkedHashMap<>();
    int points = 0;
    for (int d : Grid.dims(ctx)) {
      for (double s : Grid.sigmas(ctx)) {
        for (double l : Grid.lambdas(ctx)) {
          points++;
          String at = "d=" + d + ", σ=" + s + ", λ=" + l;
          record(b2 ? ProofSteps.theoremB2(d, s, l) : ProofSteps.corollaryB3(d, s, l), at, ev,
              fail);
        }
      }
    }
    return new Summary(ev, fail, points);
  }

  private static void record(List<ProofSteps.Step> steps, String at, Map<String, Integer> ev,
      Map<String, String> fail) {
    for (ProofSteps.Step st : steps) {
      String key = st.where() + " | " + st.statement();
      ev.merge(key, 1, Integer::sum);
      fail.putIfAbsent(key, null);
      if (!st.holds() && fail.get(key) == null) {
        fail.put(key, st.where() + ": '" + st.statement() + "' fails first at " + at + ": lhs "
            + st.lhs().show() + " > rhs " + st.rhs().show());
      }
    }
  }

  /**
   * The exact identities: LIME's α1 = (1 + 1/E)^{d−1}/2^d and α2 = (1 + 1/E)^{d−2}/2^d,
   * GLIME-Binomial's α1 = E/(1 + E), α2 = α1², by enumeration; Sherman–Morrison's inverse with
   * λ ∈ {0, 1/100, 1}. Returns null when all hold, else the first failure.
   */
  static String identities(int dMax, boolean binomial) {
    for (int d = 2; d <= dMax; d++) {
      for (BigFraction e : Grid.ePoints(d)) {
        BigFraction[] en = GlimeClosedForms.alphasEnumerated(d, e, binomial);
        BigFraction[] cl = binomial ? GlimeClosedForms.binomialAlphasClosed(e)
            : GlimeClosedForms.limeAlphasClosed(d, e);
        if (!en[0].equals(cl[0]) || !en[1].equals(cl[1])) {
          return "d=" + d + ", E=" + e + ": enumerated (α1, α2) = (" + en[0] + ", " + en[1]
              + "), closed form (" + cl[0] + ", " + cl[1] + ")";
        }
        for (BigFraction l : new BigFraction[] {BigFraction.ZERO, BigFraction.of(1, 100),
            BigFraction.ONE}) {
          if (!GlimeClosedForms.shermanMorrisonInverts(d, en[0], en[1], l)) {
            return "d=" + d + ", E=" + e + ", λ=" + l + ": Σ·Σ⁻¹ ≠ I for the β1, β2 of the proof";
          }
        }
      }
    }
    return null;
  }
}
