package xcert.explainers.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedStabilityTest {

  @Test
  void zeroAtAlphaZeroBoundedAndDeterministic() {
    RegressionConfig c = RegressionConfig.seed004(11);
    RegressionConfig small = new RegressionConfig(c.mu(), c.beta(), 300, 20, 11);
    int[] taus = {3, 6, 9};
    List<UnifiedStability.Point> a = UnifiedStability.run(RegressionSetup.draw(small), taus,
        UnifiedStability.alphaGrid());
    List<UnifiedStability.Point> b = UnifiedStability.run(RegressionSetup.draw(small), taus,
        UnifiedStability.alphaGrid());
    assertEquals(a, b);
    assertEquals(3 * 21, a.size());
    for (UnifiedStability.Point p : a) {
      if (p.alpha() == 0) {
        assertEquals(0, p.mean());
        assertEquals(0, p.sd());
      }
      assertTrue(p.mean() >= 0 && p.mean() <= 1);
      assertTrue(p.low() <= p.mean() && p.mean() <= p.high());
      assertEquals(1.96 * p.sd() / Math.sqrt(20), p.high() - p.mean(), 1e-12);
      assertEquals(20, p.n());
    }
    // sufficiency and necessity do not pick the same sets on every point
    assertTrue(a.stream().anyMatch(p -> p.mean() > 0));
  }
}
