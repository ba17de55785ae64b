package xcert.certificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.check.Verification;
import xcert.certificates.io.CertificateFile;
import xcert.certificates.io.CertificateSummary;
import xcert.certificates.orbit.SymmetricBinomialOrbits;
import xcert.certificates.problem.BinomialPartition;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;

/**
 * Certifies the least total error of a built-in {@link Family} at each d of a range (seed 002
 * Theorem 1, Lemma 1, Theorem 2; the LP of Appendix A.3): a candidate certificate from a closed form
 * or an LP solve made exact, checked in exact arithmetic on every set of the full LP (d ≤ {@link
 * #MAX_FULL_D}) or on the orbits of the symmetry group (any d, a full proof by the lifting argument).
 *
 * <pre>{@code
 * Certification.Run run = Certification.certify(Family.MONOMIAL_DELETION,
 *     Certification.Settings.defaults().withD(2, 10));
 * run.results().forEach(r -> System.out.println(r.d() + " " + r.optimum()));
 * }</pre>
 */
public final class Certification {

  /** Largest d of the full-LP check (2^26 sets). */
  public static final int MAX_FULL_D = Certifier.MAX_FULL_D;
  /** Largest d of the symmetric check. */
  public static final int MAX_SYMMETRIC_D = 100_000;

  private Certification() {}

  /**
   * @param ds the dimensions, in order
   * @param partition where the extra features of the binomial go when 3 does not divide d
   * @param symmetric check on the orbits (any d) instead of on every set of the full LP
   */
  public record Settings(List<Integer> ds, BinomialPartition.Rule partition, boolean symmetric) {
    public Settings {
      ds = List.copyOf(ds);
      Objects.requireNonNull(partition);
    }

    /** d = 2..20, middle partition, full LP. */
    public static Settings defaults() {
      return new Settings(range(2, 20), BinomialPartition.Rule.MIDDLE, false);
    }

    public Settings withDs(List<Integer> d) {
      return new Settings(d, partition, symmetric);
    }

    /** Every d from {@code from} to {@code to}. */
    public Settings withD(int from, int to) {
      return withDs(range(from, to));
    }

    public Settings withPartition(BinomialPartition.Rule p) {
      return new Settings(ds, p, symmetric);
    }

    public Settings withSymmetric(boolean s) {
      return new Settings(ds, partition, s);
    }

    private static List<Integer> range(int from, int to) {
      return IntStream.rangeClosed(from, to).boxed().toList();
    }
  }

  /**
   * One d's certified (or not) optimum.
   *
   * @param family the family
   * @param d the dimension
   * @param partition the binomial's parts, e.g. "(6, 8, 6)", else null
   * @param outcome the certificate and its exact check
   * @param provenance certified, with the method
   */
  public record Result(Family family, int d, BinomialPartition partition,
      Certifier.Outcome outcome, Provenance provenance) {

    public boolean certified() {
      return outcome.certified();
    }

    /** The certified optimum, or null when not certified. */
    public BigFraction optimum() {
      return certified() ? outcome.verification().optimum() : null;
    }

    /** The ordered fields of one d, as `xcert certify --json` prints them. */
    public Map<String, Object> fields() {
      Map<String, Object> row = fieldsOf(d, outcome);
      if (partition != null) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("d", d);
        r.put("partition", partition.toString());
        row.forEach(r::putIfAbsent);
        return r;
      }
      return row;
    }

    /** The header of this result's certificate file. */
    public Map<String, String> header() {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("family", family.id());
      h.put("d", Integer.toString(d));
      if (partition != null) {
        h.put("partition", partition.n1() + "," + partition.n2() + "," + partition.n3());
        h.put("structure", outcome.structure() instanceof SymmetricBinomialOrbits
            ? "symmetric-binomial" : "binomial-product");
      } else {
        h.put("structure", "monomial");
      }
      return h;
    }

    /** Writes the certificate to {@code dir/FAMILY-dD.cert}; nothing when not certified. */
    public Path write(Path dir) throws IOException {
      Path file = dir.resolve(family.id() + "-d" + d + ".cert");
      if (certified()) {
        Files.createDirectories(dir);
        CertificateFile.write(file, header(), outcome.certificate(), optimum());
      }
      return file;
    }
  }

  /** The results of one family over a range of d. */
  public record Run(Family family, Settings settings, List<Result> results) {
    public Run {
      results = List.copyOf(results);
    }

    /**
     * Writes one certificate file per certified d, and the summary {@code FAMILY.json} with a plot
     * {@code FAMILY.png} of the optima beside the paper's curves (when two or more are positive).
     */
    public void write(Path dir) throws IOException {
      Files.createDirectories(dir);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Result r : results) {
        r.write(dir);
        rows.add(r.fields());
      }
      CertificateSummary.write(dir, family.id(), settings.partition(), rows);
    }
  }

  /** Certifies {@code family} at every d of the settings. */
  public static Run certify(Family family, Settings settings) {
    checkApplies(family, settings);
    List<Result> out = new ArrayList<>();
    for (int d : settings.ds()) {
      out.add(certify(family, d, settings));
    }
    return new Run(family, settings, out);
  }

  /**
   * Refuses settings the family does not read: a partition other than the default (middle) for the
   * monomial families, which have no parts.
   *
   * @throws InputException naming the setting ({@link InputException#isSetting})
   */
  public static void checkApplies(Family family, Settings settings) {
    if (family != Family.BINOMIAL_INSERTION
        && settings.partition() != BinomialPartition.Rule.MIDDLE) {
      throw InputException.setting("partition", "does not apply to " + family.id() + "; the "
          + "partition rule splits the features of binomial-insertion only");
    }
  }

  /** Certifies {@code family} at one d. */
  public static Result certify(Family family, int d, Settings settings) {
    if (!family.builtIn()) {
      throw InputException.setting("family", "the polynomial family is certified by "
          + "PolynomialCertification");
    }
    int max = settings.symmetric() ? MAX_SYMMETRIC_D : MAX_FULL_D;
    if (d < family.minD() || d > max) {
      throw InputException.setting("d", d + " is out of range; expected " + family.minD() + ".."
          + max);
    }
    Certifier.Outcome o = Certifier.certify(family.id(), d, settings.partition(),
        settings.symmetric() ? Certifier.Mode.SYMMETRIC : Certifier.Mode.FULL);
    BinomialPartition p = family == Family.BINOMIAL_INSERTION
        ? BinomialPartition.of(d, settings.partition()) : null;
    return new Result(family, d, p, o, provenance(o));
  }

  static Provenance provenance(Certifier.Outcome o) {
    return new Provenance(Provenance.Kind.CERTIFIED, o.method(), 0, 0, "");
  }

  /** The ordered fields of an outcome at d, without a partition. */
  static Map<String, Object> fieldsOf(int d, Certifier.Outcome o) {
    Verification v = o.verification();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("d", d);
    row.put("optimum", o.certified() ? Rationals.format(v.optimum()) : null);
    row.put("lowerBound", v.lowerBound() == null ? null : Rationals.format(v.lowerBound()));
    row.put("upperBound", Rationals.format(v.upperBound()));
    row.put("certified", o.certified());
    row.put("checked", o.mode() == Certifier.Mode.FULL ? "full LP" : "orbits");
    row.put("sets", v.sets());
    row.put("method", o.method());
    row.put("seconds", o.seconds());
    if (!v.dualFeasible()) {
      row.put("infeasibility", v.infeasibility());
    }
    return row;
  }
}
