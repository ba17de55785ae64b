package xcert.reductions.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.errors.InputException;
import xcert.solvers.result.Provenance;

class SatToApReductionTest {

  @Test
  void lemma36HoldsExactlyOnUf2001AndWritesThreeFiles(@TempDir Path dir) throws Exception {
    SatToApReduction.Result r = SatToApReduction.reduce(Examples.file("uf20-01.cnf"),
        SatToApReduction.Settings.defaults().withDelta("1/3"));
    assertTrue(r.lemma().satisfiable());
    assertTrue(r.claimHolds());
    assertEquals(1, r.checks().size());
    assertEquals(Provenance.Kind.EXACT, r.checks().get(0).provenance().kind());
    assertEquals(20, r.parameters().d());
    assertEquals(100, r.parameters().kPrime());
    assertNull(r.inequalities());
    assertNull(r.procedure());
    ReductionFiles.Written w = r.write(dir);
    assertTrue(w.skipped().isEmpty());
    assertEquals(3, w.paths().size());
    assertTrue(Files.readString(dir.resolve("uf20-01-ap.aag")).startsWith("aag "));
    assertEquals(r.walkthrough(), Files.readString(dir.resolve("uf20-01-ap-walkthrough.md")));
    assertTrue(Files.exists(dir.resolve("uf20-01-ap.dot")));
  }

  @Test
  void theorem34AddsItsInequalitiesAndTheDecisionProcedure() {
    SatToApReduction.Result r = SatToApReduction.reduce(Examples.file("uf20-01.cnf"),
        SatToApReduction.Settings.defaults().withDelta("0.9").withAlpha("1/2"));
    assertEquals(BigFraction.of(9, 10), r.parameters().delta());
    assertNotNull(r.inequalities());
    assertNotNull(r.procedure());
    assertEquals(3, r.checks().size());
    assertTrue(r.checks().stream().allMatch(Check::holds));
    assertTrue(r.procedure().allCorrect());
  }

  @Test
  void badSettingsNameTheSetting() {
    InputException e = assertThrows(InputException.class,
        () -> SatToApReduction.Settings.defaults().withDelta("2"));
    assertTrue(e.isSetting());
    assertEquals("delta", e.source());
    assertEquals("δ = 2 is out of range; expected δ in (0,1), e.g. 1/2", e.problem());
    e = assertThrows(InputException.class, () -> SatToApReduction.reduce(
        Examples.file("uf20-01.cnf"), SatToApReduction.Settings.defaults()
            .withAlpha(BigFraction.of(1, 2)).withM(BigInteger.TEN)));
    assertEquals("m", e.source());
    e = assertThrows(InputException.class, () -> SatToApReduction.reduce(
        Examples.file("uf20-01.cnf"), SatToApReduction.Settings.defaults().withM(BigInteger.ONE)));
    assertEquals("m", e.source());
    assertEquals("1 is below k' = 120; Lemma 3.6 needs m' >= k'", e.problem());
  }
}
