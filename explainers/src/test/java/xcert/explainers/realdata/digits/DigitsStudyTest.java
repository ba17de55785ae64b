package xcert.explainers.realdata.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.report.Report;

/** A small run of the digits study: it finishes, judges every criterion and writes its plots. */
class DigitsStudyTest {

  @Test
  void smallRunJudgesEveryCriterionAndWritesPlots(@TempDir Path out) {
    DigitsStudy.Config c = new DigitsStudy.Config(new int[] {3}, 3, new long[] {16, 256}, 4, 256,
        1, 2, Arithmetic.FLOAT64);
    DigitsStudy.Result r = DigitsStudy.compute(c, DigitsData.folder(), out, new CpuBackend(1),
        line -> { });
    assertEquals(1, r.stability().size());
    assertEquals(2, r.orderings().size());
    assertEquals(10, r.verdicts().list().size());
    assertTrue(r.testAccuracy() > 0.95);
    for (RelevanceOrderingCurves.Result o : r.orderings()) {
      for (java.util.Map.Entry<String, org.apache.commons.numbers.fraction.BigFraction[]> e
          : o.orderings().entrySet()) {
        for (int k = 0; k <= 16; k++) {
          assertTrue(e.getValue()[k].compareTo(o.envelope()[k]) >= 0, e.getKey() + " below D*");
        }
      }
    }
    for (SufficientNecessaryMasks.Result m : r.masks()) {
      for (SufficientNecessaryMasks.Mask k : m.masks()) {
        assertTrue(k.suf() >= k.optSuf() - 1e-12 && k.nec() >= k.optNec() - 1e-12, k.toString());
      }
    }
    assertTrue(Files.isRegularFile(out.resolve(DigitsStudy.R2_PNG)));
    assertTrue(Files.isRegularFile(out.resolve(DigitsStudy.ORDERING_PNG)));
    assertTrue(Files.isRegularFile(out.resolve(DigitsStudy.NEC_PNG)));
    Report rep = new DigitsStudy(out, new CpuBackend(1)).report(r);
    assertEquals("digits", rep.id());
    assertTrue(rep.data().containsKey("verdicts"));
  }
}
