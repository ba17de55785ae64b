package xcert.solvers.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap a benchmark row used at its peak: the heap pools' peak usage (java.lang.management),
 * reset before the row after a full collection. The pools' peaks are added, so the figure is an upper
 * bound on the heap in use at any one moment (the pools need not peak together).
 */
final class HeapPeak {

  private HeapPeak() {}

  /** Collects garbage and starts a new peak. */
  static void reset() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.isValid()) {
        p.resetPeakUsage();
      }
    }
  }

  /** Bytes: the sum of the heap pools' peak usage since the last {@link #reset}. */
  static long peakUsed() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The JVM's maximum heap in bytes. */
  static long max() {
    return Runtime.getRuntime().maxMemory();
  }
}
