package xcert.solvers.claims;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.GameValues;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.SetFunctions;
import xcert.solvers.setfunction.Subsets;

/**
 * The Shapley axioms (seed 004 Section 5.2: additivity, nullity, symmetry, linearity; efficiency) and
 * the defining sum Eq. 11, checked exactly on values computed by {@link GameValues}. The definition
 * check sums Eq. 11 term by term with its factorial weights, independently of the grouped computation.
 */
public final class ShapleyAxioms {

  private ShapleyAxioms() {}

  /** Σ_j φ_j = v([d]) − v(∅). */
  public static Verdict efficiency(SetFunction v, Scalar[] phi) {
    BigFraction sum = BigFraction.ZERO;
    for (Scalar s : phi) {
      sum = sum.add(s.exact());
    }
    BigFraction total = v.exactAt(Subsets.full(v.dimension())).subtract(v.exactAt(0));
    return sum.equals(total) ? Verdict.holds("Shapley efficiency", "Σφ = " + Rationals.format(sum))
        : Verdict.fails("Shapley efficiency", "Σφ = " + Rationals.format(sum) + " ≠ v([d])−v(∅) = "
            + Rationals.format(total));
  }

  /** Players i, j with v(S ∪ i) = v(S ∪ j) for every S ∌ i, j get equal values. */
  public static Verdict symmetry(SetFunction v, Scalar[] phi) {
    int d = v.dimension();
    int pairs = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        if (symmetric(v, i, j)) {
          pairs++;
          if (!phi[i].exact().equals(phi[j].exact())) {
            return Verdict.fails("Shapley symmetry", "players " + (i + 1) + " and " + (j + 1)
                + " are symmetric but φ = " + phi[i] + ", " + phi[j]);
          }
        }
      }
    }
    return pairs == 0 ? Verdict.vacuous("Shapley symmetry", "no symmetric pair")
        : Verdict.holds("Shapley symmetry", pairs + " symmetric pairs");
  }

  static boolean symmetric(SetFunction v, int i, int j) {
    int bi = 1 << i;
    int bj = 1 << j;
    for (int s = 0; s < v.size(); s++) {
      if ((s & (bi | bj)) == 0 && v.compare(s | bi, s | bj) != 0) {
        return false;
      }
    }
    return true;
  }

  /** A player with v(S ∪ i) = v(S) for every S gets 0. */
  public static Verdict nullPlayer(SetFunction v, Scalar[] phi) {
    int d = v.dimension();
    int nulls = 0;
    for (int i = 0; i < d; i++) {
      boolean isNull = true;
      for (int s = 0; s < v.size() && isNull; s++) {
        if ((s & (1 << i)) == 0) {
          isNull = v.compare(s, s | 1 << i) == 0;
        }
      }
      if (isNull) {
        nulls++;
        if (phi[i].exact().signum() != 0) {
          return Verdict.fails("Shapley null player", "player " + (i + 1) + " is null but φ = "
              + phi[i]);
        }
      }
    }
    return nulls == 0 ? Verdict.vacuous("Shapley null player", "no null player")
        : Verdict.holds("Shapley null player", nulls + " null players");
  }

  /** φ(v + c·w) = φ(v) + c·φ(w). */
  public static Verdict linearity(SetFunction v, SetFunction w, BigFraction c) {
    Scalar[] pv = GameValues.shapley(v);
    Scalar[] pw = GameValues.shapley(w);
    SetFunction combined = SetFunctions.sum(v, SetFunctions.affine(w, c, BigFraction.ZERO));
    Scalar[] pc = GameValues.shapley(combined);
    for (int j = 0; j < pv.length; j++) {
      BigFraction expect = pv[j].exact().add(c.multiply(pw[j].exact()));
      if (!pc[j].exact().equals(expect)) {
        return Verdict.fails("Shapley linearity", "player " + (j + 1) + ": φ(v+cw) = " + pc[j]
            + " ≠ φ(v)+cφ(w) = " + Rationals.format(expect));
      }
    }
    return Verdict.holds("Shapley linearity", "c = " + Rationals.format(c));
  }

  /** Eq. 11 summed term by term: φ_j = Σ_{S ∌ j} |S|!(d−|S|−1)!/d! [v(S∪j) − v(S)]. */
  public static Verdict definition(SetFunction v, Scalar[] phi) {
    int d = v.dimension();
    BigFraction[] fact = new BigFraction[d + 1];
    fact[0] = BigFraction.ONE;
    for (int k = 1; k <= d; k++) {
      fact[k] = fact[k - 1].multiply(k);
    }
    for (int j = 0; j < d; j++) {
      BigFraction sum = BigFraction.ZERO;
      for (int s = 0; s < v.size(); s++) {
        if ((s & 1 << j) == 0) {
          int k = Integer.bitCount(s);
          BigFraction w = fact[k].multiply(fact[d - k - 1]).divide(fact[d]);
          sum = sum.add(w.multiply(v.exactAt(s | 1 << j).subtract(v.exactAt(s))));
        }
      }
      if (!sum.equals(phi[j].exact())) {
        return Verdict.fails("Shapley definition (Eq. 11)", "player " + (j + 1) + ": Eq. 11 gives "
            + Rationals.format(sum) + ", computed " + phi[j]);
      }
    }
    return Verdict.holds("Shapley definition (Eq. 11)", d + " players");
  }

  /** Exactness guard for callers. */
  public static boolean applicable(SetFunction v) {
    return v instanceof ExactSetFunction;
  }
}
