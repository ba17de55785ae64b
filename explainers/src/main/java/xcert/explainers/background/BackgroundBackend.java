package xcert.explainers.background;

import java.util.Optional;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.LfaPlan;
import xcert.explainers.backend.LfaSums;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * A backend that evaluates a {@link BackgroundGame} h on a batch of masks by expanding it into the
 * masks × background rows inputs x ⊙ ξ + r_j ⊙ (1 − ξ), evaluating f on them with the wrapped
 * backend (so a GPU backend still evaluates a network's f on the device), and averaging each mask's
 * values with the rows' weights on the host, rows in order (the result does not depend on the
 * chunking). Other models go to the wrapped backend unchanged. It has no whole-run device path
 * ({@link #runPlan} is empty): the masks are drawn on the host.
 */
public final class BackgroundBackend implements Backend {

  /** Most expanded inputs per call of the wrapped backend. */
  static final int POINTS = 1 << 16;

  private final Backend inner;

  public BackgroundBackend(Backend inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name() + "; masks drawn and background rows averaged on the host";
  }

  @Override
  public double[] evaluate(Model f, double[] rows, int n) {
    if (!(f instanceof BackgroundGame h)) {
      return inner.evaluate(f, rows, n);
    }
    int d = h.dimension();
    int m = h.background().size();
    double[] out = new double[n];
    int masksPerCall = Math.max(1, POINTS / m);
    Model g = h.model();
    for (int from = 0; from < n; from += masksPerCall) {
      int to = Math.min(n, from + masksPerCall);
      int count = (to - from) * m;
      double[] pts = new double[count * d];
      int p = 0;
      for (int r = from; r < to; r++) {
        for (int j = 0; j < m; j++) {
          h.masked(rows, r * d, j, pts, p * d);
          p++;
        }
      }
      double[] y = inner.evaluate(g, pts, count);
      p = 0;
      for (int r = from; r < to; r++) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += h.background().weightValue(j) * y[p++];
        }
        out[r] = sum;
      }
    }
    return out;
  }

  @Override
  public double[] gradients(ReluNetwork f, double[] rows, int n) {
    return inner.gradients(f, rows, n);
  }

  @Override
  public Optional<LfaSums> runPlan(Model f, LfaPlan plan) {
    return f instanceof BackgroundGame ? Optional.empty() : inner.runPlan(f, plan);
  }
}
