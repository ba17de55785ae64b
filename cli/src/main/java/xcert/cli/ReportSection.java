package xcert.cli;

import java.util.Map;
import java.util.function.Consumer;

/** One section of the `xcert reproduce` report: it runs its checks and renders them. */
interface ReportSection {

  /** Short id, used as the JSON key. */
  String id();

  String title();

  /** Runs the section; progress lines go to {@code progress}. */
  Result run(boolean full, Consumer<String> progress);

  /**
   * A finished section.
   *
   * @param text the plain-text table for the terminal
   * @param markdown the section body for report.md
   * @param json the section's data for report.json
   */
  record Result(String text, String markdown, Map<String, Object> json) {}
}
