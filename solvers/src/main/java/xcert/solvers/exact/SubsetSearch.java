package xcert.solvers.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import xcert.solvers.setfunction.SetFunction;
import xcert.solvers.setfunction.Subsets;

/** Exhaustive minimisation of a set function over sets of bounded size, returning every optimum. */
public final class SubsetSearch {

  private SubsetSearch() {}

  /** min_{|S| ≤ τ} g(S) and all S attaining it. */
  public static Optimum minimize(SetFunction g, int tau) {
    return minimize(g, tau, s -> true);
  }

  /** min of g over the sets with |S| ≤ τ that satisfy {@code allowed}; all minimisers. */
  public static Optimum minimize(SetFunction g, int tau, IntPredicate allowed) {
    int d = g.dimension();
    if (tau < 0) {
      throw new IllegalArgumentException("τ must be ≥ 0, is " + tau);
    }
    int n = 1 << d;
    int best = -1;
    for (int s = 0; s < n; s++) {
      if (Integer.bitCount(s) <= tau && allowed.test(s) && (best < 0 || g.compare(s, best) < 0)) {
        best = s;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("no set with |S| ≤ " + tau + " is allowed");
    }
    List<Integer> all = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (Integer.bitCount(s) <= tau && allowed.test(s) && g.compare(s, best) == 0) {
        all.add(s);
      }
    }
    int[] sets = Subsets.sorted(all).stream().mapToInt(Integer::intValue).toArray();
    return new Optimum(g.valueAt(best), sets, tau);
  }

  /** All sets satisfying p, in report order. */
  public static int[] all(int d, IntPredicate p) {
    List<Integer> out = new ArrayList<>();
    for (int s = 0; s < 1 << d; s++) {
      if (p.test(s)) {
        out.add(s);
      }
    }
    return Subsets.sorted(out).stream().mapToInt(Integer::intValue).toArray();
  }
}
