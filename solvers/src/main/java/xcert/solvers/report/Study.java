package xcert.solvers.report;

import java.util.function.Consumer;

/**
 * One study of a report: it checks a family of seed statements on generated instances and returns
 * what it found. Each module's {@code studies} package implements this for the seeds it owns.
 */
public interface Study {

  /** Short id, the key of the study's data in a combined report. */
  String id();

  /** One line saying what the study checks. */
  String title();

  /**
   * Runs the study.
   *
   * @param full the long, larger configuration instead of the standard one
   * @param progress receives one line per step of a long run
   */
  Report run(boolean full, Consumer<String> progress);
}
