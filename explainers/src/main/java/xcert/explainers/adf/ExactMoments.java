package xcert.explainers.adf;

import java.util.ArrayList;
import java.util.List;
import xcert.solvers.model.ReluNetwork;

/**
 * The exact mean and covariance of every neuron of every layer of a ReLU network's score (seed 003
 * Section 4.1) when its input is a finite distribution, by complete enumeration in float64: the
 * reference against which {@link MomentComparison} measures assumed density filtering. Two passes
 * over the points (means, then centred second moments). The result is a
 * {@link AdfPropagation.Trace} whose moments are all {@link CovarianceKind#FULL}.
 */
public final class ExactMoments {

  private ExactMoments() {}

  public static AdfPropagation.Trace of(ReluNetwork net, WeightedPoints input) {
    int layers = net.layerCount();
    int d = net.dimension();
    double[][] p = input.points();
    double[] w = input.probabilities();
    // widths of the 2L−1 recorded vectors: input, pre_0, post_0, pre_1, …, pre_{L−1}
    int[] widths = new int[2 * layers];
    widths[0] = d;
    for (int l = 0; l < layers; l++) {
      widths[2 * l + 1] = net.width(l);
      if (l < layers - 1) {
        widths[2 * l + 2] = net.width(l);
      }
    }
    int vectors = 2 * layers;
    double[][] mean = new double[vectors][];
    double[][][] cov = new double[vectors][][];
    for (int v = 0; v < vectors; v++) {
      mean[v] = new double[widths[v]];
      cov[v] = new double[widths[v]][widths[v]];
    }
    double[][] act = new double[vectors][];
    for (int k = 0; k < p.length; k++) {
      forward(net, p[k], act);
      for (int v = 0; v < vectors; v++) {
        for (int j = 0; j < widths[v]; j++) {
          mean[v][j] += w[k] * act[v][j];
        }
      }
    }
    for (int k = 0; k < p.length; k++) {
      forward(net, p[k], act);
      for (int v = 0; v < vectors; v++) {
        double[] a = act[v];
        double[] m = mean[v];
        for (int j = 0; j < widths[v]; j++) {
          double cj = w[k] * (a[j] - m[j]);
          if (cj == 0) {
            continue;
          }
          for (int i = 0; i < widths[v]; i++) {
            cov[v][j][i] += cj * (a[i] - m[i]);
          }
        }
      }
    }
    List<Moments> pre = new ArrayList<>();
    List<Moments> post = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      pre.add(Moments.full(mean[2 * l + 1], cov[2 * l + 1]));
      if (l < layers - 1) {
        post.add(Moments.full(mean[2 * l + 2], cov[2 * l + 2]));
      }
    }
    return new AdfPropagation.Trace(Moments.full(mean[0], cov[0]), pre, post);
  }

  /** The exact mean and covariance of the points themselves (two passes, float64). */
  public static Moments of(WeightedPoints input) {
    double[][] p = input.points();
    double[] w = input.probabilities();
    int d = p.length == 0 ? 0 : p[0].length;
    double[] mean = new double[d];
    for (int k = 0; k < p.length; k++) {
      for (int i = 0; i < d; i++) {
        mean[i] += w[k] * p[k][i];
      }
    }
    double[][] cov = new double[d][d];
    for (int k = 0; k < p.length; k++) {
      for (int i = 0; i < d; i++) {
        double ci = w[k] * (p[k][i] - mean[i]);
        for (int j = 0; j < d; j++) {
          cov[i][j] += ci * (p[k][j] - mean[j]);
        }
      }
    }
    return Moments.full(mean, cov);
  }

  /** act[0] = x, act[2l+1] = pre-activation of layer l, act[2l+2] = its ReLU. */
  private static void forward(ReluNetwork net, double[] x, double[][] act) {
    act[0] = x;
    double[] a = x;
    for (int l = 0; l < net.layerCount(); l++) {
      int n = net.width(l);
      double[] z = new double[n];
      for (int j = 0; j < n; j++) {
        double s = net.bias(l, j);
        for (int i = 0; i < a.length; i++) {
          s += net.weight(l, j, i) * a[i];
        }
        z[j] = s;
      }
      act[2 * l + 1] = z;
      if (l < net.layerCount() - 1) {
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
          r[j] = Math.max(z[j], 0);
        }
        act[2 * l + 2] = r;
        a = r;
      }
    }
  }
}
