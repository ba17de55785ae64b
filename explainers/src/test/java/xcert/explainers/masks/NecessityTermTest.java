package xcert.explainers.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.exact.Optimum;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.exact.SufficiencyNecessity;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.setfunction.Rho;
import xcert.solvers.setfunction.Subsets;

/**
 * Finding: the necessity term printed in seed 004 Eq. 59, (1−α)|f(x) − f_{S^c}(x)|, is 0 at S = ∅,
 * so at α = 0 the printed objective (≥ 0) is minimised by the empty mask for every model, point and
 * V; Definition 2.2's Δnec(∅) = |f(x) − f_∅(x)| is not 0 unless f(x) = f_∅(x), and its optimum is
 * a non-empty set.
 */
class NecessityTermTest {

  /** Exactly, on random circuits: the printed objective at ∅ is the rational 0 and ∅ is optimal. */
  @Test
  void printedObjectiveIsZeroAtTheEmptySet() {
    qt().withFixedSeed(4_003L).withExamples(40)
        .forAll(longs().between(0, 1L << 40), integers().between(2, 7), integers().between(0, 4))
        .checkAssert((seed, d, l) -> {
          Instance in = RandomInstances.circuitInstance(seed, d, 2 * d);
          SufficiencyNecessity sn = SufficiencyNecessity.of(
              RestrictedPredictions.table(in.model(), in.x(), in.distribution()), Rho.ABS);
          double lambda1 = l * 0.05;
          MaskSettings printed = MaskSettings.defaults(0).withNecessityTerm(NecessityTerm.PRINTED);
          ExactMaskObjective obj = new ExactMaskObjective(sn, printed, lambda1);
          assertEquals(BigFraction.ZERO, obj.value(0), in.label());
          Optimum best = obj.minimize(d);
          assertTrue(best.contains(0), in.label() + " " + best);
          if (lambda1 > 0) {
            assertArrayEquals(new int[] {0}, best.sets(), in.label());
          }
          // under Definition 2.2 the empty set scores the baseline gap, [d] scores 0
          ExactMaskObjective def = new ExactMaskObjective(sn, MaskSettings.defaults(0), 0);
          assertEquals(sn.baselineGap().exact(), def.value(0), in.label());
          assertEquals(BigFraction.ZERO, def.value(Subsets.full(d)), in.label());
        });
  }

  /**
   * On the linear instance: the printed objective's optimum at |S| ≤ 1 is ∅ (value 0), Definition
   * 2.2's is {1} with Δnec = 15/2 &lt; 31/2 = Δnec(∅); the relaxed necessary mask follows each: under
   * PRINTED (default λ₁) it collapses to at most 0.05 everywhere, under DEFINITION (λ₁ between the
   * first and second contribution) feature 1 is alone on top.
   */
  @Test
  void printedRelaxationCollapsesToTheEmptyMask() {
    SufficiencyNecessity sn = LinearInstances.exact();
    MaskSettings printed = MaskSettings.defaults(0).withNecessityTerm(NecessityTerm.PRINTED)
        .withSeed(5);
    ExactMaskObjective p = new ExactMaskObjective(sn, printed, 0);
    assertEquals(BigFraction.ZERO, p.value(0));
    assertTrue(p.minimize(1).contains(0));
    Optimum nec = sn.solveNecessity(1);
    assertEquals("{1}", Subsets.format(nec.sets()[0]));
    assertEquals(1, nec.count());
    assertFalse(nec.contains(0));
    assertEquals(BigFraction.of(15, 2), nec.value().exact());
    assertEquals(BigFraction.of(31, 2), sn.deltaNec().exactAt(0));

    CpuBackend cpu = new CpuBackend(1);
    double[] mp = new RelaxedMaskExplainer(printed, LinearInstances.distribution())
        .explain(LinearInstances.model(), LinearInstances.point(), cpu).values();
    for (double m : mp) {
      assertTrue(m <= 0.05, "printed necessity mask " + Arrays.toString(mp));
    }
    // λ₁ between the first and second contribution, so that the penalised relaxed optimum is {1}
    MaskSettings definition = printed.withNecessityTerm(NecessityTerm.DEFINITION)
        .withLambda1(Math.sqrt(LinearInstances.contribution(0) * LinearInstances.contribution(1)));
    double[] md = new RelaxedMaskExplainer(definition, LinearInstances.distribution())
        .explain(LinearInstances.model(), LinearInstances.point(), cpu).values();
    assertEquals(nec.sets()[0], LinearInstances.topK(md, 1), Arrays.toString(md));
    assertTrue(md[0] > 0.9, Arrays.toString(md));
  }
}
