package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;

/**
 * The modular counter against brute force: P(Φ = 1 | y_S = x_S) summed over all 2^d points with
 * exact weights, on random circuits (shared subgraphs included), random dyadic and non-dyadic
 * probabilities, random S.
 */
class ModularCounterTest {

  private static BigFraction bruteForce(Circuit c, BigFraction[] p, boolean[] x, BitSet s) {
    int d = c.dimension();
    BigFraction total = BigFraction.ZERO;
    for (long y = 0; y < 1L << d; y++) {
      boolean[] pt = new boolean[d];
      BigFraction w = BigFraction.ONE;
      for (int i = 0; i < d; i++) {
        pt[i] = (y >>> i & 1) != 0;
        BigFraction pi = s.get(i) ? (x[i] ? BigFraction.ONE : BigFraction.ZERO) : p[i];
        w = w.multiply(pt[i] ? pi : BigFraction.ONE.subtract(pi));
      }
      if (w.signum() != 0 && c.evaluate(0, pt)) {
        total = total.add(w);
      }
    }
    return total;
  }

  @Test
  void randomCircuitsMatchBruteForce() {
    qt().withFixedSeed(31L).withExamples(300)
        .forAll(integers().between(1, 10), integers().between(1, 30), longs().between(0, 1 << 20))
        .checkAssert((d, gates, seed) -> {
          SplittableRandom r = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(r, d, gates);
          BigFraction[] p = new BigFraction[d];
          boolean[] x = new boolean[d];
          BitSet s = new BitSet();
          for (int i = 0; i < d; i++) {
            p[i] = r.nextBoolean() ? RandomInstances.dyadic(r) : BigFraction.of(1 + r.nextInt(4), 5);
            x[i] = r.nextBoolean();
            if (r.nextInt(3) == 0) {
              s.set(i);
            }
          }
          assertEquals(bruteForce(c, p, x, s), ModularCounter.conditional(c, 0, p, x, FeatureSet.of(s)),
              c + " seed " + seed);
        });
  }

  /** Φ(∧ copies) ∨ ∧v from a random 3-CNF: the shape the Lemma 3.6 instances have. */
  @Test
  void substitutedCnfsMatchBruteForce() {
    qt().withFixedSeed(32L).withExamples(80)
        .forAll(integers().between(1, 3), integers().between(1, 2), integers().between(1, 4),
            longs().between(0, 1 << 20))
        .checkAssert((d, q, extra, seed) -> {
          SplittableRandom r = new SplittableRandom(seed);
          Circuit phi = RandomInstances.cnf(r, d, 1 + r.nextInt(4 * d), 3);
          int n = d * q + extra;
          Circuit.Builder b = Circuit.builder(n);
          int[] w = new int[d];
          for (int i = 0; i < d; i++) {
            int[] copies = new int[q];
            for (int j = 0; j < q; j++) {
              copies[j] = b.input(i * q + j + 1);
            }
            w[i] = b.and(copies);
          }
          // re-express phi's gates over w
          int[] map = new int[phi.nodeCount()];
          for (int g = 0; g < phi.nodeCount(); g++) {
            map[g] = switch (phi.op(g)) {
              case INPUT -> w[g];
              case NOT -> b.not(map[phi.children(g)[0]]);
              case TRUE -> b.constant(true);
              case FALSE -> b.constant(false);
              default -> {
                int[] ch = phi.children(g);
                int[] m = new int[ch.length];
                for (int k = 0; k < ch.length; k++) {
                  m[k] = map[ch[k]];
                }
                yield b.gate(phi.op(g), m);
              }
            };
          }
          int[] v = new int[extra];
          for (int t = 0; t < extra; t++) {
            v[t] = b.input(d * q + t + 1);
          }
          Circuit c = b.output(b.or(map[phi.outputNode(0)], b.and(v))).build();
          BigFraction[] p = new BigFraction[n];
          java.util.Arrays.fill(p, BigFraction.of(1, 2));
          boolean[] ones = new boolean[n];
          java.util.Arrays.fill(ones, true);
          BitSet s = new BitSet();
          for (int i = 0; i < n; i++) {
            if (r.nextBoolean()) {
              s.set(i);
            }
          }
          assertEquals(bruteForce(c, p, ones, s), ModularCounter.conditional(c, 0, p, ones, FeatureSet.of(s)));
        });
  }
}
