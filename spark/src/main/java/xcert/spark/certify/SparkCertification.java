package xcert.spark.certify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import xcert.certificates.Certification;
import xcert.certificates.Certifier;
import xcert.certificates.Family;
import xcert.certificates.io.CertificateFile;
import xcert.certificates.problem.BinomialPartition;
import xcert.solvers.errors.InputException;
import xcert.solvers.result.Provenance;
import xcert.spark.SparkContexts;
import xcert.spark.SparkProvenance;
import xcert.spark.SparkSettings;

/**
 * {@code xcert certify FAMILY --full --engine spark}: the candidate certificate found as {@link
 * Certification#certify} finds it (closed form or LP made exact, on the orbits, on the driver),
 * then checked lifted onto all 2^d sets of the full LP by a Spark job ({@link SparkFullLpCheck}),
 * for d up to {@link SparkFullLpCheck#MAX_D} instead of {@link Certification#MAX_FULL_D}. A
 * certificate the orbit check refuses is reported as it is, without the full check (by the lifting
 * argument the full check would refuse it too).
 */
public final class SparkCertification {

  private SparkCertification() {}

  /**
   * The single-machine result's equal (same certificate, bounds, sets and method) and the job.
   *
   * @param result the result, its outcome checked on the full LP
   * @param provenance the full-LP job, or null when the orbit check already refused
   */
  public record Result(Certification.Result result, SparkProvenance provenance) {}

  /** Certifies {@code family} at each of {@code ds} on the full LP, in one context of its own. */
  public static java.util.List<Result> certify(Family family, java.util.List<Integer> ds,
      BinomialPartition.Rule rule, SparkSettings settings, Consumer<String> progress) {
    for (int d : ds) {
      checkD(family, d);
    }
    return SparkContexts.run(settings, "xcert certify " + family.id(), sc -> ds.stream()
        .map(d -> certify(sc, family, d, rule, settings, progress)).toList());
  }

  /** Certifies {@code family} at {@code d} on the full LP. */
  public static Result certify(JavaSparkContext sc, Family family, int d,
      BinomialPartition.Rule rule, SparkSettings settings, Consumer<String> progress) {
    checkD(family, d);
    long t0 = System.nanoTime();
    Certifier.Outcome orbit = Certifier.certify(family.id(), d, rule, Certifier.Mode.SYMMETRIC);
    BinomialPartition p = family == Family.BINOMIAL_INSERTION ? BinomialPartition.of(d, rule)
        : null;
    if (!orbit.certified()) {
      return new Result(new Certification.Result(family, d, p, orbit, provenance(orbit)), null);
    }
    Certification.Result onOrbits = new Certification.Result(family, d, p, orbit,
        provenance(orbit));
    StringWriter text = new StringWriter();
    try {
      CertificateFile.write(text, onOrbits.header(), orbit.certificate(), onOrbits.optimum());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String source = family.id() + "-d" + d + ".cert";
    SparkFullLpCheck.Result full = SparkFullLpCheck.check(sc, source, text.toString(), settings,
        progress);
    Certifier.Outcome o = new Certifier.Outcome(Certifier.problem(family.id(), d, rule),
        orbit.structure(), orbit.certificate(), full.verification(), Certifier.Mode.FULL,
        (System.nanoTime() - t0) / 1e9);
    return new Result(new Certification.Result(family, d, p, o, provenance(o)), full.provenance());
  }

  private static void checkD(Family family, int d) {
    if (!family.builtIn()) {
      throw InputException.setting("family", "the polynomial family is not certified on Spark");
    }
    if (d < family.minD() || d > SparkFullLpCheck.MAX_D) {
      throw InputException.setting("d", d + " is out of range; expected " + family.minD() + ".."
          + SparkFullLpCheck.MAX_D + " for the full LP on Spark");
    }
  }

  private static Provenance provenance(Certifier.Outcome o) {
    return new Provenance(Provenance.Kind.CERTIFIED, o.method(), 0, 0, "");
  }
}
