package xcert.certificates;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.certificates.check.Certificate;
import xcert.certificates.check.Verification;
import xcert.certificates.check.Verifier;
import xcert.certificates.lp.DualLp;
import xcert.certificates.lp.Exactifier;
import xcert.certificates.lp.FloatSolution;
import xcert.certificates.lp.GlopSolver;
import xcert.certificates.lp.OjAlgoSolver;
import xcert.certificates.orbit.ClosedForms;
import xcert.certificates.orbit.Lifting;
import xcert.certificates.orbit.MonomialOrbits;
import xcert.certificates.orbit.OrbitCertificate;
import xcert.certificates.orbit.OrbitStructure;
import xcert.certificates.orbit.OrbitVerifier;
import xcert.certificates.orbit.SymmetricBinomialOrbits;
import xcert.certificates.orbit.TrivialOrbits;
import xcert.certificates.problem.AttributionProblem;
import xcert.certificates.problem.BinomialPartition;
import xcert.certificates.problem.ErrorKind;
import xcert.certificates.problem.Families;
import xcert.solvers.errors.TooLargeException;

/**
 * Certifies the optimum of an attribution LP (seed 002 Section 2.1 and Appendix A.3): finds a candidate
 * certificate on a symmetry reduction (a closed form where one is known, else a floating-point LP
 * solve made exact by {@link Exactifier}) and checks it exactly, on the orbits (symmetric mode) or,
 * lifted, on every set of the full LP with no symmetry assumed (full mode).
 */
public final class Certifier {

  /** Largest d for the full-LP check (2^26 sets). */
  public static final int MAX_FULL_D = 26;

  /** How the certificate is checked. */
  public enum Mode {
    /** Lift and check over all sets (d ≤ {@link #MAX_FULL_D}). */
    FULL,
    /** Check on the orbits; the lifting argument of {@link OrbitStructure} makes it a full proof. */
    SYMMETRIC
  }

  /**
   * One certified (or not) optimum.
   *
   * @param problem what was solved
   * @param structure the reduction the candidate was found on
   * @param certificate the orbit certificate
   * @param verification the exact check
   * @param mode where it was checked
   * @param seconds total time, candidate and check
   */
  public record Outcome(AttributionProblem problem, OrbitStructure structure,
      OrbitCertificate certificate, Verification verification, Mode mode, double seconds) {

    public boolean certified() {
      return verification.certified();
    }

    public String method() {
      return certificate.method() + "; checked " + (mode == Mode.FULL
          ? "on all " + verification.sets() + " sets of the full LP"
          : "on " + verification.sets() + " orbit classes");
    }
  }

  private Certifier() {}

  /** The problem and its best-known symmetry reduction for a built-in family. */
  public static OrbitStructure structure(String family, int d, BinomialPartition.Rule rule) {
    return switch (family) {
      case Families.MONOMIAL_DELETION -> new MonomialOrbits(d, ErrorKind.DELETION, false);
      case Families.MONOMIAL_INSERTION -> new MonomialOrbits(d, ErrorKind.INSERTION, false);
      case Families.BINOMIAL_INSERTION -> {
        BinomialPartition p = BinomialPartition.of(d, rule);
        yield p.isSymmetric() ? new SymmetricBinomialOrbits(p) : ClosedForms.binomialProduct(p);
      }
      default -> throw new IllegalArgumentException("unknown family " + family);
    };
  }

  public static AttributionProblem problem(String family, int d, BinomialPartition.Rule rule) {
    return switch (family) {
      case Families.MONOMIAL_DELETION -> Families.monomialDeletion(d);
      case Families.MONOMIAL_INSERTION -> Families.monomialInsertion(d);
      case Families.BINOMIAL_INSERTION -> Families.binomialInsertion(BinomialPartition.of(d, rule));
      default -> throw new IllegalArgumentException("unknown family " + family);
    };
  }

