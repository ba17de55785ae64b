package xcert.solvers.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.ExactSetFunction;
import xcert.solvers.setfunction.SetFunction;

/**
 * The fixed-point tables of ReLU networks ({@link NetworkTables}) against the definition of f_S
 * (seed 004 Eq. 1) evaluated set by set in rational arithmetic ({@link DirectEnumeration}, which
 * uses the network's own exact rational forward pass and shares no code with the fixed-point path):
 * every entry, and the Shapley and Banzhaf values computed from both tables, must be equal as
 * rationals. Networks are random, with float32 weights of widely spread magnitudes (so numerators
 * span several 64-bit words), deep ones, and ones with a non-dyadic layer (a Div by 3 or 5 folded in
 * exactly).
 */
class FixedPointTablesTest {

  private static float f32(Random r, double scale) {
    return (float) (r.nextGaussian() * scale * Math.pow(2, r.nextInt(20) - 10));
  }

  private static ReluNetwork network(Random r, int d, int[] hidden, boolean div) {
    List<AffineLayer> layers = new ArrayList<>();
    int in = d;
    int[] widths = new int[hidden.length + 1];
    System.arraycopy(hidden, 0, widths, 0, hidden.length);
    widths[hidden.length] = 1;
    for (int l = 0; l < widths.length; l++) {
      BigFraction[][] w = new BigFraction[widths[l]][in];
      BigFraction[] b = new BigFraction[widths[l]];
      for (int j = 0; j < widths[l]; j++) {
        for (int i = 0; i < in; i++) {
          w[j][i] = BigFraction.from(f32(r, 1.0));
          if (div && l == 0) {
            w[j][i] = w[j][i].divide(3 + 2 * (i % 2)); // x_i / 3 or / 5, kept exact
          }
        }
        b[j] = BigFraction.from(f32(r, 0.5));
      }
      layers.add(AffineLayer.of(w, b));
      in = widths[l];
    }
    return new ReluNetwork(layers, OptionalDouble.empty(), false);
  }

  /** Asserts the table equals the definition; returns its provenance's method. */
  private static String assertTableMatchesDefinition(ReluNetwork net, double[] x,
      ReferenceDistribution v) {
    int d = net.dimension();
    RestrictedPredictionTable t = RestrictedPredictions.table(net, x, v);
    assertTrue(t.provenance().toString().contains("fixed-point"), t.provenance().toString());
    BigFraction[] ref = new BigFraction[1 << d];
    for (int s = 0; s < 1 << d; s++) {
      BitSet set = BitSet.valueOf(new long[] {s});
      ref[s] = DirectEnumeration.fs(net, x, v, set, Arithmetic.EXACT).exact();
      assertEquals(ref[s], t.at(s).exact(), "f_S at S=" + Integer.toBinaryString(s));
    }
    SetFunction reference = ExactSetFunction.ofFractions(d, ref);
    Scalar[] phi = GameValues.shapley(t.values());
    Scalar[] phiRef = GameValues.shapley(reference);
    Scalar[] beta = GameValues.banzhaf(t.values());
    Scalar[] betaRef = GameValues.banzhaf(reference);
    for (int j = 0; j < d; j++) {
      assertEquals(phiRef[j].exact(), phi[j].exact(), "Shapley " + (j + 1));
      assertEquals(betaRef[j].exact(), beta[j].exact(), "Banzhaf " + (j + 1));
    }
    return t.provenance().method();
  }

