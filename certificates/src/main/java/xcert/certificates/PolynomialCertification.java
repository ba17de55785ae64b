package xcert.certificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.io.CertificateFile;
import xcert.certificates.orbit.OrbitStructure;
import xcert.certificates.orbit.PolynomialSymmetry;
import xcert.certificates.orbit.ProductOrbits;
import xcert.certificates.orbit.TrivialOrbits;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.MultilinearPolynomial;
import xcert.certificates.problem.PolynomialParser;
import xcert.certificates.problem.PolynomialProblems;
import xcert.certificates.problem.SubsetFamily;
import xcert.certificates.problem.SubsetListFile;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;
import xcert.solvers.setfunction.Subsets;

/**
 * The least total deletion or insertion error (seed 002 Definitions 1 and 3) of any multilinear
 * polynomial at any x over all subsets, the subsets of size ≤ k, or a listed family; reduced by the
 * interchangeable features ({@link PolynomialSymmetry}), solved by GLOP (ojAlgo where the natives are
 * missing), made exact, and checked (the LP of Appendix A.3).
 */
public final class PolynomialCertification {

  private PolynomialCertification() {}

  /**
   * @param x the input, null for all ones
   * @param kind deletion or insertion error
   * @param sets the sets of the LP, null for all subsets
   * @param symmetric check on the orbits instead of on every set of the full LP
   */
  public record Settings(BigFraction[] x, ErrorKind kind, SubsetFamily sets, boolean symmetric) {
    public Settings {
      x = x == null ? null : x.clone();
    }

    /** x = all ones, deletion error, all subsets, full LP. */
    public static Settings defaults() {
      return new Settings(null, ErrorKind.DELETION, null, false);
    }

    public Settings withX(BigFraction[] v) {
      return new Settings(v, kind, sets, symmetric);
    }

    public Settings withKind(ErrorKind k) {
      return new Settings(x, k, sets, symmetric);
    }

    public Settings withSets(SubsetFamily s) {
      return new Settings(x, kind, s, symmetric);
    }

    public Settings withSymmetric(boolean s) {
      return new Settings(x, kind, sets, s);
    }
  }

  /**
   * A certified (or not) optimum of a polynomial.
   *
   * @param polynomial f
   * @param x the input
   * @param kind deletion or insertion
   * @param sets the sets of the LP
   * @param outcome the certificate and its exact check
   * @param provenance certified, with the method
   */
  public record Result(MultilinearPolynomial polynomial, BigFraction[] x, ErrorKind kind,
      SubsetFamily sets, Certifier.Outcome outcome, Provenance provenance) {

    public Result {
      x = x.clone();
    }

    @Override
    public BigFraction[] x() {
      return x.clone();
    }

    public boolean certified() {
      return outcome.certified();
    }

    /** The certified optimum, or null when not certified. */
    public BigFraction optimum() {
      return certified() ? outcome.verification().optimum() : null;
    }

    /** The ordered fields, as `xcert certify polynomial --json` prints them. */
    public Map<String, Object> fields() {
      Map<String, Object> row = Certification.fieldsOf(polynomial.dimension(), outcome);
      row.put("structure", outcome.structure().describe());
      return row;
    }

    /** The header of this result's certificate file. */
    public Map<String, String> header() {
      return PolynomialCertification.header(polynomial, x, kind, sets, outcome.structure());
    }

    /** Writes the certificate to {@code dir/polynomial-dD.cert}; nothing when not certified. */
    public Path write(Path dir) throws IOException {
      Path file = dir.resolve(Family.POLYNOMIAL.id() + "-d" + polynomial.dimension() + ".cert");
      if (certified()) {
        Files.createDirectories(dir);
        CertificateFile.write(file, header(), outcome.certificate(), optimum());
      }
      return file;
    }
  }

