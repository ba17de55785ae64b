package xcert.reductions.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.model.TruthTable;

/**
 * The equivalence checks against brute force with the plain evaluators (Circuit.evaluate and
 * ReluNetwork.label), on networks that are not compiled and on compiled networks that were tampered
 * with, so that the checks are seen to fail when they should.
 */
class ReluEquivalenceTest {

  /** {disagreements, first disagreeing point or −1} by brute force. */
  private static long[] brute(Circuit c, ReluNetwork net) {
    int d = c.dimension();
    long count = 0;
    long first = -1;
    for (long y = 0; y < 1L << d; y++) {
      int want = c.evaluate(0, TestCircuits.bits(y, d)) ? 1 : 0;
      if (net.label(TestCircuits.point(y, d)) != want) {
        count++;
        first = first < 0 ? y : first;
      }
    }
    return new long[] {count, first};
  }

  /** A random integer network with a threshold that is sometimes an integer, sometimes not. */
  private static ReluNetwork integerNetwork(SplittableRandom rnd, int d) {
    int hidden = rnd.nextInt(3);
    double[][][] w = new double[hidden + 1][][];
    double[][] b = new double[hidden + 1][];
    int in = d;
    for (int l = 0; l <= hidden; l++) {
      int out = l == hidden ? 1 : 1 + rnd.nextInt(5);
      w[l] = new double[out][in];
      b[l] = new double[out];
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[l][j][i] = rnd.nextInt(7) - 3;
        }
        b[l][j] = rnd.nextInt(7) - 3;
      }
      in = out;
    }
    return new ReluNetwork(w, b, OptionalDouble.of((rnd.nextInt(9) - 4) / 2.0));
  }

  @Test
  void exhaustiveMatchesBruteForceOnArbitraryNetworks() {
    qt().withFixedSeed(77L).withExamples(150).withShrinkCycles(20)
        .forAll(integers().between(1, 9), integers().between(0, 30), longs().between(0, 1_000_000L))
        .checkAssert((d, gates, seed) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          Circuit c = RandomInstances.circuit(rnd, d, gates);
          ReluNetwork integer = integerNetwork(rnd, d);
          ReluNetwork quarters = RandomInstances.relu(rnd, d, 1 + rnd.nextInt(4), 1, true);
          for (ReluNetwork net : new ReluNetwork[] {integer, quarters}) {
            long[] want = brute(c, net);
            ReluEquivalence.Exhaustive got = ReluEquivalence.exhaustive(c, 0, net);
            assertEquals(want[0], got.disagreements(), "seed " + seed + " " + net);
            assertEquals(want[1], got.firstCounterexample(), "seed " + seed + " " + net);
            assertEquals(want[0] == 0, got.agrees());
            assertEquals(net == integer, got.integerArithmetic());
          }
        });
  }

  @Test
  void tamperedCompiledNetworksAreCaught() {
    Circuit cnf = RandomInstances.cnf(new SplittableRandom(12), 12, 40, 3);
    ReluNetwork net = CircuitToRelu.compile(cnf, 0).network();
    assertTrue(ReluEquivalence.exhaustive(cnf, 0, net).agrees());

    // Output bias + 1: score ≥ 1 everywhere, so the label is wrong exactly where the CNF is false.
    ReluNetwork shifted = modified(net, net.layerCount() - 1, 0, -1, 1.0);
    long[] want = brute(cnf, shifted);
    long zeros = 0;
    for (long y = 0; y < 1 << 12; y++) {
      zeros += cnf.evaluate(0, TestCircuits.bits(y, 12)) ? 0 : 1;
    }
    assertEquals(zeros, want[0]);
    ReluEquivalence.Exhaustive got = ReluEquivalence.exhaustive(cnf, 0, shifted);
    assertFalse(got.agrees());
    assertEquals(want[0], got.disagreements());
    assertEquals(want[1], got.firstCounterexample());
    boolean[] x = got.counterexample().orElseThrow();
    assertFalse(cnf.evaluate(0, x));

    // A first-layer weight changed: some clause unit computes something else.
    ReluNetwork bent = modified(net, 0, 0, firstNonZero(net), 2.0);
    long[] want2 = brute(cnf, bent);
    assertTrue(want2[0] > 0);
    ReluEquivalence.Exhaustive got2 = ReluEquivalence.exhaustive(cnf, 0, bent);
    assertEquals(want2[0], got2.disagreements());
    assertEquals(want2[1], got2.firstCounterexample());
  }

  /** d = 15: several parallel blocks, each walked in Gray-code order; counts must still add up. */
  @Test
  void tamperedNetworksAcrossBlocks() {
    Circuit c = RandomInstances.circuit(new SplittableRandom(15), 15, 120);
    ReluNetwork net = CircuitToRelu.compile(c, 0).network();
    assertTrue(ReluEquivalence.exhaustive(c, 0, net).agrees());
    for (int layer = 0; layer < net.layerCount(); layer++) {
      ReluNetwork bad = modified(net, layer, net.width(layer) - 1, -1, layer % 2 == 0 ? 1.0 : -1.0);
      long[] want = brute(c, bad);
      ReluEquivalence.Exhaustive got = ReluEquivalence.exhaustive(c, 0, bad);
      assertEquals(want[0], got.disagreements(), "layer " + layer);
      assertEquals(want[1], got.firstCounterexample(), "layer " + layer);
    }
  }

  private static int firstNonZero(ReluNetwork net) {
    for (int i = 0; i < net.dimension(); i++) {
      if (net.weight(0, 0, i) != 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  /** The network with weight (l, j, i) (or bias (l, j) when i = −1) increased by delta. */
  static ReluNetwork modified(ReluNetwork net, int layer, int row, int col, double delta) {
    int layers = net.layerCount();
    double[][][] w = new double[layers][][];
    double[][] b = new double[layers][];
    int in = net.dimension();
    for (int l = 0; l < layers; l++) {
      w[l] = new double[net.width(l)][in];
      b[l] = new double[net.width(l)];
      for (int j = 0; j < net.width(l); j++) {
        b[l][j] = net.bias(l, j);
        for (int i = 0; i < in; i++) {
          w[l][j][i] = net.weight(l, j, i);
        }
      }
      in = net.width(l);
    }
    if (col < 0) {
      b[layer][row] += delta;
    } else {
      w[layer][row][col] += delta;
    }
    return new ReluNetwork(w, b, net.threshold());
  }

  @Test
  void sampledIsReproducibleAndCountsWhatTheDocumentedSamplesGive() {
    int d = 70;
    Circuit parity = TestCircuits.flatParity(d);
    ReluNetwork net = CircuitToRelu.compile(parity, 0).network();
    ReluEquivalence.Sampled ok = ReluEquivalence.sampled(parity, 0, net, 5000, 9);
    assertTrue(ok.agrees(), ok.toString());
    assertEquals(5000, ok.n());
    assertEquals(9, ok.seed());

    ReluNetwork bad = modified(net, 0, 0, 0, 1.0); // the t = 0 unit counts x1 twice
    long n = 5000;
    ReluEquivalence.Sampled s = ReluEquivalence.sampled(parity, 0, bad, n, 9);
    assertEquals(s, ReluEquivalence.sampled(parity, 0, bad, n, 9));
    // Regenerate the samples as the Javadoc describes and count with the plain evaluators.
    SplittableRandom root = new SplittableRandom(9);
    long count = 0;
    long first = -1;
    for (long start = 0; start < n; start += 2048) {
      SplittableRandom rnd = root.split();
      long[][] words = new long[32][d];
      for (int w = 0; w < 32; w++) {
        for (int i = 0; i < d; i++) {
          words[w][i] = rnd.nextLong();
        }
      }
      for (long k = start; k < Math.min(n, start + 2048); k++) {
        int w = (int) ((k - start) / 64);
        int bit = (int) ((k - start) % 64);
        boolean[] x = new boolean[d];
        double[] xd = new double[d];
        for (int i = 0; i < d; i++) {
          x[i] = (words[w][i] >>> bit & 1L) != 0;
          xd[i] = x[i] ? 1 : 0;
        }
        if ((parity.evaluate(0, x) ? 1 : 0) != bad.label(xd)) {
          count++;
          first = first < 0 ? k : first;
        }
      }
    }
    assertTrue(count > 0);
    assertEquals(count, s.disagreements());
    assertEquals(first, s.firstDisagreementIndex());
    assertTrue(s.firstDisagreement().isPresent());
    // Another seed draws other samples.
    assertNotEquals(s.disagreements(), ReluEquivalence.sampled(parity, 0, bad, n, 10)
        .disagreements());
  }

  /** Seed 003's Φ' from a 20-variable 85-clause 3-CNF, q = 6, m' = 120, p = 2: 242 inputs. */
  @Test
  void reductionInstanceWithTwoHundredFortyTwoInputs() {
    // The first seed from 2085 on whose 3-CNF is satisfiable (85 clauses on 20 variables is near the
    // threshold), so that the targeted samples below reach Φ = 1.
    Circuit phi = null;
    long[] table = null;
    for (long seed = 2085; table == null || countOnes(table) == 0; seed++) {
      phi = RandomInstances.cnf(new SplittableRandom(seed), 20, 85, 3);
      table = TruthTable.of(phi, 0);
    }
    long[] models = new long[(int) countOnes(table)];
    int m = 0;
    for (long y = 0; y < 1L << 20; y++) {
      if (TruthTable.get(table, y)) {
        models[m++] = y;
      }
    }
    Circuit prime = TestCircuits.phiPrime(phi, 6, 122);
    assertEquals(242, prime.dimension());
    ReluCompilation comp = CircuitToRelu.compile(prime, 0);
    assertEquals(5, comp.depth());
    ReluNetwork net = comp.network();
    ReluEquivalence.Sampled s = ReluEquivalence.sampled(prime, 0, net, 200_000, 242);
    assertTrue(s.agrees(), s.toString());

    // Uniform samples rarely make a u-conjunction 1 or all v 1; these targeted inputs do: every
    // u^(j) = x (so Φ is evaluated at x) for x a model of Φ or a random point, v all ones half of
    // the time.
    SplittableRandom rnd = new SplittableRandom(5);
    int phiTrue = 0;
    for (int k = 0; k < 4000; k++) {
      boolean[] x = new boolean[242];
      double[] xd = new double[242];
      boolean[] base = new boolean[20];
      long model = models[rnd.nextInt(models.length)];
      for (int i = 0; i < 20; i++) {
        base[i] = k % 2 == 0 ? (model >>> i & 1L) != 0 : rnd.nextBoolean();
      }
      boolean allV = rnd.nextBoolean();
      for (int i = 0; i < 242; i++) {
        x[i] = i < 120 ? base[i % 20] : (allV || rnd.nextInt(8) != 0);
        xd[i] = x[i] ? 1 : 0;
      }
      phiTrue += phi.evaluate(0, base) ? 1 : 0;
      assertEquals(prime.evaluate(0, x) ? 1.0 : 0.0, net.score(xd), "targeted sample " + k);
    }
    assertTrue(phiTrue >= 1000, "too few satisfying x among the targeted samples: " + phiTrue);
  }

  private static long countOnes(long[] table) {
    long n = 0;
    for (long w : table) {
      n += Long.bitCount(w);
    }
    return n;
  }

  @Test
  void refusals() {
    Circuit big = TestCircuits.flatParity(27);
    ReluNetwork net = CircuitToRelu.compile(big, 0).network();
    assertThrows(TooLargeException.class, () -> ReluEquivalence.exhaustive(big, 0, net));
    Circuit small = TestCircuits.flatParity(3);
    assertThrows(IllegalArgumentException.class, () -> ReluEquivalence.exhaustive(small, 0, net));
    ReluNetwork score = RandomInstances.relu(new SplittableRandom(1), 3, 2, 1, false);
    assertThrows(IllegalArgumentException.class, () -> ReluEquivalence.exhaustive(small, 0, score));
    assertThrows(IllegalArgumentException.class,
        () -> ReluEquivalence.sampled(small, 1, CircuitToRelu.compile(small, 0).network(), 1, 1));
  }
}