  /** A built-in family at one d. */
  public static Outcome certify(String family, int d, BinomialPartition.Rule rule, Mode mode) {
    long t0 = System.nanoTime();
    OrbitStructure s = structure(family, d, rule);
    AttributionProblem p = mode == Mode.FULL ? problem(family, d, rule) : null;
    Optional<OrbitCertificate> closed = closedForm(family, d, rule, s);
    if (closed.isPresent()) {
      Outcome o = check(p, s, closed.get(), mode, t0);
      if (o.certified()) {
        return o;
      }
    }
    return check(p, s, solve(s), mode, t0);
  }

  /** Any problem on a given reduction (use {@link TrivialOrbits} for none). */
  public static Outcome certify(AttributionProblem problem, OrbitStructure s, Mode mode) {
    long t0 = System.nanoTime();
    return check(problem, s, solve(s), mode, t0);
  }

  /** Checks a given orbit certificate. */
  public static Outcome check(AttributionProblem problem, OrbitStructure s, OrbitCertificate c,
      Mode mode, long startNanos) {
    Verification v;
    if (mode == Mode.FULL) {
      if (s.dimension() > MAX_FULL_D) {
        throw new TooLargeException("the full LP at d=" + s.dimension() + " has 2^"
            + s.dimension() + " sets; the full check stops at d=" + MAX_FULL_D
            + " (check on the orbits instead: Certification.Settings.withSymmetric)");
      }
      Certificate full = Lifting.lift(s, c);
      v = Verifier.verify(problem, full);
    } else {
      v = OrbitVerifier.verify(s, c);
    }
    return new Outcome(problem, s, c, v, mode, (System.nanoTime() - startNanos) / 1e9);
  }

  /** The closed form for a built-in family where it applies (checked by the caller). */
  static Optional<OrbitCertificate> closedForm(String family, int d,
      BinomialPartition.Rule rule, OrbitStructure s) {
    OrbitCertificate c;
    switch (family) {
      case Families.MONOMIAL_DELETION -> c = ClosedForms.monomialDeletion(d, false);
      case Families.MONOMIAL_INSERTION -> c = ClosedForms.monomialInsertion(d);
      case Families.BINOMIAL_INSERTION -> {
        BinomialPartition p = BinomialPartition.of(d, rule);
        if (p.n2() < 2) {
          return Optional.empty();
        }
        c = s instanceof SymmetricBinomialOrbits sb ? ClosedForms.binomialInsertion(sb)
            : ClosedForms.binomialInsertion(p, (xcert.certificates.orbit.ProductOrbits) s);
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(c);
  }

  /** A floating-point solve made exact; a certificate that may not be certified if that fails. */
  public static OrbitCertificate solve(OrbitStructure s) {
    FloatSolution fs = GlopSolver.available() ? GlopSolver.solve(DualLp.of(s))
        : OjAlgoSolver.solve(DualLp.of(s));
    return Exactifier.exactify(s, fs, fs.solver() + " on " + s.classCount()
        + " classes, made exact").orElseGet(() -> failed(s, fs));
  }

  /** When no exact certificate was found: the float α rounded, y = 0 (an honest upper bound). */
  private static OrbitCertificate failed(OrbitStructure s, FloatSolution fs) {
    BigFraction[] a = new BigFraction[s.featureOrbits()];
    for (int f = 0; f < a.length; f++) {
      a[f] = fs.alpha().length == a.length
          ? BigFraction.from(fs.alpha()[f]) : BigFraction.ZERO;
    }
    return new OrbitCertificate(a, new long[0], new BigFraction[0], fs.solver()
        + ": no exact certificate found; upper bound only");
  }

  /** The optimum's closed form for a built-in family, where one is known. */
  public static Optional<BigInteger> closedFormOptimum(String family, int d,
      BinomialPartition.Rule rule) {
    return switch (family) {
      case Families.MONOMIAL_DELETION -> Optional.of(ClosedForms.monomialDeletionOptimum(d, false));
      case Families.MONOMIAL_INSERTION -> Optional.of(d == 1 ? BigInteger.ZERO : BigInteger.ONE);
      case Families.BINOMIAL_INSERTION -> {
        BinomialPartition p = BinomialPartition.of(d, rule);
        yield p.n2() >= 2 ? Optional.of(ClosedForms.binomialInsertionOptimum(p)) : Optional.empty();
      }
      default -> Optional.empty();
    };
  }
}
