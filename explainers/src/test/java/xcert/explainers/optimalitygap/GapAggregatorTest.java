package xcert.explainers.optimalitygap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.api.Explainer;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

class GapAggregatorTest {

  private static Explainer fixed(double... w) {
    return new Explainer() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public Attribution explain(xcert.solvers.model.Model f, double[] x0,
          xcert.explainers.backend.Backend b) {
        return new Attribution(w, OptionalDouble.empty(), "fixed", Map.of(),
            Provenance.exact("fixed scores"));
      }
    };
  }

  private static Instance affine(double... w) {
    return new Instance(new ReluNetwork(new double[][][] {{w.clone()}}, new double[][] {{0}},
        OptionalDouble.empty()), new double[] {1, 1, 1, 1}, ProductDistribution.uniform(4),
        "affine");
  }

  @Test
  void missRateAndMeanExcessOverTwoInstances() {
    // on 8,4,2,1 the order 1 > 2 > 3 > 4 is optimal; on 1,2,4,8 it is the worst: top-1 = {1} has
    // Δsuf = (2+4+8)/2 = 7 against the optimum {4} with (1+2+4)/2 = 7/2, excess 7/2
    List<GapRun.Case> cases = List.of(new GapRun.Case("a", affine(8, 4, 2, 1)),
        new GapRun.Case("b", affine(1, 2, 4, 8)));
    List<Method> methods = List.of(Method.of("first-first", i -> fixed(4, 3, 2, 1)));
    List<InstanceGap> gaps = GapRun.run(cases, methods, GapSettings.defaults(),
        new CpuBackend(1), s -> { });
    List<GapSummary> all = GapAggregator.summarise(gaps, false);
    assertEquals(3, all.size()); // suf, nec, uni; no δ-relevance for a real-valued model
    for (GapSummary s : all) {
      assertEquals(2, s.instances());
      assertEquals(1, s.misses());
      assertEquals(0, s.trivial());
      assertEquals(BigFraction.of(1, 2), s.missRate().exact());
      assertEquals(BigFraction.of(7, 4), s.meanExcess().exact());
      assertEquals(BigFraction.of(7, 2), s.maxExcess().exact());
      assertEquals(BigFraction.ONE, s.meanHamming().exact()); // 0 and 2
      assertEquals(BigFraction.of(3, 2), s.meanExtraSize().exact()); // 0 and 3
      assertEquals(java.util.Set.of(Provenance.Kind.EXACT), s.methodProvenance());
    }
    List<GapSummary> byFamily = GapAggregator.summarise(gaps, true);
    assertEquals(6, byFamily.size());
    assertEquals("a", byFamily.get(0).family());
    assertEquals(0, byFamily.get(0).misses());
  }

  @Test
  void existingMethodsRunAndAreDeterministic() {
    List<GapRun.Case> cases = List.of(
        new GapRun.Case("circuit", RandomInstances.circuitInstance(3, 6, 8)),
        new GapRun.Case("relu", RandomInstances.reluInstance(4, 5, 4, true)));
    List<Method> methods = List.of(GapMethods.existing("lime", 1),
        GapMethods.existing("kernelshap", 1), GapMethods.existing("occlusion", 1),
        GapMethods.existing("glime-binomial", 1), GapMethods.existing("smoothgrad", 1),
        GapMethods.existing("integrated-gradients", 1), GapMethods.random(1));
    List<InstanceGap> a = GapRun.run(cases, methods, GapSettings.defaults(), new CpuBackend(2),
        s -> { });
    List<InstanceGap> b = GapRun.run(cases, methods, GapSettings.defaults(), new CpuBackend(1),
        s -> { });
    assertEquals(5 + 7, a.size()); // gradient methods skip the circuit
    for (int k = 0; k < a.size(); k++) {
      assertArrayEquals(a.get(k).order(), b.get(k).order(), a.get(k).method());
      assertEquals(a.get(k).problems(), b.get(k).problems());
    }
    assertTrue(a.stream().anyMatch(g -> g.methodProvenance().kind() == Provenance.Kind.SAMPLED));
  }

  @Test
  void modeOfTheMarginals() {
    ProductDistribution v = ProductDistribution.bernoulli(BigFraction.of(1, 4),
        BigFraction.of(3, 4), BigFraction.of(1, 2));
    assertArrayEquals(new double[] {0, 1, 0}, GapMethods.mode(v));
    xcert.solvers.dist.EmpiricalDistribution e = new xcert.solvers.dist.EmpiricalDistribution(
        new double[][] {{1, 0}, {1, 1}, {0, 1}}, "t");
    assertArrayEquals(new double[] {1, 1}, GapMethods.mode(e));
  }
}
