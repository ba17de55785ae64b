package xcert.ledger;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a check may use: whether the run is the full one, the seed of anything sampled, a progress
 * line on stderr, a folder for plots (absent when none is wanted), and results computed once and
 * shared by several checks (an LP study, a trained model).
 */
public final class CheckContext {

  private final boolean full;
  private final long seed;
  private final Consumer<String> progress;
  private final Path plots;
  private final Map<String, Object> shared = new ConcurrentHashMap<>();

  public CheckContext(boolean full, long seed, Consumer<String> progress, Path plots) {
    this.full = full;
    this.seed = seed;
    this.progress = progress == null ? s -> { } : progress;
    this.plots = plots;
  }

  /** The larger grids and longer runs of {@code reproduce --full}. */
  public boolean full() {
    return full;
  }

  /** The seed of every sampled quantity in the ledger (each check derives its own streams). */
  public long seed() {
    return seed;
  }

  public void progress(String line) {
    progress.accept(line);
  }

  /** The folder for PNG plots, when plots are wanted. */
  public Optional<Path> plots() {
    return Optional.ofNullable(plots);
  }

  /** The value of {@code key}, computed by {@code compute} the first time it is asked for. */
  @SuppressWarnings("unchecked")
  public synchronized <T> T shared(String key, Supplier<T> compute) {
    Object v = shared.get(key);
    if (v == null) {
      v = compute.get();
      shared.put(key, v);
    }
    return (T) v;
  }
}
