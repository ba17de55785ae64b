package xcert.explainers.nofreelunch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Provenance;

class AdversarialNeighbourhoodTest {

  private static final CpuBackend CPU = new CpuBackend(1);

  @Test
  void everyMaskMethodHasANeighbourhoodAtLeastTheDistance() {
    Random rnd = new Random(11);
    for (int t = 0; t < 8; t++) {
      int d = 2 + rnd.nextInt(7);
      Circuit f = RandomCircuits.circuit(rnd, d);
      DistanceToClass.Result dist = DistanceToClass.compute(f);
      assertTrue(dist.isCertified());
      BigFraction[] table = DistanceToClass.exactTable(f);
      double[] x0 = new double[d];
      for (int i = 0; i < d; i++) {
        x0[i] = rnd.nextInt(2);
      }
      for (String method : Methods.BINARY) {
        MethodSettings s = MethodSettings.defaults().withSamples(300).withSeed(t);
        Attribution a = Methods.create(method, s, d).explain(f, x0, CPU);
        AdversarialNeighbourhood.Result r = AdversarialNeighbourhood.construct(f, x0, a, dist);
        String where = method + " t=" + t;
        // Theorem 3: max over Z2 of ℓ ≥ d(f, G), exactly
        assertTrue(r.maxLoss().compareTo(dist.distance()) >= 0, where);
        assertTrue(r.provedAtLeastDistance(), where);
        // independently: the worst loss of g*(x) = b + wᵀx over all of {0,1}^d is attained in Z2
        BigFraction worst = BigFraction.ZERO;
        double[] w = a.values();
        BigFraction b = BigFraction.from(a.intercept().orElse(0));
        for (int m = 0; m < table.length; m++) {
          BigFraction g = b;
          for (int i = 0; i < d; i++) {
            g = (m >> i & 1) != 0 ? g.add(BigFraction.from(w[i])) : g;
          }
          BigFraction l = table[m].subtract(g).pow(2);
          worst = l.compareTo(worst) > 0 ? l : worst;
        }
        assertEquals(worst, r.maxLoss(), where);
        // x_adv lies in the subcube: it agrees with x0 off the free coordinates
        assertEquals(r.x0() & ~r.freeFeatures(), r.adversarial() & ~r.freeFeatures(), where);
        assertTrue(r.meanLoss().compareTo(r.maxLoss()) <= 0, where);
      }
    }
  }

  @Test
  void xorHandExample() {
    // f = x1 ⊕ x2, g* ≡ 0 (w = 0, b = 0) at x0 = 00: losses 0, 1, 1, 0; x_adv = 10 (first maximum),
    // Z2 = uniform on {00, 10}: max 1 ≥ d(f, G) = ¼, mean ½.
    Circuit.Builder cb = Circuit.builder(2);
    cb.output(cb.xor(cb.input(1), cb.input(2)));
    Circuit f = cb.build();
    Attribution zero = new Attribution(new double[2], OptionalDouble.empty(), "zero", Map.of(),
        Provenance.exact("by hand"));
    AdversarialNeighbourhood.Result r = AdversarialNeighbourhood.construct(f, new double[2], zero,
        DistanceToClass.compute(f));
    assertEquals(1, r.adversarial());
    assertEquals(1, r.freeFeatures());
    assertEquals(2, r.supportSize());
    assertEquals(BigFraction.ONE, r.maxLoss());
    assertEquals(BigFraction.of(1, 2), r.meanLoss());
    assertTrue(r.provedAtLeastDistance());
  }

  @Test
  void badPoint() {
    Circuit.Builder cb = Circuit.builder(2);
    cb.output(cb.and(cb.input(1), cb.input(2)));
    Circuit f = cb.build();
    Attribution a = new Attribution(new double[2], OptionalDouble.empty(), "zero", Map.of(),
        Provenance.exact("by hand"));
    DistanceToClass.Result dist = DistanceToClass.compute(f);
    assertThrows(IllegalArgumentException.class,
        () -> AdversarialNeighbourhood.construct(f, new double[] {0.5, 1}, a, dist));
    assertThrows(IllegalArgumentException.class,
        () -> AdversarialNeighbourhood.construct(f, new double[] {0, 1, 0}, a, dist));
  }
}
