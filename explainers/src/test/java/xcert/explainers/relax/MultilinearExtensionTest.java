package xcert.explainers.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

class MultilinearExtensionTest {

  @Test
  void equalsTheCircuitOnEveryVertex() {
    qt().withFixedSeed(71).withExamples(60)
        .forAll(integers().between(1, 8), integers().between(1, 20), longs().between(0, 1 << 20))
        .checkAssert((d, g, s) -> {
          Circuit c = RandomInstances.circuit(new SplittableRandom(s), d, g);
          MultilinearExtension m = new MultilinearExtension(c);
          double[] rows = new double[(1 << d) * d];
          for (int x = 0; x < 1 << d; x++) {
            for (int i = 0; i < d; i++) {
              rows[x * d + i] = (x >> i) & 1;
            }
          }
          double[] v = m.values(rows, 1 << d);
          for (int x = 0; x < 1 << d; x++) {
            assertEquals(c.evaluateMask(x) ? 1.0 : 0.0, v[x], 1e-15, "x=" + x + " " + c);
          }
        });
  }

  @Test
  void readOnceExtensionIsTheBernoulliExpectation() {
    // (x1 & !x2) | (x3 ^ x4): read once, so the extension at p is P(f(y) = 1), y_i ~ Bernoulli(p_i).
    Circuit.Builder b = Circuit.builder(4);
    b.output(b.or(b.and(b.input(1), b.not(b.input(2))), b.xor(b.input(3), b.input(4))));
    Circuit c = b.build();
    double[] p = {0.3, 0.6, 0.25, 0.9};
    double expected = 0;
    for (int x = 0; x < 16; x++) {
      double w = 1;
      for (int i = 0; i < 4; i++) {
        w *= ((x >> i) & 1) == 1 ? p[i] : 1 - p[i];
      }
      expected += c.evaluateMask(x) ? w : 0;
    }
    assertEquals(expected, new MultilinearExtension(c).values(p, 1)[0], 1e-15);
  }

  /**
   * The reverse sweep against central differences. Along one coordinate the extension is a polynomial
   * of degree ≤ P (the number of paths from that input to the output) with values in [0,1] on [0,1],
   * so by Markov's inequality |p'''| ≤ 8P⁶ there, and the central difference errs by at most
   * h²/6·8P⁶ plus rounding 2·2⁻⁵²/h.
   */
  @Test
  void gradientMatchesCentralDifferences() {
    qt().withFixedSeed(72).withExamples(60)
        .forAll(integers().between(1, 6), integers().between(1, 12), longs().between(0, 1 << 20))
        .checkAssert((d, g, s) -> {
          SplittableRandom rnd = new SplittableRandom(s);
          Circuit c = RandomInstances.circuit(rnd, d, g);
          MultilinearExtension m = new MultilinearExtension(c);
          double[] x = new double[d];
          for (int i = 0; i < d; i++) {
            x[i] = 0.1 + 0.8 * rnd.nextDouble();
          }
          double[] grad = m.gradients(x, 1);
          long[] paths = paths(c);
          double h = 1e-5;
          for (int i = 0; i < d; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (m.values(up, 1)[0] - m.values(down, 1)[0]) / (2 * h);
            double pp = paths[i];
            double tol = h * h / 6 * 8 * Math.pow(pp, 6) + 4 * Math.ulp(1.0) / h;
            assertTrue(Math.abs(fd - grad[i]) <= tol, "feature " + (i + 1) + ": " + grad[i]
                + " vs " + fd + " (tolerance " + tol + ") " + c);
          }
        });
  }

  private static long[] paths(Circuit c) {
    int m = c.nodeCount();
    long[] toOut = new long[m];
    toOut[c.outputNode(0)] = 1;
    for (int node = m - 1; node >= 0; node--) {
      for (int ch : c.children(node)) {
        toOut[ch] += toOut[node];
      }
    }
    long[] p = new long[c.dimension()];
    System.arraycopy(toOut, 0, p, 0, c.dimension());
    return p;
  }
}