  /** Certifies the least total error of {@code f} under the settings. */
  public static Result certify(MultilinearPolynomial f, Settings settings) {
    int d = f.dimension();
    BigFraction[] x = settings.x() == null ? parseX(null, d) : settings.x();
    if (x.length != d) {
      throw InputException.setting("x", x.length + " values given, expected d=" + d);
    }
    SubsetFamily sets = settings.sets() == null ? SubsetFamily.all(d) : settings.sets();
    AttributionProblem problem = PolynomialProblems.of(f, x, settings.kind(), sets);
    OrbitStructure s = PolynomialSymmetry.structure(problem, f, x);
    Certifier.Outcome o = Certifier.certify(problem, s,
        settings.symmetric() ? Certifier.Mode.SYMMETRIC : Certifier.Mode.FULL);
    return new Result(f, x, settings.kind(), sets, o, Certification.provenance(o));
  }

  /** "deletion" or "insertion". */
  public static ErrorKind parseKind(String text) {
    ErrorKind kind = ErrorKind.parse(text);
    if (kind == null) {
      throw InputException.setting("kind", "'" + text + "' is not a kind; expected deletion or "
          + "insertion");
    }
    return kind;
  }

  /** The input x: null for all ones, comma-separated rationals, or a bit string of length d. */
  public static BigFraction[] parseX(String text, int d) {
    BigFraction[] x = new BigFraction[d];
    if (text == null) {
      Arrays.fill(x, BigFraction.ONE);
      return x;
    }
    String t = text.trim();
    if (!t.contains(",") && t.matches("[01]+")) {
      if (t.length() != d) {
        throw InputException.setting("x", "the bit string has length " + t.length()
            + ", expected d=" + d);
      }
      for (int i = 0; i < d; i++) {
        x[i] = t.charAt(i) == '1' ? BigFraction.ONE : BigFraction.ZERO;
      }
      return x;
    }
    String[] parts = t.split(",");
    if (parts.length != d) {
      throw InputException.setting("x", parts.length + " values given, expected d=" + d);
    }
    for (int i = 0; i < d; i++) {
      try {
        x[i] = Rationals.parse(parts[i]);
      } catch (NumberFormatException e) {
        throw InputException.setting("x", "value " + (i + 1) + ": " + e.getMessage());
      }
    }
    return x;
  }

  /** The sets: "all", "size<=K", or a file listing sets (one per line: 1,3,5 or - for ∅). */
  public static SubsetFamily parseSets(String text, int d) {
    if (text.equals("all")) {
      return SubsetFamily.all(d);
    }
    if (text.startsWith("size<=")) {
      try {
        int k = Integer.parseInt(text.substring(6).trim());
        if (k < 0 || k > d) {
          throw InputException.setting("sets", "size<=" + k + " is out of range; expected 0.."
              + d);
        }
        return SubsetFamily.sizeAtMost(d, k);
      } catch (NumberFormatException e) {
        throw InputException.setting("sets", "'" + text + "' is not size<=K");
      }
    }
    return SubsetListFile.read(Path.of(text), d);
  }

