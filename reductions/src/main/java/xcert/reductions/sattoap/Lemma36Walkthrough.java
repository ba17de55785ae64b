package xcert.reductions.sattoap;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.num.Rationals;

/**
 * A Markdown walkthrough of one run of seed 003 Lemma 3.6 (and, when the parameters came from
 * Theorem 3.4, of that theorem's inequalities and decision procedure): every number of the proof
 * with its formula, the construction, the direction of the lemma that applies and the exact values
 * that settle it. Written for a reader who has the paper open beside it.
 */
public final class Lemma36Walkthrough {

  private Lemma36Walkthrough() {}

  /**
   * The walkthrough.
   *
   * @param source where Φ came from (a file name)
   * @param inst the AP instance
   * @param lemma the checked lemma
   * @param inequalities Theorem 3.4's inequalities, or null
   * @param procedure Theorem 3.4's decision procedure run, or null
   */
  public static String markdown(String source, ApInstance inst, Lemma36Check.Result lemma,
      List<Theorem34.Inequality> inequalities, DecisionProcedure.Outcome procedure) {
    ApParameters a = inst.parameters();
    StringBuilder sb = new StringBuilder();
    sb.append("# SAT ≤p AP on ").append(source).append(" (seed 003, Lemma 3.6")
        .append(a.alpha() != null ? "; Theorem 3.4" : "").append(")\n\n");

    sb.append("## 1. The formula\n\n");
    sb.append("Φ is a CNF with d = ").append(a.d()).append(" variables and ")
        .append(inst.cnf().clauses().length).append(" clauses. SAT4J finds it **")
        .append(lemma.satisfiable() ? "satisfiable" : "unsatisfiable").append("**.\n\n");

    sb.append("## 2. The numbers of the reduction\n\n");
    BigFraction delta = a.delta();
    BigFraction oneMinus = BigFraction.ONE.subtract(delta);
    sb.append("- δ = ").append(Rationals.format(delta)).append(".\n");
    sb.append("- q = ⌈log₂ d − log₂(1 − δ)⌉ = ").append(a.q())
        .append(", the least q with d·2^(−q) ≤ 1 − δ: ").append(a.d()).append("·2^(−").append(a.q())
        .append(") = ").append(Rationals.format(pow2Times(a.d(), a.q()))).append(" ≤ ")
        .append(Rationals.format(oneMinus));
    if (a.q() > 0) {
      sb.append(", while ").append(a.d()).append("·2^(−").append(a.q() - 1).append(") = ")
          .append(Rationals.format(pow2Times(a.d(), a.q() - 1))).append(" > ")
          .append(Rationals.format(oneMinus));
    }
    sb.append(".\n");
    sb.append("- p = ⌊−log₂ δ⌋ + 1 = ").append(a.p()).append(", the least p with 2^(−p) < δ: 2^(−")
        .append(a.p()).append(") = ").append(Rationals.format(pow2Times(1, a.p()))).append(" < ")
        .append(Rationals.format(delta)).append(".\n");
    sb.append("- k' = d·q = ").append(a.kPrime()).append(".\n");
    if (a.alpha() != null) {
      sb.append("- m' = ⌈max(2k'(k'^(1−α) + p^(1−α)), (2k')^(1/α) + 1)⌉ = ").append(a.mPrime())
          .append(" for α = ").append(Rationals.format(a.alpha()))
          .append(" (Theorem 3.4; the ceiling decided in exact interval arithmetic).\n");
    } else {
      sb.append("- m' = ").append(a.mPrime()).append(a.mPrime().equals(BigInteger.valueOf(
          a.kPrime())) ? " = k', the least the lemma allows" : " (given; the lemma needs m' ≥ k')")
          .append(".\n");
    }
    sb.append("- d' = k' + m' + p = ").append(a.variables()).append(" inputs.\n\n");

    sb.append("## 3. The construction\n\n");
    sb.append("Φ'(u, v) = Φ(∧ⱼ u⁽¹⁾ⱼ, …, ∧ⱼ u⁽ᵈ⁾ⱼ) ∨ (v₁ ∧ … ∧ v_{m'+p}): each variable xᵢ of Φ is "
        + "replaced by the conjunction of its q copies u⁽ⁱ⁾₁ … u⁽ⁱ⁾_q (inputs ")
        .append("(i−1)q+1 … iq), and v₁ … v_{m'+p} are inputs ").append(a.kPrime() + 1)
        .append(" … ").append(a.variables()).append(". The input is x' = 1^d' (Φ'(x') = 1), the "
            + "distribution uniform. The circuit, with the ∧v and miter outputs the checks use, has ").append(inst.circuit().nodeCount())
        .append(" nodes, inputs included.\n\n");

    sb.append("## 4. The direction of the lemma that applies\n\n");
    if (lemma.satisfiable()) {
      long s = lemma.witnessSize() / Math.max(1, a.q());
      sb.append("Φ is satisfiable. Take a model x and S = {i : xᵢ = 1} (|S| = ").append(s)
          .append("); then S' = S × [q] has |S'| = |S|·q = ").append(lemma.witnessSize())
          .append(" ≤ k' = ").append(a.kPrime()).append(".\n\n");
      sb.append("Fixing the inputs of S' to 1 and drawing the rest uniformly, Φ' = 1 whenever every "
          + "variable outside S has at least one copy at 0 (then Φ sees exactly x). The proof's "
          + "union bound gives P(Φ' = 1 | y_S' = 1) ≥ 1 − |S^c|·2^(−q) = ")
          .append(Rationals.format(lemma.unionBound())).append(".\n\n");
      sb.append("xcert computes the probability exactly by counting models of Φ' with S' fixed: **")
          .append(Rationals.format(lemma.witnessRelevance())).append("** ≈ ")
          .append(approx(lemma.witnessRelevance())).append(", which is ")
          .append(lemma.witnessRelevance().compareTo(delta) >= 0 ? "≥" : "<").append(" δ = ")
          .append(Rationals.format(delta)).append(". So S' is a δ-relevant set of size ≤ k'.\n\n");
    } else {
      sb.append("Φ is unsatisfiable, so Φ(∧ⱼ u⁽¹⁾ⱼ, …) is 0 everywhere and Φ' = ∧v. xcert checks "
          + "this without enumerating: the miter Φ' ⊕ ∧v is ")
          .append(lemma.equivalent() ? "unsatisfiable (SAT4J)" : "**satisfiable**").append(".\n\n");
      if (lemma.bestRelevance() != null) {
        sb.append("For any S' with |S'| ≤ m', P(∧v = 1 | y_S' = 1) = 2^(−(m'+p−|S'∩v|)) ≤ 2^(−p), "
            + "with equality when S' is m' of the v-inputs; counted exactly on Φ' with the first m' "
            + "v-inputs fixed: **").append(Rationals.format(lemma.bestRelevance())).append("** ")
            .append(lemma.bestRelevance().compareTo(delta) < 0 ? "<" : "≥").append(" δ = ")
            .append(Rationals.format(delta)).append(". So no set of size ≤ m' is δ-relevant");
        if (lemma.leastRelevantSize() != null) {
          sb.append(", and the first m' + 1 v-inputs are (2^(−(p−1)) ≥ δ): the least δ-relevant "
              + "size is k* = m' + 1 = ").append(lemma.leastRelevantSize());
        }
        sb.append(".\n\n");
      }
    }

    if (inequalities != null) {
      sb.append("## 5. Theorem 3.4: the inequalities of the proof\n\n");
      sb.append("Each side is enclosed in an interval with rational end points (powers z^(c/b) by "
          + "exact integer roots), refined until the intervals separate.\n\n");
      sb.append("| | inequality | left side ≈ | right side ≈ | holds |\n|---|---|---|---|---|\n");
      for (Theorem34.Inequality q : inequalities) {
        sb.append("| ").append(q.name()).append(" | ").append(q.statement()).append(" | ")
            .append(approx(q.lhs().lo())).append(" | ").append(approx(q.rhs().lo())).append(" | ")
            .append(q.decided() ? (q.holds() ? "yes" : "**no**") : "undecided").append(" |\n");
      }
      sb.append('\n');
    }
    if (procedure != null) {
      sb.append("## 6. Theorem 3.4: the decision procedure\n\n");
      sb.append("A d'^(1−α)-approximation algorithm may return any k with k* ≤ k ≤ d'^(1−α)·k*; here "
          + "every output from ").append(procedure.lowest()).append(" to ")
          .append(procedure.highest()).append(" is legal. The procedure answers \"satisfiable\" "
              + "exactly when k < m' = ").append(a.mPrime()).append(".\n\n");
      sb.append("| adversary | k | decided | correct |\n|---|---|---|---|\n");
      for (DecisionProcedure.Run r : procedure.runs()) {
        sb.append("| ").append(r.adversary()).append(" | ").append(r.k()).append(" | ")
            .append(r.decidedSatisfiable() ? "satisfiable" : "unsatisfiable").append(" | ")
            .append(r.correct() ? "yes" : "**no**").append(" |\n");
      }
      sb.append('\n');
    }
    sb.append("## Conclusion\n\n");
    boolean all = lemma.claimHolds()
        && (inequalities == null || inequalities.stream().allMatch(Theorem34.Inequality::holds))
        && (procedure == null || procedure.allCorrect());
    sb.append(all ? "Every step of the proof holds on this instance, checked exactly."
        : "**A step of the proof fails on this instance** (see above).").append('\n');
    return sb.toString();
  }

  private static BigFraction pow2Times(long c, int e) {
    return BigFraction.of(BigInteger.valueOf(c), BigInteger.ONE.shiftLeft(e));
  }

  private static String approx(BigFraction f) {
    return String.format(Locale.ROOT, "%.6g", f.doubleValue());
  }
}
