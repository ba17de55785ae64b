package xcert.spark.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xcert.certificates.CertificateCheck;
import xcert.certificates.Certification;
import xcert.certificates.Family;
import xcert.certificates.problem.BinomialPartition;
import xcert.spark.LocalSpark;
import xcert.spark.SparkSettings;

/** Full-LP certificate checks on Spark (local[2]) give the single-machine verdicts. */
class SparkCertifyTest {

  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    sc = LocalSpark.open("SparkCertifyTest");
  }

  @AfterAll
  static void stop() {
    sc.close();
  }

  private static Map<String, Object> withoutTime(Map<String, Object> fields) {
    fields.remove("seconds");
    return fields;
  }

  @Test
  void certifyFullEqualsLocal() {
    for (Family fam : new Family[] {Family.MONOMIAL_DELETION, Family.BINOMIAL_INSERTION}) {
      int d = fam == Family.MONOMIAL_DELETION ? 11 : 13;
      Certification.Result local = Certification.certify(fam, Certification.Settings.defaults()
          .withD(d, d)).results().get(0);
      SparkCertification.Result spark = SparkCertification.certify(sc, fam, d,
          BinomialPartition.Rule.MIDDLE, SparkSettings.defaults().withTasks(7), s -> { });
      assertTrue(local.certified());
      assertEquals(1L << d, spark.result().outcome().verification().sets());
      assertEquals(withoutTime(local.fields()), withoutTime(spark.result().fields()));
      assertEquals(7, spark.provenance().tasks());
      assertEquals("local[2]", spark.provenance().master());
    }
  }

  @Test
  void checkFileEqualsLocal(@TempDir Path dir) throws Exception {
    Certification.Result r = Certification.certify(Family.BINOMIAL_INSERTION,
        Certification.Settings.defaults().withD(10, 10)).results().get(0);
    Path file = r.write(dir);
    CertificateCheck.Verdict local = CertificateCheck.check(file);
    SparkCertificateCheck.Result spark = SparkCertificateCheck.check(sc, file,
        SparkSettings.defaults(), s -> { });
    assertTrue(local.claimHolds());
    assertEquals(local, spark.verdict());
    assertEquals("orbits and full LP (1024 sets)", spark.verdict().checked());
  }

  @Test
  void tamperedFileFailsAlike(@TempDir Path dir) throws Exception {
    Certification.Result r = Certification.certify(Family.MONOMIAL_DELETION,
        Certification.Settings.defaults().withD(9, 9)).results().get(0);
    Path file = r.write(dir);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    // every class's z pushed beyond the box |y_S| <= 1: infeasible on many sets, the first
    // violation in index order must be reported whatever the order the tasks finish in
    String tampered = text.replaceAll("(?m)^z (\\d+) .*$", "z $1 7/2");
    assertFalse(tampered.equals(text));
    Path bad = dir.resolve("bad.cert");
    Files.writeString(bad, tampered, StandardCharsets.UTF_8);
    CertificateCheck.Verdict local = CertificateCheck.check(bad);
    SparkCertificateCheck.Result spark = SparkCertificateCheck.check(sc, bad,
        SparkSettings.defaults().withTasks(5), s -> { });
    assertFalse(local.certified());
    assertNotNull(local.infeasibility());
    assertEquals(local, spark.verdict());
  }
}
