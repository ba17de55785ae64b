package xcert.solvers.stream;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How {@link StreamingValues} runs a stream on this machine.
 *
 * @param threads worker threads (≥ 1)
 * @param progress where progress lines go (blocks done, rate, time left) for runs longer than a few
 *     seconds, or null for none
 * @param timeLimit the longest run accepted: a run whose estimate (from its first blocks) exceeds it
 *     is stopped with a {@link xcert.solvers.errors.TooLargeException} giving the estimate; null for
 *     no limit
 */
public record StreamOptions(int threads, Consumer<String> progress, Duration timeLimit) {

  /** The default limit on one run: 10 minutes. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

  public StreamOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
  }

  /** All processors, no progress, the default time limit. */
  public static StreamOptions defaults() {
    return new StreamOptions(Runtime.getRuntime().availableProcessors(), null,
        DEFAULT_TIME_LIMIT);
  }

  public StreamOptions withThreads(int t) {
    return new StreamOptions(t, progress, timeLimit);
  }

  public StreamOptions withProgress(Consumer<String> p) {
    return new StreamOptions(threads, p, timeLimit);
  }

  /** A time limit, or null for none. */
  public StreamOptions withTimeLimit(Duration limit) {
    return new StreamOptions(threads, progress, limit);
  }
}
