package xcert.solvers.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/** f_S(x) tables against values worked out by hand from seed 004 Eq. 1. */
class RestrictedPredictionsTest {

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static Circuit and2() {
    Circuit.Builder b = Circuit.builder(2);
    return b.output(b.and(b.input(1), b.input(2))).build();
  }

  @Test
  void andUnderUniform() {
    // f = x1 ∧ x2, x = 11: f_∅ = P(both 1) = 1/4, f_{1} = P(x2 = 1) = 1/2, f_{12} = 1
    RestrictedPredictionTable t =
        RestrictedPredictions.table(and2(), new double[] {1, 1}, ProductDistribution.uniform(2));
    assertTrue(t.isExact());
    assertEquals(q(1, 4), t.at(0b00).exact());
    assertEquals(q(1, 2), t.at(0b01).exact());
    assertEquals(q(1, 2), t.at(0b10).exact());
    assertEquals(q(1, 1), t.at(0b11).exact());
  }

  @Test
  void andUnderBernoulliAtZeroInput() {
    // x = 01, P(x1=1) = 1/4, P(x2=1) = 3/8. f_{2} = P(x1=1)·[x2=1] = 1/4; f_{1} = 0 (x1 fixed 0);
    // f_∅ = 1/4 · 3/8 = 3/32
    RestrictedPredictionTable t = RestrictedPredictions.table(and2(), new double[] {0, 1},
        ProductDistribution.bernoulli(q(1, 4), q(3, 8)));
    assertEquals(q(3, 32), t.at(0b00).exact());
    assertEquals(BigFraction.ZERO, t.at(0b01).exact());
    assertEquals(q(1, 4), t.at(0b10).exact());
    assertEquals(BigFraction.ZERO, t.at(0b11).exact());
  }

  @Test
  void nonDyadicBernoulliStaysExact() {
    // x1 XOR x2 at x = 10 with P(x_i = 1) = 1/3: f_{1} = P(x2 = 0) = 2/3,
    // f_{2} = P(x1 = 1) = 1/3, f_∅ = 2·(1/3)(2/3) = 4/9
    Circuit.Builder b = Circuit.builder(2);
    Circuit xor = b.output(b.xor(b.input(1), b.input(2))).build();
    RestrictedPredictionTable t = RestrictedPredictions.table(xor, new double[] {1, 0},
        ProductDistribution.bernoulli(q(1, 3), q(1, 3)));
    assertEquals(q(4, 9), t.at(0b00).exact());
    assertEquals(q(2, 3), t.at(0b01).exact());
    assertEquals(q(1, 3), t.at(0b10).exact());
    assertEquals(BigFraction.ONE, t.at(0b11).exact());
  }

  @Test
  void reluOnThreeValuedSupportExactAndFloat() {
    // f(x) = relu(x1 - x2) + 0.5 (hidden ReLU, linear output), x = (2, 0);
    // X_i uniform on {0, 1, 2}. f_{1} = E relu(2 - X2) + 1/2 = (2 + 1 + 0)/3 + 1/2 = 3/2.
    ReluNetwork net = new ReluNetwork(new double[][][] {{{1, -1}}, {{1}}},
        new double[][] {{0}, {0.5}}, OptionalDouble.empty());
    FeatureSupport three = new FeatureSupport(new double[] {0, 1, 2},
        new BigFraction[] {q(1, 3), q(1, 3), q(1, 3)});
    ProductDistribution v = ProductDistribution.of(List.of(three, three));
    RestrictedPredictionTable t = RestrictedPredictions.table(net, new double[] {2, 0}, v);
    assertEquals(q(3, 2), t.at(0b01).exact());
    // f_{2}: x2 = 0, E relu(X1) + 1/2 = 1 + 1/2
    assertEquals(q(3, 2), t.at(0b10).exact());
    // f_∅ = E relu(X1 - X2) + 1/2 = (1+2+1)/9 + 1/2 = 4/9 + 1/2 = 17/18
    assertEquals(q(17, 18), t.at(0b00).exact());
    assertEquals(q(5, 2), t.at(0b11).exact());
    RestrictedPredictionTable f64 =
        RestrictedPredictions.table(net, new double[] {2, 0}, v, Arithmetic.FLOAT64);
    assertFalse(f64.isExact());
    assertEquals(17.0 / 18, f64.at(0).value(), 1e-15);
  }

  @Test
  void xOutsideTheSupportIsStillFixed() {
    // X1 always 0 (point mass) but x1 = 1: f_{1}(x) fixes x1 = 1 regardless
    FeatureSupport zero = new FeatureSupport(new double[] {0}, new BigFraction[] {BigFraction.ONE});
    ProductDistribution v = ProductDistribution.of(List.of(zero, FeatureSupport.fairCoin()));
    RestrictedPredictionTable t = RestrictedPredictions.table(and2(), new double[] {1, 1}, v);
    assertEquals(BigFraction.ZERO, t.at(0b00).exact());
    assertEquals(q(1, 2), t.at(0b01).exact());
    assertEquals(BigFraction.ZERO, t.at(0b10).exact());
  }

  @Test
  void empiricalRowsAverage() {
    // rows 00, 01, 11, 11; f = x1 ∧ x2; x = 11. f_{1} = mean of [r2 = 1] = 3/4; f_{2} = mean [r1 = 1] =
    // 1/2; f_∅ = mean f(r) = 1/2
    EmpiricalDistribution v = new EmpiricalDistribution(
        new double[][] {{0, 0}, {0, 1}, {1, 1}, {1, 1}}, null);
    RestrictedPredictionTable t = RestrictedPredictions.table(and2(), new double[] {1, 1}, v);
    assertEquals(q(1, 2), t.at(0b00).exact());
    assertEquals(q(3, 4), t.at(0b01).exact());
    assertEquals(q(1, 2), t.at(0b10).exact());
    assertEquals(BigFraction.ONE, t.at(0b11).exact());
  }

  @Test
  void conditionalReferenceConditionsOnTheKeptFeatures() {
    // joint p: 00 -> 1/2, 11 -> 1/4, 10 -> 1/4; f = x1 ∧ x2; x = 11.
    // f_{1} = E[f | X1 = 1] = (1/4) / (1/2) = 1/2; f_{2} = E[f | X2 = 1] = 1; f_∅ = 1/4
    ConditionalDistribution v = new ConditionalDistribution(
        new double[][] {{0, 0}, {1, 1}, {1, 0}}, new BigFraction[] {q(1, 2), q(1, 4), q(1, 4)}, null);
    RestrictedPredictionTable t = RestrictedPredictions.table(and2(), new double[] {1, 1}, v);
    assertEquals(q(1, 4), t.at(0b00).exact());
    assertEquals(q(1, 2), t.at(0b01).exact());
    assertEquals(BigFraction.ONE, t.at(0b10).exact());
    assertEquals(BigFraction.ONE, t.at(0b11).exact());
  }

  @Test
  void circuitRefusesNonBinaryInput() {
    assertThrows(IllegalArgumentException.class, () -> RestrictedPredictions.table(and2(),
        new double[] {2, 1}, ProductDistribution.uniform(2)));
  }
}
