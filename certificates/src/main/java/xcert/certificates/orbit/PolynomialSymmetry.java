package xcert.certificates.orbit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.SubsetFamily;

/**
 * A symmetry reduction for a user polynomial: features that occur in exactly the same terms and have
 * the same value in x are interchangeable. Swapping two of them maps every term to itself (each term
 * contains both or neither) and fixes x, hence fixes every target c_S up to relabelling S, and the
 * families "all subsets" and "subsets of size ≤ k" are closed under it. The feature groups are the
 * orbits of the group these swaps generate; the classes are their count vectors ({@link
 * ProductOrbits}). A listed family of sets has no such closure in general, so it gets no reduction.
 */
public final class PolynomialSymmetry {

  private PolynomialSymmetry() {}

  /** The interchangeable groups of features (0-based), in order of their first feature. */
  public static int[][] groups(MultilinearPolynomial f, BigFraction[] x) {
    int d = f.dimension();
    // two features are interchangeable when each one's terms, with it replaced by the other, are
    // the other's terms; features in no term with equal x form one group
    List<int[]> out = new ArrayList<>();
    boolean[] placed = new boolean[d];
    for (int i = 0; i < d; i++) {
      if (placed[i]) {
        continue;
      }
      List<Integer> g = new ArrayList<>();
      g.add(i);
      placed[i] = true;
      for (int j = i + 1; j < d; j++) {
        if (!placed[j] && interchangeable(f, x, i, j)) {
          g.add(j);
          placed[j] = true;
        }
      }
      out.add(g.stream().mapToInt(Integer::intValue).toArray());
    }
    return out.toArray(new int[0][]);
  }

  /** True when swapping features i and j fixes f and x. */
  static boolean interchangeable(MultilinearPolynomial f, BigFraction[] x, int i, int j) {
    if (!x[i].equals(x[j])) {
      return false;
    }
    for (Map.Entry<Long, BigFraction> t : f.terms().entrySet()) {
      long m = t.getKey();
      long bi = m >>> i & 1;
      long bj = m >>> j & 1;
      if (bi != bj) {
        long swapped = m ^ (1L << i) ^ (1L << j);
        BigFraction c = f.terms().get(swapped);
        if (c == null || !c.equals(t.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The best reduction for a polynomial problem: product classes, or none for listed families. */
  public static OrbitStructure structure(AttributionProblem problem, MultilinearPolynomial f,
      BigFraction[] x) {
    if (problem.family().kind() == SubsetFamily.Kind.LIST) {
      return new TrivialOrbits(problem);
    }
    return new ProductOrbits(problem, groups(f, x));
  }
}
