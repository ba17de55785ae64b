package xcert.certificates;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.io.CertificateFile;
import xcert.certificates.orbit.ClosedForms;
import xcert.certificates.orbit.OrbitCertificate;
import xcert.certificates.orbit.OrbitStructure;
import xcert.certificates.orbit.SymmetricBinomialOrbits;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.Families;
import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Provenance;

/**
 * Re-checks a certificate file ({@link CertificateFile}) from scratch: rebuilds the problem and the
 * orbit structure the header names, then checks the certificate in exact arithmetic on the orbits
 * and, for d ≤ {@link Certification#MAX_FULL_D}, lifted onto every set of the full LP (seed 002
 * Appendix A.3). Nothing in the file is trusted.
 *
 * <pre>{@code
 * CertificateCheck.Verdict v = CertificateCheck.check(Path.of("certs/binomial-insertion-d10.cert"));
 * System.out.println(v.claimHolds());
 * }</pre>
 */
public final class CertificateCheck {

  private CertificateCheck() {}

  /**
   * What the check found.
   *
   * @param file the file as given
   * @param family the family named in the file
   * @param d the dimension
   * @param claimedOptimum the optimum the file claims
   * @param lowerBound the certificate's exact lower bound, null when its dual is not feasible
   * @param upperBound the certificate's exact upper bound
   * @param certified the bounds meet and the dual is feasible, on the orbits and (d ≤ 26) the full LP
   * @param claimHolds certified, and the certified optimum is the claimed one
   * @param checked "orbits" or "orbits and full LP (N sets)"
   * @param infeasibility the first dual violation found, or null when feasible
   * @param provenance certified, with the method
   */
  public record Verdict(String file, Family family, int d, BigFraction claimedOptimum,
      BigFraction lowerBound, BigFraction upperBound, boolean certified, boolean claimHolds,
      String checked, String infeasibility, Provenance provenance) {

    /** The ordered fields, as `xcert certify --check --json` prints them. */
    public Map<String, Object> fields() {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("file", file);
      o.put("family", family.id());
      o.put("d", d);
      o.put("claimed_optimum", Rationals.format(claimedOptimum));
      o.put("lowerBound", lowerBound == null ? null : Rationals.format(lowerBound));
      o.put("upperBound", Rationals.format(upperBound));
      o.put("certified", certified);
      o.put("claim_holds", claimHolds);
      o.put("checked", checked);
      if (infeasibility != null) {
        o.put("infeasibility", infeasibility);
      }
      return o;
    }
  }

  /**
   * What a certificate file names, rebuilt by the checker: the problem and orbit structure from
   * the header, the certificate and the claimed optimum from the numbers. Nothing is checked yet.
   *
   * @param source the file as given, for messages
   * @param family the family named in the file
   * @param d the dimension
   * @param problem the full LP's problem
   * @param structure the orbit structure the header names
   * @param certificate alpha and z as the file gives them
   * @param claimedOptimum the optimum the file claims
   */
  public record Rebuilt(String source, Family family, int d, AttributionProblem problem,
      OrbitStructure structure, OrbitCertificate certificate, BigFraction claimedOptimum) {}

  /** Reads and re-checks {@code file}; an {@link InputException} naming it when it is malformed. */
  public static Verdict check(Path file) {
    Rebuilt r = rebuild(file.toString(), CertificateFile.read(file));
    Certifier.Outcome orbit = checkOrbits(r);
    Certifier.Outcome lifted = r.d() <= Certifier.MAX_FULL_D
        ? Certifier.check(r.problem(), r.structure(), r.certificate(), Certifier.Mode.FULL,
            System.nanoTime())
        : null;
    return verdict(r, orbit, lifted);
  }

  /** The certificate checked on the orbits of its structure (any d). */
  public static Certifier.Outcome checkOrbits(Rebuilt r) {
    return Certifier.check(r.problem(), r.structure(), r.certificate(),
        Certifier.Mode.SYMMETRIC, System.nanoTime());
  }