  static Map<String, String> header(MultilinearPolynomial f, BigFraction[] x, ErrorKind kind,
      SubsetFamily family, OrbitStructure s) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("family", Family.POLYNOMIAL.id());
    h.put("d", Integer.toString(f.dimension()));
    h.put("kind", kind.word());
    h.put("poly", f.toString());
    h.put("x", Arrays.stream(x).map(Rationals::format).collect(Collectors.joining(",")));
    h.put("sets", switch (family.kind()) {
      case ALL -> "all";
      case SIZE_AT_MOST -> "size<=" + family.sizeBound();
      case LIST -> "list " + Arrays.stream(family.listed()).mapToObj(Subsets::format)
          .collect(Collectors.joining(";"));
    });
    if (s instanceof ProductOrbits) {
      StringBuilder g = new StringBuilder();
      for (int k = 0; k < s.featureOrbits(); k++) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < s.dimension(); i++) {
          if (s.orbitOf(i) == k) {
            members.append(members.length() == 0 ? "" : ",").append(i + 1);
          }
        }
        g.append(k == 0 ? "" : ";").append(members);
      }
      h.put("structure", "groups " + g);
    } else {
      h.put("structure", "full");
    }
    return h;
  }

  /** The problem and structure a polynomial certificate file names; nothing in it is trusted. */
  record Rebuilt(AttributionProblem problem, OrbitStructure structure) {}

  static Rebuilt rebuild(CertificateFile.Contents c, String src, int d, String structure) {
    if (d < 1 || d > MultilinearPolynomial.MAX_DIMENSION) {
      throw InputException.of(src, "'d " + d + "' is out of range for a polynomial; expected 1.."
          + MultilinearPolynomial.MAX_DIMENSION);
    }
    MultilinearPolynomial f = PolynomialParser.parse(src + " (poly)",
        CertificateFile.require(c, src, "poly"), d);
    BigFraction[] x;
    try {
      x = parseX(CertificateFile.require(c, src, "x"), d);
    } catch (InputException e) {
      throw fromFile(e, src, "x");
    }
    ErrorKind kind = ErrorKind.parse(CertificateFile.require(c, src, "kind"));
    if (kind == null) {
      throw InputException.of(src, "'kind " + c.header().get("kind") + "' is not deletion or "
          + "insertion");
    }
    String sets = CertificateFile.require(c, src, "sets");
    SubsetFamily family;
    if (sets.startsWith("list ")) {
      String[] parts = sets.substring(5).split(";");
      long[] masks = new long[parts.length];
      for (int k = 0; k < parts.length; k++) {
        String p = parts[k].replace("{", "").replace("}", "").trim();
        masks[k] = p.isEmpty() ? 0 : FeatureSet.parse(src, p, d).mask();
      }
      try {
        family = SubsetFamily.of(d, masks);
      } catch (IllegalArgumentException e) {
        throw InputException.of(src, "header 'sets': " + e.getMessage());
      }
    } else {
      try {
        family = parseSets(sets, d);
      } catch (InputException e) {
        throw fromFile(e, src, "sets");
      }
    }
    AttributionProblem problem = PolynomialProblems.of(f, x, kind, family);
    if (structure.equals("full")) {
      return new Rebuilt(problem, new TrivialOrbits(problem));
    }
    if (!structure.startsWith("groups ")) {
      throw InputException.of(src, "structure '" + structure + "' does not fit a polynomial; "
          + "expected full or groups ...");
    }
    String[] gs = structure.substring(7).split(";");
    int[][] groups = new int[gs.length][];
    for (int k = 0; k < gs.length; k++) {
      String[] t = gs[k].split(",");
      groups[k] = new int[t.length];
      for (int j = 0; j < t.length; j++) {
        if (!t[j].trim().matches("[0-9]{1,9}")) { // parseInt reads any Unicode digit
          throw InputException.of(src, Excerpt.quote("structure " + structure) + ": "
              + Excerpt.quote(t[j]) + " is not a feature index");
        }
        groups[k][j] = Integer.parseInt(t[j].trim()) - 1;
      }
    }
    // the file's groups must be interchangeable; the structure trusts that, so check it
    int[][] own = PolynomialSymmetry.groups(f, x);
    if (own.length != groups.length || !asSets(own).containsAll(asSets(groups))) {
      throw InputException.of(src, "the groups in 'structure' are not the interchangeable "
          + "features of this polynomial and x");
    }
    try {
      return new Rebuilt(problem, new ProductOrbits(problem, groups));
    } catch (IllegalArgumentException e) {
      throw InputException.of(src, "'structure " + structure + "': " + e.getMessage());
    }
  }

  /**
   * An error of a value read from a certificate's header, blamed on the file and its header line
   * rather than on the command-line option of the same name, which the user may never have given.
   */
  private static InputException fromFile(InputException e, String src, String key) {
    return e.isSetting() ? InputException.of(src, "header '" + key + "': " + e.problem()) : e;
  }

  private static Set<Set<Integer>> asSets(int[][] groups) {
    Set<Set<Integer>> out = new HashSet<>();
    for (int[] g : groups) {
      out.add(Arrays.stream(g).boxed().collect(Collectors.toSet()));
    }
    return out;
  }
}
