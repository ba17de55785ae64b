package xcert.solvers.exact;

import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.Subsets;

/**
 * The average restricted prediction f_S(x) = E_{X_{S^c} ~ V_{S^c}} f(x_S, X_{S^c}) for every S ⊆ [d]
 * (seed 004 Eq. 1), with the model, input and distribution it was computed for and how it was
 * computed. f_{[d]}(x) = f(x) and f_∅(x) = E_V f(X).
 */
public final class RestrictedPredictionTable {

  private final Model model;
  private final double[] x;
  private final ReferenceDistribution distribution;
  private final SetFunction values;
  private final Provenance provenance;

  RestrictedPredictionTable(Model model, double[] x, ReferenceDistribution distribution,
      SetFunction values, Provenance provenance) {
    this.model = model;
    this.x = x.clone();
    this.distribution = distribution;
    this.values = values;
    this.provenance = provenance;
  }

  public Model model() {
    return model;
  }

  /** The input x (a copy). */
  public double[] input() {
    return x.clone();
  }

  public ReferenceDistribution distribution() {
    return distribution;
  }

  public int dimension() {
    return values.dimension();
  }

  /** S ↦ f_S(x). */
  public SetFunction values() {
    return values;
  }

  public Provenance provenance() {
    return provenance;
  }

  public boolean isExact() {
    return values.isExact();
  }

  /** f_S(x). */
  public Scalar at(int s) {
    return values.valueAt(s);
  }

  /** f(x) = f_{[d]}(x). */
  public Scalar fx() {
    return at(Subsets.full(dimension()));
  }

  /** f_∅(x) = E_V f(X). */
  public Scalar fEmpty() {
    return at(0);
  }
}
