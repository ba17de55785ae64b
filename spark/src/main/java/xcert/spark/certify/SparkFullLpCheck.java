package xcert.spark.certify;

import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import xcert.certificates.check.Verification;
import xcert.certificates.check.Verifier;
import xcert.solvers.errors.TooLargeException;
import xcert.spark.SparkJobs;
import xcert.spark.SparkProvenance;
import xcert.spark.SparkSettings;

/**
 * The full-LP check of a certificate file's certificate, lifted onto all 2^d sets, as one Spark job:
 * {@link Verifier#verifyRange} per task, {@link Verifier.Sums#plus} to reduce, {@link
 * Verifier#finish} on the driver. The verdict is the single-machine {@link Verifier#verify}'s.
 *
 * <p>Cost: 2^d sets, each +1 in d doubles the work (d = 27: 1.3e8 sets).
 */
public final class SparkFullLpCheck {

  /** Largest d: 2^40 ≈ 1.1e12 sets. */
  public static final int MAX_D = 40;

  /** At most this many sets per task, so that progress is fine-grained on large d. */
  static final long MAX_SETS_PER_TASK = 1L << 22;

  private SparkFullLpCheck() {}

  /**
   * The full check and where it ran.
   *
   * @param verification the exact verdict over every set
   * @param provenance master, tasks, time
   */
  public record Result(Verification verification, SparkProvenance provenance) {}

  /** Checks the certificate of {@code text} (a certificate file read from {@code source}). */
  public static Result check(JavaSparkContext sc, String source, String text,
      SparkSettings settings, Consumer<String> progress) {
    FullLpRange task = new FullLpRange(source, text);
    FullLpRange.Prepared p = FullLpRange.prepare(source, text);
    int d = p.rebuilt().d();
    if (d > MAX_D) {
      throw new TooLargeException("the full LP at d=" + d + " has 2^" + d + " sets; the Spark "
          + "check stops at d=" + MAX_D + " (check on the orbits instead)");
    }
    long n = Verifier.setCount(p.rebuilt().problem(), p.lifted());
    int tasks = settings.tasksFor(n, sc.defaultParallelism(), MAX_SETS_PER_TASK);
    SparkJobs.Done<Verifier.Sums> done = SparkJobs.ranges(sc, n, tasks, task, Verifier.Sums::plus,
        "xcert full-LP check of " + source + " (2^" + d + " sets)", progress);
    Verification v = Verifier.finish(p.rebuilt().problem(), p.lifted(), done.value(),
        done.provenance().seconds());
    return new Result(v, done.provenance());
  }
}
