package xcert.ledger.seed004;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.ledger.seed000.Verdicts;
import xcert.solvers.claims.ShapleyAxioms;
import xcert.solvers.claims.Verdict;
import xcert.solvers.exact.GameValues;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * Seed 004 Section 5.2: the Shapley value (Eq. 11), its axioms and uniqueness, and the two-player
 * value of the partition {S, S^c} (Eq. 50), exactly, on the games v(S) = f_S(x) and
 * v(S) = −|f(x) − f_S(x)| of {@link SmallInstances}.
 *
 * <ul>
 *   <li>004-Eq11: {@link ShapleyAxioms#definition} sums Eq. 11 term by term with its factorial
 *       weights and compares with {@link GameValues#shapley};
 *   <li>004-§5.2-ax: efficiency, symmetry, null player ({@link ShapleyAxioms}), linearity
 *       φ(v + (3/2)w) = φ(v) + (3/2)φ(w); uniqueness: every game is Σ_T m(T)·u_T in the unanimity
 *       games (Möbius coefficients m, the sum rebuilt and compared with v exactly), and on each u_T
 *       efficiency, symmetry and nullity force φ_i = 1/|T| for i ∈ T and 0 otherwise; the computed
 *       values match, so with linearity no other value satisfies the axioms;
 *   <li>004-Eq50: {@link GameValues#partitionValue}(v, S) = ½[v([d]) − v(S^c)] + ½[v(S) − v(∅)] for
 *       every S.
 * </ul>
 */
public final class ShapleyChecks implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("004-Eq11", "004-§5.2-ax", "004-Eq50");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    String on = SmallInstances.describe(ctx) + "; games v(S) = f_S(x) and −|f(x) − f_S(x)|";
    List<Verdict> def = new ArrayList<>();
    List<Verdict> ax = new ArrayList<>();
    List<Verdict> two = new ArrayList<>();
    for (SmallInstances.Case c : SmallInstances.of(ctx)) {
      SetFunction game = c.table().values();
      SetFunction suf = SetFunctions.negate(c.sn().deltaSuf());
      for (SetFunction v : new SetFunction[] {game, suf}) {
        Scalar[] phi = GameValues.shapley(v);
        def.add(ShapleyAxioms.definition(v, phi));
        ax.add(ShapleyAxioms.efficiency(v, phi));
        ax.add(ShapleyAxioms.symmetry(v, phi));
        ax.add(ShapleyAxioms.nullPlayer(v, phi));
        ax.add(unanimityDecomposition(v));
        two.add(partition(v));
      }
      ax.add(ShapleyAxioms.linearity(game, suf, BigFraction.of(3, 2)));
    }
    for (int d = 1; d <= 5; d++) {
      ax.add(unanimityValues(d));
    }
    return List.of(
        Verdicts.finding("004-Eq11", "ShapleyAxioms.definition (Eq. 11 term by term) vs"
            + " GameValues.shapley on " + on, def),
        Verdicts.finding("004-§5.2-ax", "ShapleyAxioms efficiency, symmetry, null player,"
            + " linearity; Möbius decomposition and the values of every unanimity game u_T,"
            + " d ≤ 5, on " + on, ax),
        Verdicts.finding("004-Eq50", "GameValues.partitionValue vs Eq. 50 for every S on " + on,
            two));
  }

  /** v = Σ_T m(T) u_T with m(T) = Σ_{R ⊆ T} (−1)^{|T|−|R|} v(R), rebuilt exactly. */
  static Verdict unanimityDecomposition(SetFunction v) {
    int d = v.dimension();
    BigFraction[] m = new BigFraction[1 << d];
    for (int t = 0; t < 1 << d; t++) {
      BigFraction s = BigFraction.ZERO;
      for (int r = t; ; r = (r - 1) & t) {
        BigFraction term = v.exactAt(r);
        s = (Integer.bitCount(t ^ r) % 2 == 0) ? s.add(term) : s.subtract(term);
        if (r == 0) {
          break;
        }
      }
      m[t] = s;
    }
    for (int s = 0; s < 1 << d; s++) {
      BigFraction sum = BigFraction.ZERO;
      for (int t = 0; t < 1 << d; t++) {
        if ((t & s) == t) {
          sum = sum.add(m[t]);
        }
      }
      if (!sum.equals(v.exactAt(s))) {
        return Verdict.fails("unanimity basis", "S=" + Subsets.format(s) + ": Σ m(T) = " + sum
            + " ≠ v(S) = " + v.exactAt(s));
      }
    }
    return Verdict.holds("unanimity basis", "v = Σ_T m(T)·u_T on " + (1 << d) + " sets");
  }

  /** φ(u_T) = 1/|T| on T and 0 off T for every nonempty T ⊆ [d]. */
  static Verdict unanimityValues(int d) {
    for (int t = 1; t < 1 << d; t++) {
      BigFraction[] u = new BigFraction[1 << d];
      for (int s = 0; s < 1 << d; s++) {
        u[s] = (s & t) == t ? BigFraction.ONE : BigFraction.ZERO;
      }
      Scalar[] phi = GameValues.shapley(ExactSetFunction.ofFractions(d, u));
      for (int i = 0; i < d; i++) {
        BigFraction want = (t >> i & 1) == 1 ? BigFraction.of(1, Integer.bitCount(t))
            : BigFraction.ZERO;
        if (!phi[i].exact().equals(want)) {
          return Verdict.fails("unanimity values", "d=" + d + ", T=" + Subsets.format(t)
              + ": φ_" + (i + 1) + " = " + phi[i] + ", the axioms force " + want);
        }
      }
    }
    return Verdict.holds("unanimity values", "all " + ((1 << d) - 1) + " unanimity games, d = "
        + d);
  }

  static Verdict partition(SetFunction v) {
    int d = v.dimension();
    BigFraction full = v.exactAt(Subsets.full(d));
    BigFraction empty = v.exactAt(0);
    BigFraction half = BigFraction.of(1, 2);
    for (int s = 0; s < 1 << d; s++) {
      BigFraction want = half.multiply(full.subtract(v.exactAt(Subsets.complement(s, d))))
          .add(half.multiply(v.exactAt(s).subtract(empty)));
      BigFraction got = GameValues.partitionValue(v, s).exact();
      if (!got.equals(want)) {
        return Verdict.fails("Eq. 50", "S=" + Subsets.format(s) + ": " + got + " ≠ " + want);
      }
    }
    return Verdict.holds("Eq. 50", (1 << d) + " sets");
  }

}
