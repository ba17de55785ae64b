package xcert.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;

/**
 * Both counting routes on the SATLIB instances: every uf20-91 count equals the published exact count
 * (data/satlib/uf20-91-model-counts.tsv, found by enumerating 2^20 assignments), every uf50-218 count
 * is positive and every uuf50-218 count is zero.
 */
class SatlibCountsTest {

  static Path satlib() {
    return xcert.solvers.TestData.satlib();
  }

  @Test
  void uf20CountsEqualThePublishedCounts() throws IOException {
    List<String> lines = Files.readAllLines(satlib().resolve("uf20-91-model-counts.tsv"));
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      Circuit c = DimacsFormat.read(satlib().resolve("uf20-91").resolve(f[0]));
      BigInteger expected = new BigInteger(f[3]);
      assertEquals(expected, WeightedModelCounter.dnnf(c, 0).modelCount(), f[0] + " d-DNNF");
      assertEquals(expected, WeightedModelCounter.bdd(c, 0).modelCount(), f[0] + " BDD");
      checked++;
    }
    assertEquals(100, checked);
  }

  @Test
  void uf50IsSatisfiableAndUuf50IsNot() throws IOException {
    for (String folder : new String[] {"uf50-218", "uuf50-218"}) {
      try (Stream<Path> files = Files.list(satlib().resolve(folder))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".cnf")).toList()) {
          BigInteger count = WeightedModelCounter.dnnf(DimacsFormat.read(p), 0).modelCount();
          assertTrue(folder.startsWith("uf") ? count.signum() > 0 : count.signum() == 0,
              p + ": " + count);
        }
      }
    }
  }
}
