package xcert.ledger.seed003;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.explainers.adf.GaussianRelu;

/** Seed 003's ADF rules: the printed σ (the variance) against the integral, and the readings. */
class Seed003ErrataTest {

  @Test
  void printedSigmaAsVarianceDoublesTheMeanAtVarianceFour() {
    double[] m = AdfCheck.rectifiedMoments(0, 4);
    assertEquals(2 / Math.sqrt(2 * Math.PI), m[0], 1e-12);
    double printed = 4 * GaussianRelu.density(0);
    assertEquals(2 * m[0], printed, 1e-12);
    assertEquals(m[0], GaussianRelu.of(0, 4).mean(), 1e-12);
  }

  @Test
  void nSigmaNUnderestimatesTheRectifiedVarianceAtZeroMean() {
    double[] m = AdfCheck.rectifiedMoments(0, 1);
    double var = m[1] - m[0] * m[0];
    assertEquals(0.5 - 1 / (2 * Math.PI), var, 1e-12);
    double g = GaussianRelu.of(0, 1).gain();
    assertTrue(g * g < var);
  }

  @Test
  void theDoubleCheckOfPrintedQAndPMatchesTheDefinitions() {
    assertEquals(6, ReductionsCheck.printedQ(20, org.apache.commons.numbers.fraction.BigFraction
        .of(1, 2)));
    assertEquals(2, ReductionsCheck.printedP(org.apache.commons.numbers.fraction.BigFraction.of(1,
        2)));
    assertEquals(3, ReductionsCheck.printedP(org.apache.commons.numbers.fraction.BigFraction.of(1,
        4)));
  }
}
