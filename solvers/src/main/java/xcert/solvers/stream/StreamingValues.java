package xcert.solvers.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Model;

/**
 * Exact Shapley and Banzhaf values by one streaming pass over the inputs on this machine
 * ({@link StreamPlan}, the identity in the package documentation), with worker threads taking blocks
 * in turn, progress lines, and a time limit checked from the rate of the first blocks.
 *
 * <pre>{@code
 * StreamValues v = StreamingValues.compute(circuit, x, ProductDistribution.uniform(d),
 *     Semivalue.SHAPLEY, StreamOptions.defaults());
 * }</pre>
 */
public final class StreamingValues {

  /** Progress lines start after this many milliseconds, then come every this many. */
  static final long PROGRESS_MS = 2000;

  /** The floor's checksum, kept so that its evaluations cannot be optimised away. */
  static volatile long lastChecksum;

  private StreamingValues() {}

  /** Plans and runs the stream; see {@link StreamPlan#of} for what can be streamed. */
  public static StreamValues compute(Model model, double[] x, ReferenceDistribution v,
      Semivalue semivalue, StreamOptions options) {
    return run(StreamPlan.of(model, x, v, semivalue), options);
  }

  /** Runs a planned stream on this machine. */
  public static StreamValues run(StreamPlan plan, StreamOptions options) {
    long t0 = System.nanoTime();
    StreamCounts total = drive(plan, options, false, "exact " + plan.semivalue().id());
    return plan.finish(total, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The evaluation floor: every block's inputs evaluated the same way, with nothing counted, in the
   * same threads. Returns the wall seconds.
   */
  public static double evaluationFloor(StreamPlan plan, StreamOptions options) {
    long t0 = System.nanoTime();
    drive(plan, options, true, "evaluation floor");
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Runs every block on the worker threads: counted, or only evaluated when {@code floorOnly}. */
  private static StreamCounts drive(StreamPlan plan, StreamOptions options, boolean floorOnly,
      String what) {
    long blocks = plan.blockCount();
    int threads = (int) Math.max(1, Math.min(options.threads(), blocks));
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<StreamCounts> partial = new ArrayList<>();
    AtomicLong checksum = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(threads);
    long chunk = Math.max(1, Math.min(64, blocks / (threads * 64L)));
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      StreamCounts sink = plan.zero();
      partial.add(sink);
      Thread t = new Thread(() -> {
        try {
          BlockCounter counter = plan.counter();
          long sum = 0;
          while (!stop.get()) {
            long from = next.getAndAdd(chunk);
            if (from >= blocks) {
              break;
            }
            long to = Math.min(blocks, from + chunk);
            for (long b = from; b < to && !stop.get(); b++) {
              if (floorOnly) {
                sum += plan.evaluateOnly(counter, b);
              } else {
                plan.count(counter, b, sink);
              }
              done.incrementAndGet();
            }
          }
          checksum.addAndGet(sum);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          stop.set(true);
        } finally {
          finished.countDown();
        }
      }, "xcert-stream-" + w);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    long t0 = System.nanoTime();
    long lastReport = 0;
    boolean checked = options.timeLimit() == null;
    try {
      while (!finished.await(50, TimeUnit.MILLISECONDS)) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long n = done.get();
        if (!checked && (ms >= 200 && n >= threads || n >= Math.max(threads, blocks / 64))) {
          checked = true;
          double estimate = ms / 1000.0 * blocks / Math.max(n, 1);
          if (estimate > options.timeLimit().toSeconds()) {
            stop.set(true);
            finished.await();
            throw new TooLargeException(what + " over " + count(plan.inputCount()) + " inputs would take"
                + " about " + human(estimate) + " here (" + n + " of " + blocks + " blocks in "
                + human(ms / 1000.0) + " on " + threads + " thread(s)); the time limit is "
                + human(options.timeLimit().toSeconds()) + ": add --no-time-limit to run it");
          }
        }
        if (options.progress() != null && ms >= PROGRESS_MS && ms - lastReport >= PROGRESS_MS) {
          lastReport = ms;
          double rate = n / (ms / 1000.0);
          double left = rate > 0 ? (blocks - n) / rate : Double.NaN;
          options.progress().accept(String.format("%s: %d/%d blocks (%.1f%%), %.3g inputs/s, about"
              + " %s left", what, n, blocks, 100.0 * n / blocks,
              rate * plan.inputCount() / blocks, Double.isNaN(left) ? "?" : human(left)));
        }
      }
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IllegalStateException(f);
    }
    StreamCounts total = partial.get(0);
    for (int w = 1; w < partial.size(); w++) {
      total.addInPlace(partial.get(w));
    }
    lastChecksum = checksum.get();
    return total;
  }

  /** "2^40 (1099511627776)" for a power of two, else the number. */
  static String count(long n) {
    return Long.bitCount(n) == 1 ? "2^" + Long.numberOfTrailingZeros(n) + " (" + n + ")"
        : Long.toString(n);
  }

  /** "1.2 s", "3 min 5 s", "2.5 h", "4.1 days". */
  static String human(double seconds) {
    if (seconds < 60) {
      return String.format("%.1f s", seconds);
    }
    if (seconds < 3600) {
      return String.format("%d min %d s", (long) seconds / 60, (long) seconds % 60);
    }
    if (seconds < 86400 * 2) {
      return String.format("%.1f h", seconds / 3600);
    }
    return String.format("%.1f days", seconds / 86400);
  }
}
