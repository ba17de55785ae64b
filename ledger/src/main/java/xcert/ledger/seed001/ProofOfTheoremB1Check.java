package xcert.ledger.seed001;

import java.util.List;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 001 Appendix B.4, the proof of Theorem B.1: α1, α2 (exact, by enumeration), Sherman–Morrison
 * β1, β2 (exact), and every inequality after them — the bounds on α1, α2, α1 − α2, the row sums,
 * |β1|, |β2|, ‖Σ⁻¹‖F² ≤ 2d·2^{2d}e^{2/σ²}, the 0.32 condition, and the three Hoeffding steps
 * (n1, t1), (n2, t2), (n3, t3) — in rigorous interval arithmetic on the (d, σ) grid
 * ({@link xcert.explainers.glime.theory.ProofSteps#theoremB1}).
 */
public final class ProofOfTheoremB1Check implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-B.4");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    int dMax = Grid.maxEnumerated(ctx);
    String ident = ProofSteps001.identities(dMax, false);
    ProofSteps001.Summary s = ProofSteps001.theoremB1(ctx);
    String check = "GlimeClosedForms (α1, α2 by enumeration of {0,1}^d, d = 2.." + dMax
        + ", Sherman–Morrison Σ·Σ⁻¹ = I, BigFraction at 2d + 4 values of E = e^{1/σ²}); "
        + "ProofSteps.theoremB1 (" + s.stepCount() + " steps, Interval arithmetic) on d ∈ "
        + java.util.Arrays.toString(Grid.dims(ctx)) + " × σ ∈ "
        + java.util.Arrays.toString(Grid.sigmas(ctx)) + " (" + s.points() + " points)";
    List<String> f = s.failures();
    int trials = ctx.full() ? 1000 : 100;
    double worst = 0;
    for (int d : new int[] {2, 3, 5}) {
      for (double sg : new double[] {0.5, 1, 5}) {
        worst = Math.max(worst, xcert.explainers.glime.theory.ProofSteps
            .perturbationInequalityWorstRatio(d, sg, trials, ctx.seed() + d));
      }
    }
    String lemma = "the perturbation inequality of [8] on LIME's Σ with random E at ‖Σ⁻¹E‖ = "
        + "0.32 (d ∈ {2,3,5}, σ ∈ {0.5,1,5}, " + trials + " trials each, seed " + ctx.seed()
        + "+d): largest lhs/rhs " + Grid.fmt(worst);
    if (worst > 1) {
      f.add(lemma + " > 1");
    }
    if (ident != null) {
      f.add(0, "identity: " + ident);
    }
    if (f.isEmpty()) {
      return List.of(Finding.holds("001-B.4", check, "α1, α2, β1, β2 exact; all " + s.stepCount()
          + " steps hold at every grid point; " + lemma));
    }
    return List.of(Finding.fails("001-B.4", check, "α1, α2 and Sherman–Morrison exact"
        + (ident == null ? "" : " — except " + ident) + "; " + (s.stepCount() - f.size())
        + " of " + s.stepCount() + " steps hold everywhere; " + lemma + "; failing: " + String.join("; ", f)
        + ". With n = n1 the exponent n1·t1²/(32d²) is 0.2048·log(4d/δ), so 2d·exp(−…) = "
        + "2d(δ/4d)^{0.2048} > δ/2 for every δ ∈ (0,1) (e.g. d = 2, δ = 0.05: 1.41 > 0.025); n3 "
        + "gives 0.25·log(4d/δ). Enlarging n1 by 625/128 and n3 by 4 repairs both, so Theorem B.1 "
        + "survives as an Ω statement"));
  }
}
