package xcert.certificates.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fits recover curves they are given, and score the paper's curves as the paper does. */
class ExponentialFitTest {

  private static double[] range(int from, int to) {
    double[] d = new double[to - from + 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = from + i;
    }
    return d;
  }

  @Test
  void recoversAnExactExponential() {
    double[] d = range(2, 20);
    double[] y = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      y[i] = Math.exp(0.5 * d[i] - 1.25);
    }
    ExponentialFit f = ExponentialFit.exponential(d, y);
    assertEquals(0.5, f.slope(), 1e-12);
    assertEquals(-1.25, f.intercept(), 1e-11);
    assertEquals(0, f.relativeError(), 1e-12);
  }

  @Test
  void recoversTheOffsetOnTheGrid() {
    double[] d = range(3, 20);
    double[] y = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      y[i] = Math.exp(0.2 * d[i] + 1.0) - 2.5;
    }
    ExponentialFit f = ExponentialFit.offsetExponential(d, y);
    assertEquals(-2.5, f.offset(), 1e-5);
    assertEquals(0.2, f.slope(), 1e-6);
    assertEquals(1.0, f.intercept(), 1e-5);
    assertTrue(f.relativeError() < 1e-6);
  }

  @Test
  void thePaperCurvesEvaluateAsPrinted() {
    // e^(0.664·20 − 1.159) ≈ 1.836e5
    assertEquals(Math.exp(0.664 * 20 - 1.159), ExponentialFit.PAPER_DELETION.at(20), 1e-9);
    assertEquals(Math.exp(0.217 * 10 + 1.010) + 2.778,
        ExponentialFit.PAPER_INSERTION_APPENDIX.at(10), 1e-9);
  }
}
