package xcert.reductions.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.errors.InputException;
import xcert.solvers.result.Provenance;

class EmajsatToRelevantReductionTest {

  @Test
  void bothSidesAgreeOnTheExample(@TempDir Path dir) throws Exception {
    for (int n = 0; n <= 3; n++) {
      EmajsatToRelevantReduction.Result r = EmajsatToRelevantReduction.reduce(
          Examples.file("emajsat.expr"), EmajsatToRelevantReduction.Settings.defaults().withN(n)
              .withDelta("3/4"));
      assertTrue(r.claimHolds(), "n = " + n);
      assertEquals(r.solution().satisfiable(), r.decision().relevant());
      assertEquals(Provenance.Kind.EXACT, r.checks().get(0).provenance().kind());
    }
    EmajsatToRelevantReduction.Result r = EmajsatToRelevantReduction.reduce(
        Examples.file("emajsat.expr"), EmajsatToRelevantReduction.Settings.defaults().withN(1));
    assertEquals(3, r.write(dir).paths().size());
    assertTrue(dir.resolve("emajsat-relevant.aag").toFile().isFile());
  }

  @Test
  void badSettingsNameTheSetting() {
    InputException e = assertThrows(InputException.class, () -> EmajsatToRelevantReduction.reduce(
        Examples.file("emajsat.expr"), EmajsatToRelevantReduction.Settings.defaults().withN(9)));
    assertTrue(e.isSetting());
    assertEquals("n", e.source());
    assertEquals("9 is out of range; the circuit has 3 inputs, so expected 0..3", e.problem());
    e = assertThrows(InputException.class,
        () -> EmajsatToRelevantReduction.Settings.defaults().withDelta("1/3"));
    assertEquals("delta", e.source());
    assertEquals("δ = 1/3 is out of range; Theorem 3.3's reduction is for δ in [1/2, 1)",
        e.problem());
  }
}
