package xcert.explainers.metrics;

import java.util.BitSet;
import java.util.List;

/**
 * Stability of an explanation method across random seeds as in seed 001 Section 5 ("Metrics (1)",
 * used in Section 5.1 and Figure 4a): for explanations w_1..w_m from m seeds, R_{i,:K} is the set of
 * the K top-ranked features of w_i, and the stability is the mean of the Jaccard index
 * JI(A, B) = |A ∩ B| / |A ∪ B| over all m(m−1)/2 pairs (i &lt; j).
 *
 * <p>Features are ranked by a {@link Ranking}: by default by |w_i| (seed 001 writes "largest values";
 * ranking by magnitude treats strongly negative evidence as important too; {@link Ranking#SIGNED}
 * reproduces the seed literally). Ties are broken by feature index, lower index first.
 */
public final class TopKJaccard {

  private TopKJaccard() {}

  /**
   * The top-K set of w: bit i set when feature i+1 is among the K top-ranked.
   *
   * @throws IllegalArgumentException when K is not in 1..d
   */
  public static BitSet topK(double[] w, int k, Ranking ranking) {
    if (k < 1 || k > w.length) {
      throw new IllegalArgumentException("K must be in 1.." + w.length + " (the number of "
          + "features), got " + k);
    }
    int[] order = ranking.order(w);
    BitSet s = new BitSet(w.length);
    for (int r = 0; r < k; r++) {
      s.set(order[r]);
    }
    return s;
  }

  /** The top-K set ranked by |w_i|. */
  public static BitSet topK(double[] w, int k) {
    return topK(w, k, Ranking.MAGNITUDE);
  }

  /** JI(A, B) = |A ∩ B| / |A ∪ B|, and 1 when both sets are empty. */
  public static double jaccard(BitSet a, BitSet b) {
    BitSet inter = (BitSet) a.clone();
    inter.and(b);
    BitSet union = (BitSet) a.clone();
    union.or(b);
    return union.isEmpty() ? 1.0 : (double) inter.cardinality() / union.cardinality();
  }

  /**
   * The mean pairwise top-K Jaccard index of explanations of the same input from several seeds.
   *
   * @throws IllegalArgumentException with fewer than two explanations, mismatched lengths or K out
   *     of range
   */
  public static double meanPairwise(List<double[]> explanations, int k, Ranking ranking) {
    if (explanations.size() < 2) {
      throw new IllegalArgumentException("need at least two explanations to compare, got "
          + explanations.size());
    }
    int d = explanations.get(0).length;
    BitSet[] sets = new BitSet[explanations.size()];
    for (int i = 0; i < sets.length; i++) {
      if (explanations.get(i).length != d) {
        throw new IllegalArgumentException("explanation " + (i + 1) + " has "
            + explanations.get(i).length + " values, explanation 1 has " + d);
      }
      sets[i] = topK(explanations.get(i), k, ranking);
    }
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < sets.length; i++) {
      for (int j = i + 1; j < sets.length; j++) {
        sum += jaccard(sets[i], sets[j]);
        pairs++;
      }
    }
    return sum / pairs;
  }

  /** {@link #meanPairwise(List, int, Ranking)} ranked by |w_i|. */
  public static double meanPairwise(List<double[]> explanations, int k) {
    return meanPairwise(explanations, k, Ranking.MAGNITUDE);
  }
}
