package xcert.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.Certifier;
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
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;
import xcert.solvers.setfunction.Subsets;

/**
 * `xcert certify polynomial`: the least total deletion or insertion error (seed 002 Definitions 1
 * and 3) of any multilinear polynomial at any x over all subsets, the subsets of size ≤ k, or a
 * listed family; reduced by the interchangeable features ({@link PolynomialSymmetry}), solved by GLOP
 * (ojAlgo where the natives are missing), made exact, and checked.
 */
final class PolynomialCertify {

  static final String FAMILY = "polynomial";

  private final CertifyCommand cmd;

  PolynomialCertify(CertifyCommand cmd) {
    this.cmd = cmd;
  }

  /** A problem and structure rebuilt from a certificate file. */
  record Rebuilt(AttributionProblem problem, OrbitStructure structure) {}

  int run() throws IOException {
    if (cmd.poly == null) {
      throw InputException.of("--poly", "the polynomial family needs --poly EXPR, e.g. "
          + "\"x1*x2 + 2*x2*x3*x4\"");
    }
    int d = -1;
    if (!cmd.dText.equals("2..20")) {
      List<Integer> ds = DRange.parse(cmd.dText, 1, MultilinearPolynomial.MAX_DIMENSION);
      if (ds.size() != 1) {
        throw InputException.of("--d", "a polynomial has one dimension; give one d or none");
      }
      d = ds.get(0);
    }
    MultilinearPolynomial f = PolynomialParser.parse("--poly", cmd.poly, d);
    d = f.dimension();
    BigFraction[] x = parseX(cmd.xText, d);
    ErrorKind kind = ErrorKind.parse(cmd.kindText);
    if (kind == null) {
      throw InputException.of("--kind", "'" + cmd.kindText + "' is not a kind; expected deletion "
          + "or insertion");
    }
    SubsetFamily family = parseSets(cmd.setsText, d);
    AttributionProblem problem = PolynomialProblems.of(f, x, kind, family);
    OrbitStructure s = PolynomialSymmetry.structure(problem, f, x);
    Certifier.Mode mode = cmd.symmetric ? Certifier.Mode.SYMMETRIC : Certifier.Mode.FULL;
    Certifier.Outcome o = Certifier.certify(problem, s, mode);
    Map<String, Object> row = CertifyCommand.row(d, o, null);
    row.remove("partition");
    row.put("structure", s.describe());
    cmd.print(List.of(row));
    if (cmd.out != null && o.certified()) {
      Files.createDirectories(cmd.out);
      Path file = cmd.out.resolve("polynomial-d" + d + ".cert");
      CertificateFile.write(file, header(f, x, kind, family, s), o.certificate(),
          o.verification().optimum());
    }
    return 0;
  }

