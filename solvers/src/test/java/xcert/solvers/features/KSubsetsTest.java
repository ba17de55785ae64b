package xcert.solvers.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;

class KSubsetsTest {

  /** Every k-subset exactly once, in report order, in all three views, for d ≤ 9. */
  @Test
  void everySubsetOnceInReportOrder() {
    for (int d = 0; d <= 9; d++) {
      for (int k = 0; k <= d + 1; k++) {
        List<FeatureSet> expected = new ArrayList<>();
        for (long m = 0; m < 1L << d; m++) {
          if (Long.bitCount(m) == k) {
            expected.add(FeatureSet.ofMask(m));
          }
        }
        expected.sort(null);
        List<FeatureSet> viaSets = new ArrayList<>();
        KSubsets.of(d, k).forEach(viaSets::add);
        List<FeatureSet> viaMasks = new ArrayList<>();
        PrimitiveIterator.OfLong it = KSubsets.masks(d, k);
        while (it.hasNext()) {
          viaMasks.add(FeatureSet.ofMask(it.nextLong()));
        }
        assertEquals(expected, viaSets, "d=" + d + " k=" + k);
        assertEquals(expected, viaMasks, "d=" + d + " k=" + k);
        assertEquals(BigInteger.valueOf(expected.size()), KSubsets.count(d, k));
      }
    }
  }

  @Test
  void nextAdvancesInPlaceAndStopsAfterTheLast() {
    int[] c = KSubsets.first(2);
    List<String> seen = new ArrayList<>();
    do {
      seen.add(c[0] + "" + c[1]);
    } while (KSubsets.next(c, 4));
    assertEquals(List.of("01", "02", "03", "12", "13", "23"), seen);
    assertEquals("23", c[0] + "" + c[1]);
    assertFalse(KSubsets.next(new int[0], 3));
    assertTrue(KSubsets.of(70, 1).iterator().hasNext());
    assertEquals(BigInteger.valueOf(2415), KSubsets.count(70, 2));
  }
}
