package xcert.explainers.nofreelunch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

class DistanceToClassTest {

  private static Circuit gate(int d, boolean xor) {
    Circuit.Builder b = Circuit.builder(d);
    int[] in = new int[d];
    for (int i = 0; i < d; i++) {
      in[i] = b.input(i + 1);
    }
    b.output(xor ? b.xor(in) : b.and(in));
    return b.build();
  }

  @Test
  void xorIsAtDistanceOneQuarter() {
    // g ≡ ½ deviates by ½ everywhere; μ = (−¼, ¼, ¼, −¼) on 00, 10, 01, 11 is orthogonal to 1, x1,
    // x2, has Σ|μ| = 1 and Σ μ f = ½, so no affine g does better: d = (½)² = ¼.
    DistanceToClass.Result r = DistanceToClass.compute(gate(2, true));
    assertTrue(r.isCertified());
    assertEquals(BigFraction.of(1, 4), r.distance());
    assertEquals(Provenance.Kind.CERTIFIED, r.provenance().kind());
    // parity of 3 bits: same argument with μ_x = (−1)^{|x|+1}/8
    assertEquals(BigFraction.of(1, 4), DistanceToClass.compute(gate(3, true)).distance());
  }

  @Test
  void andIsAtDistanceOneSixteenth() {
    // g = (x1 + x2)/2 − ¼ deviates by +¼, −¼, −¼, +¼ on 00, 10, 01, 11; μ = (¼, −¼, −¼, ¼) gives
    // the matching lower bound Σ μ f = ¼. d = 1/16.
    DistanceToClass.Result r = DistanceToClass.compute(gate(2, false));
    assertTrue(r.isCertified());
    assertEquals(BigFraction.of(1, 16), r.distance());
  }

  @Test
  void affineModelIsAtDistanceZero() {
    Model f = new ReluNetwork(new double[][][] {{{0.5, -1.25, 2, 0.375}}},
        new double[][] {{0.75}}, OptionalDouble.empty());
    DistanceToClass.Result r = DistanceToClass.compute(f);
    assertEquals(BigFraction.ZERO, r.distance());
    assertTrue(r.isCertified());
    assertEquals(BigFraction.of(3, 4), r.b());
    assertEquals(BigFraction.of(-5, 4), r.w().get(1));
  }

  @Test
  void certificatesCheckIndependently() {
    Random rnd = new Random(3);
    for (int t = 0; t < 15; t++) {
      int d = 1 + rnd.nextInt(8);
      Circuit f = RandomCircuits.circuit(rnd, d);
      DistanceToClass.Result r = DistanceToClass.compute(f);
      assertTrue(r.isCertified(), "not certified: " + r.provenance().describe());
      BigFraction[] table = DistanceToClass.exactTable(f);
      // upper: the deviation of the returned g, recomputed here
      BigFraction max = BigFraction.ZERO;
      for (int m = 0; m < table.length; m++) {
        BigFraction dev = table[m].subtract(r.g(m)).abs();
        max = dev.compareTo(max) > 0 ? dev : max;
      }
      assertEquals(r.upperDeviation(), max);
      if (max.signum() == 0) {
        continue;
      }
      // lower: μ orthogonal to 1 and to each x_i, Σ|μ| = 1, Σ μ f = L
      BigFraction[] moments = new BigFraction[d + 1];
      java.util.Arrays.fill(moments, BigFraction.ZERO);
      BigFraction mass = BigFraction.ZERO;
      BigFraction value = BigFraction.ZERO;
      for (int k = 0; k < r.dualSupport().size(); k++) {
        int m = r.dualSupport().get(k);
        BigFraction mu = r.dualWeights().get(k);
        moments[0] = moments[0].add(mu);
        for (int i = 0; i < d; i++) {
          if ((m >> i & 1) != 0) {
            moments[1 + i] = moments[1 + i].add(mu);
          }
        }
        mass = mass.add(mu.abs());
        value = value.add(mu.multiply(table[m]));
      }
      for (BigFraction mo : moments) {
        assertEquals(BigFraction.ZERO, mo);
      }
      assertEquals(BigFraction.ONE, mass);
      assertEquals(r.lowerDeviation(), value);
    }
  }

  @Test
  void dimensionOutOfRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DistanceToClass.compute(gate(13, true)));
    assertTrue(e.getMessage().contains("1 ≤ d ≤ 12"), e.getMessage());
  }
}
