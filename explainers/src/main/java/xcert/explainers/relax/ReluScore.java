package xcert.explainers.relax;

import java.util.OptionalDouble;
import xcert.explainers.backend.Backend;
import xcert.solvers.model.ReluNetwork;

/**
 * The score Φ(x) = W_L ρ(… ρ(W_1 x + b_1) …) + b_L of a ReLU network (seed 003 Section 4.1) as a
 * {@link SmoothModel}; a classifier's threshold is dropped. Values and gradients go through the
 * backend.
 */
public final class ReluScore implements SmoothModel {

  private final ReluNetwork score;
  private final Backend backend;

  public ReluScore(ReluNetwork net, Backend backend) {
    this.score = net.isClassifier() ? scoreOf(net) : net;
    this.backend = backend;
  }

  /** The same network without its threshold. */
  public static ReluNetwork scoreOf(ReluNetwork net) {
    int layers = net.layerCount();
    double[][][] w = new double[layers][][];
    double[][] b = new double[layers][];
    int in = net.dimension();
    for (int l = 0; l < layers; l++) {
      int out = net.width(l);
      w[l] = new double[out][in];
      b[l] = new double[out];
      for (int j = 0; j < out; j++) {
        b[l][j] = net.bias(l, j);
        for (int i = 0; i < in; i++) {
          w[l][j][i] = net.weight(l, j, i);
        }
      }
      in = out;
    }
    return new ReluNetwork(w, b, OptionalDouble.empty());
  }

  /** The network whose score this is (never a classifier). */
  public ReluNetwork network() {
    return score;
  }

  @Override
  public int dimension() {
    return score.dimension();
  }

  @Override
  public double[] values(double[] rows, int n) {
    return backend.evaluate(score, rows, n);
  }

  @Override
  public double[] gradients(double[] rows, int n) {
    return backend.gradients(score, rows, n);
  }

  @Override
  public String describe() {
    return "relu score";
  }
}
