package xcert.explainers.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.lfa.Kernel;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.ReluNetwork;

/** Bad input gets one clear IllegalArgumentException; helper arithmetic checked by identities. */
class LimitInputsTest {

  private static final ReluNetwork NET = new ReluNetwork(
      new double[][][] {{{1, -1}, {0.5, 2}}, {{1, -1}}}, new double[][] {{0, -0.25}, {0}},
      OptionalDouble.empty());

  @Test
  void moreThanTwentyFeaturesAreRefusedWithTheSize() {
    Circuit c = RandomInstances.circuit(new SplittableRandom(1), 21, 10);
    double[] x = new double[21];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.kernelShap(c, x, x));
    assertTrue(e.getMessage().contains("2^21") && e.getMessage().contains("d=20"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.lime(c, x, x, 0.25, Kernel.Distance.COSINE, true, 1));
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.glimeBinomial(c, x, x, 1, true, 1));
    // Occlusion does not enumerate and takes any d.
    assertEquals(21, ExactLimits.occlusion(c, x, x).dimension());
  }

  @Test
  void wrongLengthsAreRefused() {
    double[] two = {1, 0};
    double[] three = {1, 0, 1};
    assertThrows(IllegalArgumentException.class, () -> ExactLimits.kernelShap(NET, three, two));
    assertThrows(IllegalArgumentException.class, () -> ExactLimits.kernelShap(NET, two, three));
    assertThrows(IllegalArgumentException.class, () -> ExactLimits.occlusion(NET, two, three));
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.integratedGradients(NET, three, two));
    assertThrows(IllegalArgumentException.class, () -> ExactLimits.smoothGrad(NET, three, 1));
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.lime(NET, two, three, 0.25, Kernel.Distance.L2, false, 0));
  }

  @Test
  void badParametersAreRefused() {
    double[] x = {1, 0};
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.lime(NET, x, x, 0, Kernel.Distance.L2, true, 0));
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.lime(NET, x, x, 0.25, Kernel.Distance.L2, true, -1));
    assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.glimeBinomial(NET, x, x, Double.NaN, true, 0));
    assertThrows(IllegalArgumentException.class, () -> ExactLimits.smoothGrad(NET, x, 0));
    Circuit c = RandomInstances.circuit(new SplittableRandom(2), 2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.kernelShap(c, new double[] {0.5, 1}, new double[] {0, 0}));
    assertTrue(e.getMessage().contains("0 or 1"), e.getMessage());
  }

  @Test
  void deepNetworksHaveNoClosedFormSmoothGrad() {
    ReluNetwork deep = RandomInstances.relu(new SplittableRandom(3), 3, 2, 2, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactLimits.smoothGrad(deep, new double[3], 1));
    assertTrue(e.getMessage().contains("one hidden layer"), e.getMessage());
  }

  @Test
  void decimalExpSatisfiesItsIdentities() {
    for (String s : new String[] {"1", "-0.3", "12.5", "-400", "3141.5"}) {
      BigDecimal x = new BigDecimal(s);
      BigDecimal prod = DecimalMath.exp(x, 60).multiply(DecimalMath.exp(x.negate(), 60));
      assertTrue(prod.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-55")) < 0,
          s + ": " + prod);
      BigDecimal half = DecimalMath.exp(x.divide(BigDecimal.valueOf(2)), 70);
      BigDecimal diff = half.multiply(half).divide(DecimalMath.exp(x, 70),
          java.math.MathContext.DECIMAL128).subtract(BigDecimal.ONE).abs();
      assertTrue(diff.compareTo(new BigDecimal("1e-30")) < 0, s + ": " + diff);
    }
    assertTrue(DecimalMath.exp(BigDecimal.ONE, 60).toPlainString()
        .startsWith("2.718281828459045235360287471352662497757247093699"));
  }
}
