package xcert.explainers.backend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The default backend: batched evaluation and exact (analytic, float64) gradients on the CPU, split
 * into fixed blocks of rows run on a fork-join pool. Each row is computed by the same code whatever
 * the block it falls in, so results do not depend on the number of threads.
 */
public final class CpuBackend implements Backend {

  /** Rows per parallel task. */
  static final int BLOCK = 256;

  private final ForkJoinPool pool;
  private final int threads;

  /** A backend on {@code threads} threads (1 runs everything on the caller's thread). */
  public CpuBackend(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  /** A backend with one thread per available core. */
  public static CpuBackend allCores() {
    return new CpuBackend(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public String name() {
    return "cpu (" + threads + (threads == 1 ? " thread)" : " threads)");
  }

  public int threads() {
    return threads;
  }

  @Override
  public double[] evaluate(Model f, double[] rows, int n) {
    int d = f.dimension();
    checkBatch(rows, n, d);
    double[] out = new double[n];
    if (f instanceof ReluNetwork net && !net.isClassifier()) {
      DenseRelu dense = new DenseRelu(net);
      run(n, (from, to) -> {
        double[][] z = dense.scratch();
        for (int r = from; r < to; r++) {
          out[r] = dense.forward(rows, r * d, z);
        }
      });
    } else {
      run(n, (from, to) -> {
        double[] x = new double[d];
        for (int r = from; r < to; r++) {
          System.arraycopy(rows, r * d, x, 0, d);
          out[r] = f.evaluate(x);
        }
      });
    }
    return out;
  }

  @Override
  public double[] gradients(ReluNetwork f, double[] rows, int n) {
    int d = f.dimension();
    checkBatch(rows, n, d);
    DenseRelu dense = new DenseRelu(f);
    double[] grad = new double[n * d];
    run(n, (from, to) -> {
      double[][] z = dense.scratch();
      double[] delta = new double[2 * dense.maxWidth];
      for (int r = from; r < to; r++) {
        dense.forward(rows, r * d, z);
        dense.backward(z, delta, grad, r * d);
      }
    });
    return grad;
  }

  private static void checkBatch(double[] rows, int n, int d) {
    if (n < 0 || (long) n * d != rows.length) {
      throw new IllegalArgumentException("batch of " + rows.length + " numbers is not " + n
          + " rows of " + d);
    }
  }

  private interface Range {
    void run(int from, int to);
  }

  private void run(int n, Range body) {
    if (pool == null || n <= BLOCK) {
      body.run(0, n);
      return;
    }
    pool.invoke(new Task(0, n, body));
  }

  private static final class Task extends RecursiveAction {
    private final int from;
    private final int to;
    private final Range body;

    Task(int from, int to, Range body) {
      this.from = from;
      this.to = to;
      this.body = body;
    }

    @Override
    protected void compute() {
      if (to - from <= BLOCK) {
        body.run(from, to);
        return;
      }
      int mid = from + ((to - from) / BLOCK / 2) * BLOCK;
      if (mid == from) {
        mid = from + BLOCK;
      }
      invokeAll(new Task(from, mid, body), new Task(mid, to, body));
    }
  }
}
