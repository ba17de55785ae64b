package xcert.explainers.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.metrics.InsertionDeletion.Curve;
import xcert.explainers.metrics.InsertionDeletion.Kind;

class InsertionDeletionTest {

  private static final CpuBackend CPU = new CpuBackend(1);

  @Test
  void linearModelByHand() {
    // f = 3x1 + x2 − 2x3, x0 = (1,1,1), r = 0, α = θ ⊙ x0 = (3, 1, −2) (zero error, seed 002 §2)
    var f = Models.affine(0, 3, 1, -2);
    double[] x0 = {1, 1, 1};
    double[] r = {0, 0, 0};
    var a = Models.attribution(3, 1, -2);
    // signed order 1, 2, 3. Insertion: 000 → 0, 100 → 3, 110 → 4, 111 → 2;
    // AUC = (0+3)/2 + (3+4)/2 + (4+2)/2 = 8
    Curve ins = InsertionDeletion.curve(Kind.INSERTION, f, x0, r, a, Ranking.SIGNED, CPU);
    assertArrayEquals(new int[] {0, 1, 2}, ins.order());
    assertArrayEquals(new double[] {0, 3, 4, 2}, ins.values(), 1e-12);
    assertEquals(8, ins.auc(), 1e-12);
    assertEquals(8.0 / 3, ins.normalisedAuc(), 1e-12);
    assertArrayEquals(new double[4], ins.errors(), 1e-12);
    // deletion: 111 → 2, 011 → −1, 001 → −2, 000 → 0; AUC = ½ − 3/2 − 1 = −2
    Curve del = InsertionDeletion.curve(Kind.DELETION, f, x0, r, a, Ranking.SIGNED, CPU);
    assertArrayEquals(new double[] {2, -1, -2, 0}, del.values(), 1e-12);
    assertEquals(-2, del.auc(), 1e-12);
    assertArrayEquals(new double[4], del.errors(), 1e-12);
    // by magnitude: order 1, 3, 2; insertion 000 → 0, 100 → 3, 101 → 1, 111 → 2; AUC = 3/2 + 2 + 3/2
    Curve mag = InsertionDeletion.curve(Kind.INSERTION, f, x0, r, a, Ranking.MAGNITUDE, CPU);
    assertArrayEquals(new int[] {0, 2, 1}, mag.order());
    assertEquals(5, mag.auc(), 1e-12);
  }

  @Test
  void conjunctionHasInsertionError() {
    // f = x1 ∧ x2, x0 = 11, r = 00, α = (½, ½): insertion 0, 0, 1;
    // InsErr at k = 1: |0 − 0 − ½| = ½, at k = 2: |1 − 0 − 1| = 0
    Curve c = InsertionDeletion.curve(Kind.INSERTION, Models.and12(2), new double[] {1, 1},
        new double[] {0, 0}, Models.attribution(0.5, 0.5), Ranking.MAGNITUDE, CPU);
    assertArrayEquals(new double[] {0, 0, 1}, c.values());
    assertArrayEquals(new double[] {0, 0.5, 0}, c.errors(), 1e-15);
    assertEquals(0.5, c.auc());
  }

  @Test
  void mismatchedLengths() {
    assertThrows(IllegalArgumentException.class, () -> InsertionDeletion.curve(Kind.DELETION,
        Models.and12(2), new double[] {1, 1}, new double[] {0}, Models.attribution(1, 1),
        Ranking.SIGNED, CPU));
  }
}
