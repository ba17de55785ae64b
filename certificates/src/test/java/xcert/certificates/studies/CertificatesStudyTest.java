package xcert.certificates.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.solvers.report.Report;

/** The certificates study on a small configuration: every optimum certified, Corollary 1 as seeded. */
class CertificatesStudyTest {

  @Test
  @SuppressWarnings("unchecked")
  void smallConfigurationCertifiesEverythingAndWritesItsFiles(@TempDir Path dir) {
    List<String> progress = new ArrayList<>();
    Report r = new CertificatesStudy(dir, new CertificatesStudy.Config(8, 40, 6))
        .run(false, progress::add);
    assertEquals("certificates", r.id());
    assertEquals(List.of("corollary1", "full_certified", "full_total", "full_seconds",
        "full_optima", "symmetric", "fits", "lower_bound_validity"),
        new ArrayList<>(r.data().keySet()));
    // monomial deletion and insertion at d = 2..8, binomial insertion at d = 3..8
    assertEquals(7 + 7 + 6, r.data().get("full_total"));
    assertEquals(r.data().get("full_total"), r.data().get("full_certified"));
    Map<String, Map<String, String>> optima =
        (Map<String, Map<String, String>>) r.data().get("full_optima");
    assertEquals("69", optima.get("monomial-deletion").get("8")); // C(8,4) − 1
    assertEquals("1", optima.get("monomial-insertion").get("8")); // Lemma 1 is tight
    for (Map<String, String> row : (List<Map<String, String>>) r.data().get("symmetric")) {
      String[] c = row.get("certified").split("/");
      assertEquals(c[0], c[1], row.toString());
    }
    // Corollary 1: the prose reading holds for both polynomials, the printed one fails somewhere
    List<Map<String, String>> cor = (List<Map<String, String>>) r.data().get("corollary1");
    assertEquals(8, cor.size());
    for (Map<String, String> row : cor) {
      boolean prose = row.get("polynomial | error | reading").endsWith("prose");
      assertEquals(prose, row.get("sets with nonzero error").equals("0"), row.toString());
    }
    assertTrue(Files.exists(dir.resolve("certificates.png")));
    assertTrue(Files.exists(dir.resolve("corollary1-failures.tsv")));
    assertFalse(progress.isEmpty());
    assertTrue(r.blocks().stream().anyMatch(b -> b instanceof Report.Table));
  }
}
