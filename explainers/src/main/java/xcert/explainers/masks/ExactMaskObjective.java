package xcert.explainers.masks;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.Subsets;

/**
 * The objective of seed 004 Eq. 13 at the vertices S ⊆ [d] of [0,1]^d, in exact rational arithmetic
 * from an exact table of f_S(x) ({@link SufficiencyNecessity} with ρ = |·|):
 * α·Δsuf(S) + (1−α)·N(S) + λ₁|S| + λ_TV‖1_S‖_TV, with N(S) = Δnec(S) = |f_{S^c}(x) − f_∅(x)|
 * (Definition 2.2) or N(S) = |f(x) − f_{S^c}(x)| = Δsuf(S^c) (as printed in Eq. 59). α, λ₁ and λ_TV
 * enter as the exact rationals of their double values. It is the reference against which the relaxed
 * masks of {@link RelaxedMaskExplainer} are judged, and it exhibits the finding that the printed
 * necessity term is 0 at S = ∅.
 */
public final class ExactMaskObjective {

  private final SufficiencyNecessity sn;
  private final int d;
  private final BigFraction alpha;
  private final BigFraction lambda1;
  private final BigFraction lambdaTv;
  private final NecessityTerm term;
  private final int gridWidth;

  /**
   * @param sn the exact sufficiency and necessity of one instance, ρ = |·|
   * @param settings α, λ_TV, the grid and the necessity term
   * @param lambda1 λ₁ as used
   * @throws IllegalArgumentException for a float64 table, ρ other than |·|, or a grid that does not
   *     fit
   */
  public ExactMaskObjective(SufficiencyNecessity sn, MaskSettings settings, double lambda1) {
    if (!sn.table().isExact()) {
      throw new IllegalArgumentException("the exact objective needs an exact table of f_S(x)");
    }
    if (sn.rho() != Rho.ABS) {
      throw new IllegalArgumentException("Eq. 59 uses ρ = |·|, the table was built with "
          + sn.rho().flag());
    }
    this.sn = sn;
    this.d = sn.table().dimension();
    settings.checkDimension(d);
    this.alpha = Rationals.fromDouble(settings.alpha());
    this.lambda1 = Rationals.fromDouble(lambda1);
    this.lambdaTv = Rationals.fromDouble(settings.lambdaTv());
    this.term = settings.necessityTerm();
    this.gridWidth = settings.gridWidth();
  }

  /** The necessity term N(S) alone. */
  public BigFraction necessity(int set) {
    return term == NecessityTerm.DEFINITION ? sn.deltaNec().exactAt(set)
        : sn.deltaSuf().exactAt(Subsets.complement(set, d));
  }

  /** The objective at the vertex 1_S (bit i of set = feature i+1). */
  public BigFraction value(int set) {
    BigFraction v = alpha.multiply(sn.deltaSuf().exactAt(set))
        .add(BigFraction.ONE.subtract(alpha).multiply(necessity(set)))
        .add(lambda1.multiply(Subsets.size(set)));
    if (gridWidth > 0 && lambdaTv.signum() != 0) {
      double[] indicator = new double[d];
      for (int i = 0; i < d; i++) {
        indicator[i] = (set >> i) & 1;
      }
      v = v.add(lambdaTv.multiply((int) new TotalVariation(gridWidth, d).value(indicator)));
    }
    return v;
  }

  /** The minimum over |S| ≤ τ with every minimiser, in report order. */
  public Optimum minimize(int tau) {
    if (tau < 0 || tau > d) {
      throw new IllegalArgumentException("τ must be in 0.." + d + ", is " + tau);
    }
    BigFraction best = null;
    List<Integer> sets = new ArrayList<>();
    for (int s = 0; s < 1 << d; s++) {
      if (Subsets.size(s) > tau) {
        continue;
      }
      BigFraction v = value(s);
      int c = best == null ? -1 : v.compareTo(best);
      if (c < 0) {
        best = v;
        sets.clear();
      }
      if (c <= 0) {
        sets.add(s);
      }
    }
    int[] out = Subsets.sorted(sets).stream().mapToInt(Integer::intValue).toArray();
    return new Optimum(Scalar.exact(best), out, tau);
  }
}
