package xcert.explainers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopKJaccardTest {

  private static BitSet set(int... idx) {
    BitSet s = new BitSet();
    for (int i : idx) {
      s.set(i);
    }
    return s;
  }

  @Test
  void topKByMagnitudeBreaksTiesByIndex() {
    // |w| = (0.5, 3, 1, 0): ranks 1, 2, 0, 3 → top-2 = {1, 2}
    assertEquals(set(1, 2), TopKJaccard.topK(new double[] {0.5, -3, 1, 0}, 2));
    // (2, 0, 1, 1): 0 first, then a tie between 2 and 3 → the lower index 2
    assertEquals(set(0, 2), TopKJaccard.topK(new double[] {2, 0, 1, 1}, 2));
    // signed: (0.5, −3, 1, 0) → 2 (1), 0 (0.5), 3 (0), 1 (−3)
    assertEquals(set(0, 2), TopKJaccard.topK(new double[] {0.5, -3, 1, 0}, 2, Ranking.SIGNED));
  }

  @Test
  void jaccardByHand() {
    // {1,2} ∩ {0,2} = {2}, ∪ = {0,1,2}: 1/3
    assertEquals(1.0 / 3, TopKJaccard.jaccard(set(1, 2), set(0, 2)), 1e-15);
    assertEquals(0.0, TopKJaccard.jaccard(set(1, 2), set(0, 3)));
    assertEquals(1.0, TopKJaccard.jaccard(set(), set()));
  }

  @Test
  void meanPairwiseByHand() {
    // top-2 sets: w1 → {1,2}, w2 → {0,2}, w3 = (0,0,0,5) → 3 then the tie 0,1,2 → {0,3}.
    // JI(1,2) = 1/3, JI(1,3) = 0/4 = 0, JI(2,3) = |{0}| / |{0,2,3}| = 1/3; mean = (2/3)/3 = 2/9.
    List<double[]> ws = List.of(new double[] {0.5, -3, 1, 0}, new double[] {2, 0, 1, 1},
        new double[] {0, 0, 0, 5});
    assertEquals(2.0 / 9, TopKJaccard.meanPairwise(ws, 2), 1e-15);
    // K = d: every set is everything
    assertEquals(1.0, TopKJaccard.meanPairwise(ws, 4));
  }

  @Test
  void badInput() {
    double[] w = {1, 2, 3};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TopKJaccard.topK(w, 0));
    assertTrue(e.getMessage().contains("K must be in 1..3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TopKJaccard.topK(w, 4));
    e = assertThrows(IllegalArgumentException.class,
        () -> TopKJaccard.meanPairwise(List.of(w, new double[] {1, 2}), 1));
    assertTrue(e.getMessage().contains("has 2 values"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TopKJaccard.meanPairwise(List.of(w), 1));
    assertThrows(IllegalArgumentException.class,
        () -> TopKJaccard.topK(new double[] {Double.NaN}, 1));
  }
}
