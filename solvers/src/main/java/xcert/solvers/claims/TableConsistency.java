package xcert.solvers.claims;

import java.util.BitSet;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.exact.DirectEnumeration;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.instances.Instance;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.Subsets;

/**
 * The f_S table (butterfly, row averaging, conditional sums) against f_S(x) summed straight from seed
 * 004 Eq. 1 by {@link DirectEnumeration}, set by set, in exact arithmetic.
 */
public final class TableConsistency {

  private TableConsistency() {}

  /** Compares every S (every = true) or the sets of size ≤ 1, ≥ d−1 and a stride through the rest. */
  public static Verdict tableEqualsDefinition(Instance in, RestrictedPredictionTable t,
      boolean every) {
    int d = t.dimension();
    int checked = 0;
    int stride = every ? 1 : Math.max(1, (1 << d) / 97);
    for (int s = 0; s < 1 << d; s++) {
      int size = Integer.bitCount(s);
      if (!every && s % stride != 0 && size > 1 && size < d - 1) {
        continue;
      }
      checked++;
      Scalar direct = DirectEnumeration.fs(in.model(), in.x(), in.distribution(),
          BitSet.valueOf(new long[] {s}), Arithmetic.EXACT);
      Scalar table = t.at(s);
      if (!direct.exact().equals(table.exact())) {
        return Verdict.fails("table = Eq. 1", in + ": S=" + Subsets.format(s) + " table " + table
            + " ≠ direct " + direct);
      }
    }
    return Verdict.holds("table = Eq. 1", checked + " sets");
  }
}
