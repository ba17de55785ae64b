package xcert.solvers.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

/**
 * A wrong count found while building the compiled engine (issue 20): on this random 3-CNF with
 * d = 100, LogicNG's d-DNNF compiler leaves an AND whose children share a variable, and the counting
 * route used to report 3389176 models. The models of F split into those of F ∧ x64 and F ∧ ¬x64,
 * whose CNFs compile to different d-DNNFs; their counts must add up to F's. The counting route now
 * repairs such ANDs (conditioning the child on the AND's literal) and checks every AND.
 */
class CountingRepairTest {

  private static BigFraction fEmpty(Circuit f) {
    return ExactQueries.answer(f, new double[f.dimension()], ProductDistribution.uniform(100),
        Query.FS, QuerySettings.defaults().withSet(FeatureSet.empty()).withMethod(Method.COUNT))
        .value().exact();
  }

  /** F ∧ (x_v if positive else ¬x_v), still a CNF. */
  private static Circuit withUnit(Circuit f, int v, boolean positive) {
    Circuit.Builder b = Circuit.builder(f.dimension());
    int[] id = new int[f.nodeCount()];
    for (int n = 0; n < f.nodeCount(); n++) {
      int[] ch = f.children(n);
      int[] m = new int[ch.length];
      for (int j = 0; j < ch.length; j++) {
        m[j] = id[ch[j]];
      }
      id[n] = switch (f.op(n)) {
        case INPUT -> b.input(f.inputIndex(n));
        case NOT -> b.not(m[0]);
        case OR -> b.or(m);
        case AND -> b.and(m);
        default -> throw new AssertionError(f.op(n));
      };
    }
    int unit = positive ? b.input(v) : b.not(b.input(v));
    return b.output(b.and(id[f.outputNode(0)], unit)).build();
  }

  @Test
  void countsOfASplitAddUp() {
    Circuit f = RandomInstances.cnf(new SplittableRandom(2), 100, 380, 3);
    BigFraction whole = fEmpty(f);
    BigFraction split = fEmpty(withUnit(f, 64, true)).add(fEmpty(withUnit(f, 64, false)));
    assertEquals(split, whole, "models of F = models of F and x64 + models of F and not x64");
  }
}
