package xcert.solvers.dist;

/**
 * A reference distribution V from which the features outside S are drawn in the average restricted
 * prediction f_S(x) = E_{X_{S^c} ~ V_{S^c}} f(x_S, X_{S^c}) (seed 004 Eq. 1).
 *
 * <ul>
 *   <li>{@link ProductDistribution}: independent features, each over a finite support (uniform and
 *       product Bernoulli and the point mass at a baseline r are special cases);
 *   <li>{@link EmpiricalDistribution}: the rows of a data set, X_{S^c} taken from one row;
 *   <li>{@link ConditionalDistribution}: a finite joint distribution, X_{S^c} drawn from
 *       p(X_{S^c} | X_S = x_S) (seed 004 Corollary 5.1).
 * </ul>
 */
public sealed interface ReferenceDistribution
    permits ProductDistribution, EmpiricalDistribution, ConditionalDistribution {

  /** Number of features d. */
  int dimension();

  /** True when every value the distribution can produce is 0 or 1. */
  boolean isBinary();

  /** A short description for reports, e.g. "uniform", "bernoulli(1/2,1/4)", "empirical(n=100)". */
  String describe();
}
