package xcert.solvers.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xcert.solvers.io.IoAssertions.assertInputError;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import xcert.solvers.setfunction.Subsets;

class FeatureSetTest {

  private static void bad(String text, int d, String... fragments) {
    assertInputError(() -> FeatureSet.parse("--set", text, d), "--set", 0, 0, fragments);
  }

  private static long mask(String text, int d) {
    return FeatureSet.parse("--set", text, d).mask();
  }

  @Test
  void listsRangesAndTheEmptySet() {
    assertEquals(0b10101L, mask("1,3,5", 5));
    assertEquals(0b1110L, mask("2-4", 5));
    assertEquals(0b11011L, mask(" 1-2 , 4,5 ", 5));
    assertEquals(0L, mask("-", 5));
    assertEquals(0L, mask("{}", 5));
    assertEquals(0b101L, mask("{1,3}", 3));
    assertEquals(1L << 63, mask("64", 64));
  }

  @Test
  void formatAndList() {
    assertEquals("{1,3,5}", Subsets.format(0b10101L));
    assertEquals("{}", Subsets.format(0L));
    assertEquals("{64}", Subsets.format(1L << 63));
    assertArrayEquals(new int[] {2, 3, 4}, Subsets.toFeatures(0b1110L));
    assertArrayEquals(new int[0], Subsets.toFeatures(0L));
    for (long m = 0; m < 1 << 7; m++) {
      assertEquals(m, mask(Subsets.format(m), 7), "round trip of " + m);
      assertEquals(Subsets.format(m), FeatureSet.ofMask(m).toString());
    }
  }

  @Test
  void errors() {
    bad("0,1", 3, "feature 0 is out of range", "1..3");
    bad("4", 3, "feature 4 is out of range", "1..3");
    bad("1,2,1", 3, "feature 1 is listed twice");
    bad("1-3,2", 3, "feature 2 is listed twice");
    bad("3-1", 3, "range '3-1' is empty", "1-3");
    bad("1,a", 3, "'a' is not a feature index", "such as 1,3,5");
    bad("1,,2", 3, "an empty entry");
    bad("2-", 3, "an empty entry in '2-'");
    bad("", 3, "empty", "- for the empty set");
    bad("99999999999", 100, "feature 99999999999 is out of range");
  }

  @Test
  void setsBeyondSixtyFourFeaturesAreValuesButNotMasks() {
    FeatureSet s = FeatureSet.parse("--set", "64-65", 100);
    assertEquals(FeatureSet.of(64, 65), s);
    assertEquals(2, s.size());
    assertEquals(65, s.largest());
    assertFalse(s.fitsMask());
    IllegalStateException e = assertThrows(IllegalStateException.class, s::mask);
    assertTrue(e.getMessage().contains("features 1..64"), e.getMessage());
    BitSet b = s.toBitSet();
    assertTrue(b.get(63) && b.get(64) && b.cardinality() == 2);
    assertEquals(s, FeatureSet.of(b));
  }

  @Test
  void algebraAndEquality() {
    FeatureSet s = FeatureSet.of(1, 3);
    assertEquals(FeatureSet.of(2, 4, 5), s.complement(5));
    assertEquals(FeatureSet.all(5), FeatureSet.of(1, 2, 3, 4, 5));
    assertEquals(FeatureSet.all(70).size(), 70);
    assertEquals(FeatureSet.of(1, 3, 4), s.with(4));
    assertEquals(FeatureSet.of(3), s.without(1));
    assertEquals(FeatureSet.empty(), FeatureSet.of(70).without(70));
    assertEquals(FeatureSet.empty().hashCode(), FeatureSet.of(70).without(70).hashCode());
    assertTrue(s.contains(3) && !s.contains(2) && !s.contains(0) && !s.contains(200));
    assertTrue(s.within(3) && !s.within(2));
  }

  @Test
  void reportOrderIsBySizeThenLexicographic() {
    List<FeatureSet> sets = new ArrayList<>();
    for (long m = 0; m < 1 << 5; m++) {
      sets.add(FeatureSet.ofMask(m));
    }
    sets.sort(null);
    List<Integer> masks = new ArrayList<>();
    for (FeatureSet s : sets) {
      masks.add((int) s.mask());
    }
    List<Integer> expected = new ArrayList<>();
    for (int m = 0; m < 1 << 5; m++) {
      expected.add(m);
    }
    expected.sort(Subsets.REPORT_ORDER);
    assertEquals(expected, masks);
    assertTrue(FeatureSet.of(1, 70).compareTo(FeatureSet.of(2, 3)) < 0);
    assertTrue(FeatureSet.of(2, 70).compareTo(FeatureSet.of(2, 3)) > 0);
  }
}
