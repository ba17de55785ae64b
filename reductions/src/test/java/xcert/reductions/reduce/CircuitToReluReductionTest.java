package xcert.reductions.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.errors.InputException;
import xcert.solvers.result.Provenance;

class CircuitToReluReductionTest {

  @Test
  void autoIsExhaustiveAndExactOnSmallCircuits(@TempDir Path dir) throws Exception {
    CircuitToReluReduction.Result r = CircuitToReluReduction.compile(
        Examples.file("majority3.expr"), CircuitToReluReduction.Settings.defaults());
    assertTrue(r.agrees());
    assertEquals(CheckMode.EXHAUSTIVE, r.mode());
    assertEquals(8, r.exhaustive().points());
    assertEquals(Provenance.Kind.EXACT, r.check().provenance().kind());
    assertTrue(r.provenanceText().startsWith("exact: every point of {0,1}^3"));
    assertEquals(List.of("network", "dot", "walkthrough"),
        List.copyOf(r.write(dir).paths().keySet()));
  }

  @Test
  void sampledCarriesItsSampleCountAndSeed() {
    CircuitToReluReduction.Result r = CircuitToReluReduction.compile(Examples.file("uf20-01.cnf"),
        CircuitToReluReduction.Settings.defaults().withCheck(CheckMode.fromId("sampled"))
            .withSamples(1000).withSeed(7));
    assertTrue(r.agrees());
    assertEquals(CheckMode.SAMPLED, r.mode());
    Provenance p = r.check().provenance();
    assertEquals(Provenance.Kind.SAMPLED, p.kind());
    assertEquals(1000, p.samples());
    assertEquals(7, p.seed());
    assertEquals(1000, r.sampled().n());
  }

  @Test
  void secondOutputOfTheHalfAdder() {
    CircuitToReluReduction.Result r = CircuitToReluReduction.compile(
        Examples.file("half-adder.aag"), CircuitToReluReduction.Settings.defaults().withOutput(2));
    assertTrue(r.agrees());
    assertEquals(2, r.output());
    InputException e = assertThrows(InputException.class, () -> CircuitToReluReduction.compile(
        Examples.file("half-adder.aag"), CircuitToReluReduction.Settings.defaults().withOutput(3)));
    assertEquals("output", e.source());
  }

  @Test
  void checkModesAndBadSettings() {
    assertEquals(List.of("auto", "exhaustive", "sampled"), CheckMode.ids());
    for (CheckMode m : CheckMode.values()) {
      assertEquals(m, CheckMode.fromId(m.id()));
    }
    InputException e = assertThrows(InputException.class, () -> CheckMode.fromId("bogus"));
    assertTrue(e.isSetting());
    assertEquals("check", e.source());
    assertEquals("'bogus' is not a check; expected auto, exhaustive or sampled", e.problem());
    e = assertThrows(InputException.class,
        () -> CircuitToReluReduction.Settings.defaults().withSamples(0));
    assertEquals("samples", e.source());
    assertEquals("0 is out of range; expected 1..10^9 samples (xcert's size policy)", e.problem());
  }
}
