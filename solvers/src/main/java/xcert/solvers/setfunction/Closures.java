package xcert.solvers.setfunction;

/**
 * Up- and down-closure transforms in O(d·2^d), in place of loops over all supersets or subsets.
 * {@link #maxOverSupersets} turns "every superset T ⊇ S satisfies g(T) ≤ ε" (ε-super-sufficiency and
 * ε-super-necessity, seed 004 Definitions 2.1–2.2) into one comparison per set: max_{T⊇S} g(T) ≤ ε.
 */
public final class Closures {

  private Closures() {}

  /** h(S) = max_{T ⊇ S} g(T), exact for exact g. */
  public static SetFunction maxOverSupersets(SetFunction g) {
    int[] best = argBest(g, true, 1);
    return SetFunctions.reindex(g, s -> best[s]);
  }

  /** h(S) = min_{T ⊆ S} g(T), exact for exact g. */
  public static SetFunction minOverSubsets(SetFunction g) {
    int[] best = argBest(g, false, -1);
    return SetFunctions.reindex(g, s -> best[s]);
  }

  /**
   * For every S, a set T attaining the best value of g over supersets (supersets = true) or subsets of
   * S; "best" is the maximum for sign = 1 and the minimum for sign = -1.
   */
  static int[] argBest(SetFunction g, boolean supersets, int sign) {
    int d = g.dimension();
    int n = 1 << d;
    MemoryBudget.require(4L * n, "a closure transform over d=" + d + " features");
    int[] best = new int[n];
    for (int s = 0; s < n; s++) {
      best[s] = s;
    }
    for (int i = 0; i < d; i++) {
      int bit = 1 << i;
      for (int s = 0; s < n; s++) {
        if ((s & bit) == 0) {
          int lo = s;
          int hi = s | bit;
          if (supersets) {
            // S without i also sees everything S ∪ {i} sees
            if (sign * g.compare(best[hi], best[lo]) > 0) {
              best[lo] = best[hi];
            }
          } else if (sign * g.compare(best[lo], best[hi]) > 0) {
            best[hi] = best[lo];
          }
        }
      }
    }
    return best;
  }
}