  /**
   * The verdict from the orbit check and the full-LP check ({@code lifted}: null when the full LP
   * was not checked), wherever the full check ran.
   */
  public static Verdict verdict(Rebuilt r, Certifier.Outcome orbit, Certifier.Outcome lifted) {
    boolean certified = orbit.certified() && (lifted == null || lifted.certified());
    boolean claim = certified && orbit.verification().optimum().equals(r.claimedOptimum());
    var v = orbit.verification();
    return new Verdict(r.source(), r.family(), r.d(), r.claimedOptimum(), v.lowerBound(),
        v.upperBound(), certified, claim, lifted == null ? "orbits"
            : "orbits and full LP (" + lifted.verification().sets() + " sets)",
        v.dualFeasible() ? null : v.infeasibility(),
        Certification.provenance(lifted == null ? orbit : lifted));
  }

  /**
   * Rebuilds the problem and structure a file's contents name; an {@link InputException} naming
   * {@code src} when they do not fit together.
   */
  public static Rebuilt rebuild(String src, CertificateFile.Contents c) {
    String fam = CertificateFile.require(c, src, "family");
    int d = CertificateFile.requireInt(c, src, "d");
    OrbitStructure s;
    AttributionProblem problem;
    String structure = CertificateFile.require(c, src, "structure");
    switch (fam) {
      case Families.MONOMIAL_DELETION, Families.MONOMIAL_INSERTION -> {
        if (!structure.equals("monomial")) {
          throw InputException.of(src, "structure '" + structure + "' does not fit " + fam
              + "; expected monomial");
        }
        s = Certifier.structure(fam, d, BinomialPartition.Rule.MIDDLE);
        problem = Certifier.problem(fam, d, BinomialPartition.Rule.MIDDLE);
      }
      case Families.BINOMIAL_INSERTION -> {
        BinomialPartition p = parsePartition(src, CertificateFile.require(c, src, "partition"), d);
        problem = Families.binomialInsertion(p);
        s = switch (structure) {
          case "symmetric-binomial" -> {
            if (!p.isSymmetric()) {
              throw InputException.of(src, "structure symmetric-binomial needs |S1| = |S3|, "
                  + "partition " + p);
            }
            yield new SymmetricBinomialOrbits(p);
          }
          case "binomial-product" -> ClosedForms.binomialProduct(p);
          default -> throw InputException.of(src, "structure '" + structure + "' does not fit "
              + fam + "; expected symmetric-binomial or binomial-product");
        };
      }
      case "polynomial" -> {
        PolynomialCertification.Rebuilt r = PolynomialCertification.rebuild(c, src, d, structure);
        problem = r.problem();
        s = r.structure();
      }
      default -> throw InputException.of(src, "unknown family '" + fam + "'");
    }
    if (c.certificate().alpha().length != s.featureOrbits()) {
      throw InputException.of(src, "alpha has " + c.certificate().alpha().length
          + " values, the structure has " + s.featureOrbits() + " feature orbits");
    }
    long[] support = c.certificate().support();
    if (support.length > 0 && (support[0] < 0 || support[support.length - 1] >= s.classCount())) {
      throw InputException.of(src, "class ids must lie in 0.." + (s.classCount() - 1));
    }
    return new Rebuilt(src, Family.fromId(fam), d, problem, s, c.certificate(),
        c.claimedOptimum());
  }

  private static BinomialPartition parsePartition(String src, String text, int d) {
    String[] t = text.split(",");
    BinomialPartition p;
    try {
      if (t.length != 3 || !text.matches("[0-9, ]+")) { // parseInt reads any Unicode digit
        throw new IllegalArgumentException("not three sizes");
      }
      p = new BinomialPartition(Integer.parseInt(t[0].trim()), Integer.parseInt(t[1].trim()),
          Integer.parseInt(t[2].trim()));
    } catch (IllegalArgumentException e) {
      throw InputException.of(src, Excerpt.quote("partition " + text) + " is not three positive"
          + " sizes n1,n2,n3");
    }
    if (p.dimension() != d) {
      throw InputException.of(src, "partition " + Excerpt.show(text) + " has " + p.dimension()
          + " features, d is " + d);
    }
    return p;
  }
}
