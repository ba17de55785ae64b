package xcert.explainers.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.lfa.Kernel;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The mask limits of a ReLU network whose weights are not all doubles (a scaler's Div by 0.1 read
 * exactly as 10, a Div by 3 as 1/3) agree with the same function seen only through
 * {@link Model#exactValue}: two independent enumerations, the solvers' exact table at the point
 * mass r and the generic rational sum.
 */
class NonDyadicLimitsTest {

  private static BigFraction q(long n, long d) {
    return BigFraction.of(n, d);
  }

  private static ReluNetwork network() {
    AffineLayer hidden = AffineLayer.of(new BigFraction[][] {
        {q(1, 3), q(-2, 7), q(1, 10), q(5, 1)},
        {q(-1, 10), q(3, 2), q(2, 3), q(-1, 5)},
        {q(7, 10), q(1, 1), q(-4, 9), q(1, 6)}},
        new BigFraction[] {q(1, 10), q(-1, 3), q(0, 1)});
    AffineLayer out = AffineLayer.of(new BigFraction[][] {{q(2, 3), q(-5, 7), q(10, 3)}},
        new BigFraction[] {q(-1, 7)});
    return new ReluNetwork(List.of(hidden, out), OptionalDouble.empty(), false);
  }

  /** The network seen only through the Model interface. */
  private record Opaque(Model f) implements Model {
    @Override
    public int dimension() {
      return f.dimension();
    }

    @Override
    public double evaluate(double[] x) {
      return f.evaluate(x);
    }

    @Override
    public BigFraction exactValue(double[] x) {
      return f.exactValue(x);
    }

    @Override
    public boolean isBooleanValued() {
      return false;
    }

    @Override
    public boolean requiresBinaryInputs() {
      return false;
    }
  }

  @Test
  void kernelShapAndLimeOfANonDyadicNetworkMatchTheGenericEnumeration() {
    ReluNetwork net = network();
    assertFalse(net.hasDoubleWeights(), "the fixture must have non-dyadic weights");
    double[] x = {0.3, -1.25, 2.0, 0.7};
    double[] r = {-0.5, 0.25, 0.1, 1.0};
    assertEquals(ExactLimits.kernelShap(new Opaque(net), x, r).exactValues(),
        ExactLimits.kernelShap(net, x, r).exactValues());
    double[] a = ExactLimits.lime(new Opaque(net), x, r, 0.25, Kernel.Distance.COSINE, true, 0)
        .values();
    double[] b = ExactLimits.lime(net, x, r, 0.25, Kernel.Distance.COSINE, true, 0).values();
    for (int i = 0; i < a.length; i++) {
      // both solve the same rational level sums at ≥ 40 agreeing digits, then round to float64
      assertEquals(a[i], b[i], 1e-14 * Math.max(1, Math.abs(a[i])), "feature " + (i + 1));
    }
  }
}
