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
      throw new TooLargeException(refusal(what, bytes, avail, Runtime.getRuntime().maxMemory()));
    }
  }

  /** The line of a refusal: the need and the limit, written so that they never read as equal. */
  static String refusal(String what, long bytes, long avail, long max) {
    String[] pair = humanPair(bytes, avail / 10 * 9);
    return what + " needs " + pair[0] + " but at most " + pair[1] + " may be taken (90% of the "
        + human(avail) + " the JVM has free of " + human(max) + "; raise the heap with "
        + "XCERT_JAVA_OPTS=-Xmx..., or ask a smaller question)";
  }

  /**
   * Two different sizes as text that shows they differ: {@link #human} for both, or exact byte
   * counts ("2147483648 bytes") when both round to the same text.
   */
  public static String[] humanPair(long a, long b) {
    String ha = human(a);
    String hb = human(b);
    if (a != b && ha.equals(hb)) {
      return new String[] {a + " bytes", b + " bytes"};
    }
    return new String[] {ha, hb};
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