  /**
   * Each of the three exact paths is taken and agrees with the definition: residues mod 2^64 alone
   * (binary inputs, a shallow float32 network), with the prime too (real-valued float32 inputs widen
   * the common denominator beyond what the float64 estimate pins down), and limbs (a deep network
   * with weights from 2^-60 to 2^20, whose float64 error bound is too coarse for residues).
   */
  @Test
  void everyPathIsTakenAndExact() {
    Random r = new Random(14);
    ReluNetwork shallow = network(r, 5, new int[] {4}, false);
    String m1 = assertTableMatchesDefinition(shallow, new double[] {1, 0, 1, 1, 0},
        ProductDistribution.uniform(5));
    assertTrue(m1.contains("residues mod 2^64") && !m1.contains("mod " + Residues.P), m1);

    ReluNetwork mid = xcert.solvers.bench.NetworkExactBenchmark.network(4, 1);
    double[][] rows = new double[6][4];
    for (double[] row : rows) {
      for (int i = 0; i < 4; i++) {
        row[i] = (float) (r.nextGaussian() * 3);
      }
    }
    String m2 = assertTableMatchesDefinition(mid, new double[] {0.5f, -1.25f, 3.1f, 0.7f},
        new EmpiricalDistribution(rows, "rows"));
    assertTrue(m2.contains("mod " + Residues.P) && !m2.contains("mod " + Residues.P2), m2);

    // tiny float32 data values push the common denominator further: two primes
    double[][] fine = new double[6][5];
    for (double[] row : fine) {
      for (int i = 0; i < 5; i++) {
        row[i] = (float) (r.nextGaussian() * Math.pow(2, -r.nextInt(24)));
      }
    }
    String m4 = assertTableMatchesDefinition(xcert.solvers.bench.NetworkExactBenchmark.network(5,
        2), new double[] {0.5f, -1.25e-6f, 3.1f, 0.7e-3f, 1e-5f},
        new EmpiricalDistribution(fine, "rows"));
    assertTrue(m4.contains("mod " + Residues.P2), m4);

    List<AffineLayer> deep = new ArrayList<>();
    int in = 4;
    for (int l = 0; l < 6; l++) {
      int out = l == 5 ? 1 : 3;
      double[][] w = new double[out][in];
      double[] b = new double[out];
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[j][i] = (i + j) % 2 == 0 ? Math.scalb(1.0 + r.nextInt(1 << 20), -60 - r.nextInt(4))
              : Math.scalb(0.5 + r.nextDouble(), 20 - r.nextInt(3));
        }
        b[j] = Math.scalb(r.nextDouble(), -50);
      }
      deep.add(AffineLayer.ofDoubles(w, b));
      in = out;
    }
    String m3 = assertTableMatchesDefinition(new ReluNetwork(deep, OptionalDouble.empty(), false),
        new double[] {1, 0, 1, 0}, ProductDistribution.uniform(4));
    assertTrue(m3.contains("limbs"), m3);
  }

  @Test
  void uniformBinaryGridsEqualTheDefinition() {
    Random r = new Random(11);
    for (int trial = 0; trial < 12; trial++) {
      int d = 2 + r.nextInt(6);
      ReluNetwork net = network(r, d, trial % 3 == 0 ? new int[] {6, 5, 4} : new int[] {5, 3},
          trial % 4 == 1);
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = r.nextInt(2);
      }
      assertTableMatchesDefinition(net, x, ProductDistribution.uniform(d));
    }
  }

  @Test
  void realValuedProductSupportsEqualTheDefinition() {
    Random r = new Random(12);
    for (int trial = 0; trial < 10; trial++) {
      int d = 2 + r.nextInt(4);
      ReluNetwork net = network(r, d, new int[] {4, 3}, trial % 3 == 2);
      List<FeatureSupport> supports = new ArrayList<>();
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        int size = 1 + r.nextInt(3);
        double[] vals = new double[size];
        BigFraction[] ps = new BigFraction[size];
        int total = 0;
        int[] wts = new int[size];
        for (int a = 0; a < size; a++) {
          vals[a] = a * 1.25 + r.nextGaussian() * 14.27; // decimal-like doubles, 53-bit mantissas
          wts[a] = 1 + r.nextInt(5);
          total += wts[a];
        }
        for (int a = 0; a < size; a++) {
          ps[a] = BigFraction.of(wts[a], total);
        }
        supports.add(new FeatureSupport(vals, ps));
        x[i] = r.nextBoolean() ? vals[0] : r.nextGaussian();
      }
      assertTableMatchesDefinition(net, x, ProductDistribution.of(supports));
    }
  }

  @Test
  void empiricalBackgroundsEqualTheDefinition() {
    Random r = new Random(13);
    for (int trial = 0; trial < 10; trial++) {
      int d = 2 + r.nextInt(5);
      ReluNetwork net = network(r, d, new int[] {5, 4}, trial % 2 == 0);
      int rows = 1 + r.nextInt(12);
      double[][] data = new double[rows][d];
      for (double[] row : data) {
        for (int i = 0; i < d; i++) {
          row[i] = r.nextInt(3) == 0 ? 0.0 : r.nextGaussian() * 3.7;
        }
      }
      if (rows > 2) {
        data[1] = data[0].clone(); // a repeated row: counts > 1
      }
      double[] x = data[0].clone();
      x[0] = r.nextGaussian();
      assertTableMatchesDefinition(net, x, new EmpiricalDistribution(data, "rows"));
    }
  }
}
