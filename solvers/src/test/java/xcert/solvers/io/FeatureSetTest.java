package xcert.solvers.io;

import xcert.solvers.setfn.Subsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static xcert.solvers.io.IoAssertions.assertInputError;

import org.junit.jupiter.api.Test;

class FeatureSetTest {

  private static void bad(String text, int d, String... fragments) {
    assertInputError(() -> FeatureSet.parse(text, d), "--set", 0, 0, fragments);
  }

  @Test
  void listsRangesAndTheEmptySet() {
    assertEquals(0b10101L, FeatureSet.parse("1,3,5", 5));
    assertEquals(0b1110L, FeatureSet.parse("2-4", 5));
    assertEquals(0b11011L, FeatureSet.parse(" 1-2 , 4,5 ", 5));
    assertEquals(0L, FeatureSet.parse("-", 5));
    assertEquals(0L, FeatureSet.parse("{}", 5));
    assertEquals(0b101L, FeatureSet.parse("{1,3}", 3));
    assertEquals(1L << 63, FeatureSet.parse("64", 64));
  }

  @Test
  void formatAndList() {
    assertEquals("{1,3,5}", Subsets.format(0b10101L));
    assertEquals("{}", Subsets.format(0L));
    assertEquals("{64}", Subsets.format(1L << 63));
    assertArrayEquals(new int[] {2, 3, 4}, Subsets.toFeatures(0b1110L));
    assertArrayEquals(new int[0], Subsets.toFeatures(0L));
    for (long m = 0; m < 1 << 7; m++) {
      assertEquals(m, FeatureSet.parse(Subsets.format(m), 7), "round trip of " + m);
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
    bad("65", 100, "sets hold features 1..64");
  }
}
