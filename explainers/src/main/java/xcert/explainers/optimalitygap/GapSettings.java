package xcert.explainers.optimalitygap;

import java.util.OptionalInt;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.metrics.Ranking;
import xcert.solvers.setfunction.Rho;

/**
 * The parameters of a gap comparison.
 *
 * @param tau the budget τ of (P_suf), (P_nec), (P_uni) (seed 004 Eq. 4–7); empty means ⌈d/4⌉, a
 *     quarter of the features, small enough that the budget binds on the generated instances (at
 *     τ = d every problem is solved by S = [d]) and at least 1
 * @param alpha α of (P_uni), default 1/2 (the α of seed 004 Theorem 5.1's proof)
 * @param delta δ of MIN-RELEVANT-INPUT (seed 003 Section 3), default 9/10
 * @param rho the distance ρ of Δsuf and Δnec, default |a − b| (seed 004 Section 6)
 * @param ranking how scores order features before thresholding: by |w_i| (default, so that a large
 *     negative LIME or SHAP weight counts as important) or by w_i; ties by lower feature index
 *     ({@link Ranking})
 */
public record GapSettings(OptionalInt tau, BigFraction alpha, BigFraction delta, Rho rho,
    Ranking ranking) {

  public GapSettings {
    if (tau.isPresent() && tau.getAsInt() < 0) {
      throw new IllegalArgumentException("τ must be ≥ 0, is " + tau.getAsInt());
    }
    if (alpha.signum() < 0 || alpha.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("α must be in [0,1], is " + alpha);
    }
    if (delta.signum() < 0 || delta.compareTo(BigFraction.ONE) > 0) {
      throw new IllegalArgumentException("δ must be in [0,1], is " + delta);
    }
  }

  /** τ = ⌈d/4⌉, α = 1/2, δ = 9/10, ρ = |a − b|, ranking by |w_i|. */
  public static GapSettings defaults() {
    return new GapSettings(OptionalInt.empty(), BigFraction.of(1, 2), BigFraction.of(9, 10),
        Rho.ABS, Ranking.MAGNITUDE);
  }

  public GapSettings withTau(int t) {
    return new GapSettings(OptionalInt.of(t), alpha, delta, rho, ranking);
  }

  public GapSettings withAlpha(BigFraction a) {
    return new GapSettings(tau, a, delta, rho, ranking);
  }

  public GapSettings withDelta(BigFraction dl) {
    return new GapSettings(tau, alpha, dl, rho, ranking);
  }

  public GapSettings withRanking(Ranking r) {
    return new GapSettings(tau, alpha, delta, rho, r);
  }

  /** τ for d features: the set value, or ⌈d/4⌉. */
  public int tau(int d) {
    int t = tau.orElse((d + 3) / 4);
    if (t > d) {
      throw new IllegalArgumentException("τ = " + t + " exceeds d = " + d);
    }
    return t;
  }
}
