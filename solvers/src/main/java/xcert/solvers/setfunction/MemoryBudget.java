package xcert.solvers.setfunction;

import xcert.solvers.errors.TooLargeException;

/** Checks, before an allocation, that the JVM has room for it, and refuses with the sizes if not. */
public final class MemoryBudget {

  private MemoryBudget() {}

  /** Bytes the JVM can still allocate, approximately (max heap minus what is in use). */
  public static long available() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Refuses when {@code bytes} exceeds 90% of what the JVM can still allocate.
   *
   * @param what what the memory is for, e.g. "the f_S table for d=28"
   */
  public static void require(long bytes, String what) {
    long avail = available();
    if (bytes < 0 || bytes > avail / 10 * 9) {
      throw new TooLargeException(what + " needs " + human(bytes) + " but the JVM has "
          + human(avail) + " free of " + human(Runtime.getRuntime().maxMemory())
          + " (raise the heap with XCERT_JAVA_OPTS=-Xmx..., or ask a smaller question)");
    }
  }

  /** Bytes as "1.5 GiB". */
  public static String human(long bytes) {
    if (bytes < 0) {
      return "more than 8 EiB";
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
