package xcert.solvers.limits;

import java.util.Locale;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.setfunction.MemoryBudget;

/**
 * The estimated cost of one run, computed from its settings and the model's size before any work
 * or allocation: elementary steps (a time class) and bytes of its largest buffers. {@link #require}
 * refuses, in one line with the estimate, a run beyond {@link SizePolicy#MAX_OPERATIONS}, one whose
 * largest array exceeds {@link SizePolicy#MAX_ARRAY} entries, or one whose memory the JVM does not
 * have.
 *
 * @param what the run, e.g. "kernelshap with n = 2048 samples on d = 100000 inputs"
 * @param operations estimated elementary steps (doubles, so that no product overflows)
 * @param bytes estimated bytes of the buffers held at once
 * @param largestArray entries of the largest single array
 * @param largestName what that array is, e.g. "the 100001×100001 system of the fit"
 */
public record CostEstimate(String what, double operations, double bytes, double largestArray,
    String largestName) {

  /** The time class of {@link #operations} at about 10^9 elementary steps per second. */
  public String timeClass() {
    double seconds = operations / 1e9;
    if (seconds < 60) {
      return "seconds";
    }
    if (seconds < 3600) {
      return "minutes";
    }
    if (seconds < 86_400) {
      return "hours";
    }
    return "days or more";
  }

  /** "about 1.2e12 steps (minutes) and 16.0 GiB". */
  public String describe() {
    return "about " + String.format(Locale.ROOT, "%.1e", operations) + " steps (" + timeClass()
        + ") and " + human(bytes);
  }

  /**
   * Refuses a run that cannot finish on this machine.
   *
   * @throws TooLargeException "what: estimated ...; why" in one line
   */
  public CostEstimate require() {
    String why = null;
    if (largestArray > SizePolicy.MAX_ARRAY) {
      why = largestName + " would have " + String.format(Locale.ROOT, "%.2g", largestArray)
          + " entries; a Java array holds at most 2^31";
    } else if (operations > SizePolicy.MAX_OPERATIONS) {
      why = "runs are refused beyond " + String.format(Locale.ROOT, "%.0e",
          (double) SizePolicy.MAX_OPERATIONS) + " steps (about an hour); ask for fewer samples, "
          + "steps or iterations";
    } else {
      long avail = MemoryBudget.available();
      if (bytes > avail / 10.0 * 9) {
        why = "the JVM has " + MemoryBudget.human(avail) + " free of "
            + MemoryBudget.human(Runtime.getRuntime().maxMemory()) + " (raise the heap with "
            + "XCERT_JAVA_OPTS=-Xmx..., or ask a smaller question)";
      }
    }
    if (why != null) {
      throw new TooLargeException(what + ": estimated " + describe() + "; " + why);
    }
    return this;
  }

  private static String human(double bytes) {
    return bytes >= Long.MAX_VALUE ? "more than 8 EiB" : MemoryBudget.human((long) bytes);
  }
}
