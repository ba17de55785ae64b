package xcert.explainers.agreement;

import java.util.stream.IntStream;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.Float32Bounds;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The CPU backend with a record of how far a float32 device could be from each of its results: for
 * every row it evaluates it also computes the {@link Float32Bounds} of that row, keeping the largest
 * value bound over the rows evaluated, and per coordinate the sum of the gradient bounds over the rows
 * differentiated (mask-stable or not). It returns exactly the CPU backend's numbers and has no
 * {@link Backend#runPlan} path, so an explanation run through it draws its samples on the host and
 * every evaluation is recorded. One network only; one explanation run per instance.
 */
final class RecordingCpuBackend implements Backend {

  private final CpuBackend cpu;
  private final ReluNetwork network;
  private final Float32Bounds bounds;
  private double maxValueBound;
  private long valueRows;
  private final double[] gradientBoundSum;
  private long gradientRows;
  private long unstableRows;

  RecordingCpuBackend(CpuBackend cpu, ReluNetwork network) {
    this.cpu = cpu;
    this.network = network;
    this.bounds = new Float32Bounds(network);
    this.gradientBoundSum = new double[network.dimension()];
  }

  @Override
  public String name() {
    return cpu.name() + ", recording float32 bounds";
  }

  @Override
  public double[] evaluate(Model f, double[] rows, int n) {
    check(f);
    double[] out = cpu.evaluate(f, rows, n);
    int d = network.dimension();
    double max = IntStream.range(0, n).parallel().mapToDouble(r -> bounds.value(rows, r * d))
        .max().orElse(0);
    maxValueBound = Math.max(maxValueBound, max);
    valueRows += n;
    return out;
  }

  @Override
  public double[] gradients(ReluNetwork f, double[] rows, int n) {
    check(f);
    double[] out = cpu.gradients(f, rows, n);
    int d = network.dimension();
    Float32Bounds.Row[] per = new Float32Bounds.Row[n];
    IntStream.range(0, n).parallel().forEach(r -> per[r] = bounds.row(rows, r * d));
    for (Float32Bounds.Row row : per) {
      double[] g = row.gradient();
      for (int i = 0; i < d; i++) {
        gradientBoundSum[i] += g[i];
      }
      if (!row.maskStable()) {
        unstableRows++;
      }
    }
    gradientRows += n;
    return out;
  }

  private void check(Model f) {
    if (f != network) {
      throw new IllegalArgumentException("this recording backend bounds " + network + " only");
    }
  }

  /** δ: the largest value bound over the rows evaluated (0 before any). */
  double maxValueBound() {
    return maxValueBound;
  }

  /** Rows evaluated. */
  long valueRows() {
    return valueRows;
  }

  /** Per coordinate, the mean over the rows differentiated of the gradient bound. */
  double[] meanGradientBound() {
    double[] m = gradientBoundSum.clone();
    for (int i = 0; i < m.length; i++) {
      m[i] /= gradientRows;
    }
    return m;
  }

  /** Rows differentiated. */
  long gradientRows() {
    return gradientRows;
  }

  /** Rows differentiated that were not mask-stable. */
  long unstableRows() {
    return unstableRows;
  }
}
