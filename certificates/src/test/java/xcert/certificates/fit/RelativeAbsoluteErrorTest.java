package xcert.certificates.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RAE = Σ|y − ŷ| / Σ|y − ȳ|: 0 for a perfect fit, 1 for the mean as the prediction. */
class RelativeAbsoluteErrorTest {

  @Test
  void perfectFitAndMeanPrediction() {
    double[] d = {1, 2, 3};
    ExponentialFit f = new ExponentialFit(1, 0, 0, 0);
    double[] y = {Math.exp(1), Math.exp(2), Math.exp(3)};
    assertEquals(0, f.relativeAbsoluteError(d, y), 1e-12);
    double mean = (y[0] + y[1] + y[2]) / 3;
    ExponentialFit flat = new ExponentialFit(0, Math.log(mean), 0, 0);
    assertEquals(1, flat.relativeAbsoluteError(d, y), 1e-12);
  }
}
