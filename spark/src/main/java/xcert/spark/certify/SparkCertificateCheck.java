package xcert.spark.certify;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import xcert.certificates.CertificateCheck;
import xcert.certificates.Certifier;
import xcert.certificates.io.CertificateFile;
import xcert.solvers.io.TextFiles;
import xcert.spark.SparkContexts;
import xcert.spark.SparkProvenance;
import xcert.spark.SparkSettings;

/**
 * {@code xcert certify --check FILE --engine spark}: the file re-checked from scratch as {@link
 * CertificateCheck#check} does, on the orbits (on the driver) and lifted onto every set of the full
 * LP by a Spark job ({@link SparkFullLpCheck}), at any d up to {@link SparkFullLpCheck#MAX_D} (the
 * single-machine check stops the full LP at d = {@link Certifier#MAX_FULL_D}).
 *
 * <pre>{@code
 * try (JavaSparkContext sc = SparkContexts.open(SparkSettings.defaults(), "check")) {
 *   SparkCertificateCheck.Result r = SparkCertificateCheck.check(sc, Path.of("c.cert"),
 *       SparkSettings.defaults(), System.err::println);
 * }
 * }</pre>
 */
public final class SparkCertificateCheck {

  private SparkCertificateCheck() {}

  /**
   * The verdict, equal to the single-machine one, and where the full check ran.
   *
   * @param verdict what the check found
   * @param provenance the full-LP job
   */
  public record Result(CertificateCheck.Verdict verdict, SparkProvenance provenance) {}

  /** As {@link #check(JavaSparkContext, Path, SparkSettings, Consumer)}, in a context of its own. */
  public static Result check(Path file, SparkSettings settings, Consumer<String> progress) {
    return SparkContexts.run(settings, "xcert certify --check",
        sc -> check(sc, file, settings, progress));
  }

  /** Reads {@code file} on the driver and checks it; an InputException when it is malformed. */
  public static Result check(JavaSparkContext sc, Path file, SparkSettings settings,
      Consumer<String> progress) {
    String source = file.toString();
    CertificateCheck.Rebuilt r = CertificateCheck.rebuild(source, CertificateFile.read(file));
    String text = TextFiles.readString(file);
    Certifier.Outcome orbit = CertificateCheck.checkOrbits(r);
    long t0 = System.nanoTime();
    SparkFullLpCheck.Result full = SparkFullLpCheck.check(sc, source, text, settings, progress);
    Certifier.Outcome lifted = new Certifier.Outcome(r.problem(), r.structure(), r.certificate(),
        full.verification(), Certifier.Mode.FULL, (System.nanoTime() - t0) / 1e9);
    return new Result(CertificateCheck.verdict(r, orbit, lifted), full.provenance());
  }
}
