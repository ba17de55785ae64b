package xcert.explainers.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistancesTest {

  @Test
  void l1ByHand() {
    // |1−0| + |2−2| + |3−5| = 3
    assertEquals(3.0, Distances.l1(new double[] {1, 2, 3}, new double[] {0, 2, 5}));
  }

  @Test
  void cosineByHand() {
    // orthogonal: cos 0 → 1; parallel: 0; opposite: 2
    assertEquals(1.0, Distances.cosine(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
    assertEquals(0.0, Distances.cosine(new double[] {1, 1}, new double[] {2, 2}), 1e-15);
    assertEquals(2.0, Distances.cosine(new double[] {1, 0}, new double[] {-1, 0}), 1e-15);
    // (3,4)·(4,3) = 24, norms 5 and 5: 1 − 24/25 = 1/25
    assertEquals(1.0 / 25, Distances.cosine(new double[] {3, 4}, new double[] {4, 3}), 1e-15);
    // the zero-vector conventions
    assertEquals(0.0, Distances.cosine(new double[] {0, 0}, new double[] {0, 0}));
    assertEquals(1.0, Distances.cosine(new double[] {0, 0}, new double[] {1, 0}));
  }

  @Test
  void rSquaredByHand() {
    // f = (1,2,3), mean 2, SS_tot = 1 + 0 + 1 = 2; g = (1,2,4), SS_res = 1; R² = 1 − 1/2
    assertEquals(0.5, Distances.rSquared(new double[] {1, 2, 3}, new double[] {1, 2, 4}), 1e-15);
    assertEquals(1.0, Distances.rSquared(new double[] {1, 2, 3}, new double[] {1, 2, 3}));
    assertEquals(1.0, Distances.rSquared(new double[] {2, 2}, new double[] {2, 2}));
    assertTrue(Double.isNaN(Distances.rSquared(new double[] {2, 2}, new double[] {2, 3})));
  }

  @Test
  void mismatchedLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Distances.l1(new double[2], new double[3]));
    assertTrue(e.getMessage().contains("different lengths: 2 and 3"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Distances.cosine(new double[2], new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> Distances.rSquared(new double[0], new double[0]));
  }
}