  static Map<String, String> header(MultilinearPolynomial f, BigFraction[] x, ErrorKind kind,
      SubsetFamily family, OrbitStructure s) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("family", FAMILY);
    h.put("d", Integer.toString(f.dimension()));
    h.put("kind", kind.word());
    h.put("poly", f.toString());
    StringBuilder xs = new StringBuilder();
    for (BigFraction v : x) {
      xs.append(xs.length() == 0 ? "" : ",").append(Rationals.format(v));
    }
    h.put("x", xs.toString());
    h.put("sets", switch (family.kind()) {
      case ALL -> "all";
      case SIZE_AT_MOST -> "size<=" + family.sizeBound();
      case LIST -> {
        StringBuilder sb = new StringBuilder("list ");
        long[] l = family.listed();
        for (int k = 0; k < l.length; k++) {
          sb.append(k == 0 ? "" : ";").append(Subsets.format(l[k]));
        }
        yield sb.toString();
      }
    });
    if (s instanceof ProductOrbits) {
      StringBuilder g = new StringBuilder("groups ");
      int[][] groups = new int[s.featureOrbits()][];
      int[] count = new int[s.featureOrbits()];
      for (int i = 0; i < s.dimension(); i++) {
        count[s.orbitOf(i)]++;
      }
      for (int k = 0; k < groups.length; k++) {
        groups[k] = new int[count[k]];
        count[k] = 0;
      }
      for (int i = 0; i < s.dimension(); i++) {
        int k = s.orbitOf(i);
        groups[k][count[k]++] = i + 1;
      }
      for (int k = 0; k < groups.length; k++) {
        g.append(k == 0 ? "" : ";");
        for (int j = 0; j < groups[k].length; j++) {
          g.append(j == 0 ? "" : ",").append(groups[k][j]);
        }
      }
      h.put("structure", g.toString());
    } else {
      h.put("structure", "full");
    }
    return h;
  }

  static Rebuilt rebuild(CertificateFile.Contents c, String src, int d, String structure) {
    MultilinearPolynomial f = PolynomialParser.parse(src + " (poly)",
        CertificateFile.require(c, src, "poly"), d);
    BigFraction[] x = parseX(CertificateFile.require(c, src, "x"), d);
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
        masks[k] = p.isEmpty() ? 0 : xcert.solvers.features.FeatureSet.parse(src, p, d).mask();
      }
      family = SubsetFamily.of(d, masks);
    } else {
      family = parseSets(sets, d);
    }
    AttributionProblem problem = PolynomialProblems.of(f, x, kind, family);
    OrbitStructure s;
    if (structure.equals("full")) {
      s = new TrivialOrbits(problem);
    } else if (structure.startsWith("groups ")) {
      String[] gs = structure.substring(7).split(";");
      int[][] groups = new int[gs.length][];
      for (int k = 0; k < gs.length; k++) {
        String[] t = gs[k].split(",");
        groups[k] = new int[t.length];
        for (int j = 0; j < t.length; j++) {
          try {
            groups[k][j] = Integer.parseInt(t[j].trim()) - 1;
          } catch (NumberFormatException e) {
            throw InputException.of(src, "'structure " + structure + "': '" + t[j]
                + "' is not a feature index");
          }
        }
      }
      // the file's groups must be interchangeable; the structure trusts that, so check it
      int[][] own = PolynomialSymmetry.groups(f, x);
      if (!sameGroups(own, groups)) {
        throw InputException.of(src, "the groups in 'structure' are not the interchangeable "
            + "features of this polynomial and x");
      }
      try {
        s = new ProductOrbits(problem, groups);
      } catch (IllegalArgumentException e) {
        throw InputException.of(src, "'structure " + structure + "': " + e.getMessage());
      }
    } else {
      throw InputException.of(src, "structure '" + structure + "' does not fit a polynomial; "
          + "expected full or groups ...");
    }
    return new Rebuilt(problem, s);
  }

  private static boolean sameGroups(int[][] a, int[][] b) {
    if (a.length != b.length) {
      return false;
    }
    java.util.Set<java.util.Set<Integer>> sa = new java.util.HashSet<>();
    for (int[] g : a) {
      sa.add(java.util.Arrays.stream(g).boxed().collect(java.util.stream.Collectors.toSet()));
    }
    for (int[] g : b) {
      if (!sa.contains(java.util.Arrays.stream(g).boxed()
          .collect(java.util.stream.Collectors.toSet()))) {
        return false;
      }
    }
    return true;
  }

  static BigFraction[] parseX(String text, int d) {
    BigFraction[] x = new BigFraction[d];
    if (text == null) {
      java.util.Arrays.fill(x, BigFraction.ONE);
      return x;
    }
    String t = text.trim();
    if (!t.contains(",") && t.matches("[01]+")) {
      if (t.length() != d) {
        throw InputException.of("--x", "the bit string has length " + t.length() + ", expected d="
            + d);
      }
      for (int i = 0; i < d; i++) {
        x[i] = t.charAt(i) == '1' ? BigFraction.ONE : BigFraction.ZERO;
      }
      return x;
    }
    String[] parts = t.split(",");
    if (parts.length != d) {
      throw InputException.of("--x", parts.length + " values given, expected d=" + d);
    }
    for (int i = 0; i < d; i++) {
      try {
        x[i] = Rationals.parse(parts[i]);
      } catch (NumberFormatException e) {
        throw InputException.of("--x", "value " + (i + 1) + ": " + e.getMessage());
      }
    }
    return x;
  }

  static SubsetFamily parseSets(String text, int d) {
    if (text.equals("all")) {
      return SubsetFamily.all(d);
    }
    if (text.startsWith("size<=")) {
      try {
        int k = Integer.parseInt(text.substring(6).trim());
        if (k < 0 || k > d) {
          throw InputException.of("--sets", "size<=" + k + " is out of range; expected 0.." + d);
        }
        return SubsetFamily.sizeAtMost(d, k);
      } catch (NumberFormatException e) {
        throw InputException.of("--sets", "'" + text + "' is not size<=K");
      }
    }
    return SubsetListFile.read(Path.of(text), d);
  }
}
