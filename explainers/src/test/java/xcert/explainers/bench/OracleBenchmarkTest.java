package xcert.explainers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's cases as the issue states them; no timing here (that is xcert bench oracle). */
class OracleBenchmarkTest {

  @Test
  void threeNetworksFourInputsSixExplainers() {
    List<OracleBenchmark.Case> cases = OracleBenchmark.cases();
    assertEquals(List.of(12, 10, 12), cases.stream().map(c -> c.f().dimension()).toList());
    for (OracleBenchmark.Case c : cases) {
      assertEquals(4, c.inputs().length, c.name());
      assertEquals(30, c.background().length, c.name());
      for (double[] x : c.inputs()) {
        assertEquals(c.f().dimension(), x.length, c.name());
      }
      // the reference point is the background's mean
      double m0 = 0;
      for (double[] r : c.background()) {
        m0 += r[0];
      }
      assertEquals(m0 / 30, c.reference()[0], 1e-12 * Math.abs(m0));
    }
    assertEquals(6, OracleBenchmark.METHODS.size());
    assertEquals(6, OracleBenchmark.METHODS.stream().map(OracleBenchmark.Explainer::against)
        .distinct().count(), "each explainer against a different exact counterpart");
  }
}
