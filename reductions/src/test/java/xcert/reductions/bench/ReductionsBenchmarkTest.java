package xcert.reductions.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.InputException;

class ReductionsBenchmarkTest {

  @Test
  void settingsAreValidatedInTheLibrary() {
    ReductionsBenchmark.Settings s = ReductionsBenchmark.Settings.defaults().withDelta("0.25");
    assertEquals(BigFraction.of(1, 4), s.delta());
    assertEquals(3, s.baselineN());
    InputException e = assertThrows(InputException.class,
        () -> ReductionsBenchmark.Settings.defaults().withBaselineN(101));
    assertTrue(e.isSetting());
    assertEquals("baselineN", e.source());
    assertEquals("101 is out of range; expected 0..100", e.problem());
    e = assertThrows(InputException.class,
        () -> ReductionsBenchmark.Settings.defaults().withDelta("1"));
    assertEquals("delta", e.source());
  }
}
