package xcert.explainers.optimalitygap;

import java.util.List;
import xcert.solvers.result.Scalar;

/**
 * A method's relevance-ordering curve (seed 003 Section 5) against the exact lower envelope: for
 * k = 0..d, D(S_k) with S_k the method's top-k set, and D*(k) = min_{|S| ≤ k} D(S), the inverse of
 * the exact rate–distortion function. D(S_k) ≥ D*(k) for every k.
 *
 * @param distortions D(S_k), k = 0..d, exact
 * @param envelope D*(k), k = 0..d, exact
 * @param above the number of k with D(S_k) &gt; D*(k)
 * @param maxGap max_k D(S_k) − D*(k)
 * @param area Σ_k (D(S_k) − D*(k)), the area between the curves on the integer grid
 */
public record CurveGap(List<Scalar> distortions, List<Scalar> envelope, int above, Scalar maxGap,
    Scalar area) {

  public CurveGap {
    distortions = List.copyOf(distortions);
    envelope = List.copyOf(envelope);
  }
}
