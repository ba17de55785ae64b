package xcert.solvers.setfunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xcert.solvers.errors.TooLargeException;

/** Refusals for memory state two sizes that read as different (issue 18: "2.0 GiB but 2.0 GiB"). */
class MemoryBudgetTest {

  private static final long GIB = 1L << 30;

  @Test
  void sizesThatRoundAlikeAreGivenInBytes() {
    assertArrayEquals(new String[] {"2147483649 bytes", "2147483648 bytes"},
        MemoryBudget.humanPair(2 * GIB + 1, 2 * GIB));
    assertArrayEquals(new String[] {"3.0 GiB", "2.0 GiB"}, MemoryBudget.humanPair(3 * GIB, 2 * GIB));
    assertArrayEquals(new String[] {"512 B", "1.0 KiB"}, MemoryBudget.humanPair(512, 1024));
  }

  @Test
  void theRefusalNeverReadsAsEqualSizes() {
    // need 2.0 GiB; 2.2 GiB free, so the limit (90%) is 1.98 GiB, which also prints as "2.0 GiB"
    long avail = 2 * GIB + GIB / 5;
    long limit = avail / 10 * 9;
    String line = MemoryBudget.refusal("the table", 2 * GIB, avail, 4 * GIB);
    assertEquals("the table needs " + 2 * GIB + " bytes but at most " + limit + " bytes may be "
        + "taken (90% of the 2.2 GiB the JVM has free of 4.0 GiB; raise the heap with "
        + "XCERT_JAVA_OPTS=-Xmx..., or ask a smaller question)", line);
  }

  @Test
  void requireRefusesMoreThanTheHeap() {
    TooLargeException e = assertThrows(TooLargeException.class,
        () -> MemoryBudget.require(Runtime.getRuntime().maxMemory() + 1, "the test"));
    assertTrue(e.getMessage().startsWith("the test needs "), e.getMessage());
  }
}
