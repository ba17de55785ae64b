package xcert.explainers.backend;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import xcert.solvers.model.ReluNetwork;

/**
 * He-initialised ReLU networks for tests: weights Normal(0, 2/fan-in), biases Normal(0, 0.01), a
 * single score output; and Gaussian inputs.
 */
public final class HeNetworks {

  private HeNetworks() {}

  /** d inputs, {@code hidden} hidden layers of the given width, one output. */
  public static ReluNetwork he(SplittableRandom rnd, int d, int width, int hidden) {
    double[][][] w = new double[hidden + 1][][];
    double[][] b = new double[hidden + 1][];
    int in = d;
    for (int l = 0; l <= hidden; l++) {
      int out = l == hidden ? 1 : width;
      double sd = Math.sqrt(2.0 / in);
      w[l] = new double[out][in];
      b[l] = new double[out];
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[l][j][i] = sd * gaussian(rnd);
        }
        b[l][j] = 0.1 * gaussian(rnd);
      }
      in = out;
    }
    return new ReluNetwork(w, b, OptionalDouble.empty());
  }

  /** A standard Gaussian point in d dimensions. */
  public static double[] point(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = gaussian(rnd);
    }
    return x;
  }

  /** A standard normal variate (Box–Muller). */
  public static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}
