package xcert.reductions.reduce;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.DecisionProcedure;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.reductions.sattoap.Lemma36Walkthrough;
import xcert.reductions.sattoap.Theorem34;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.AigerFormat;
import xcert.solvers.io.CircuitDot;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.result.Provenance;

/**
 * Seed 003 Lemma 3.6 (SAT ≤p AP) on one CNF: builds the AP instance (Φ', x', k', m') and checks the
 * direction of the lemma that applies exactly; with α, takes m' from seed 003 Theorem 3.4, decides
 * its inequalities and runs its decision procedure against adversarial approximations.
 */
public final class SatToApReduction {

  private SatToApReduction() {}

  /**
   * @param delta δ in (0,1)
   * @param alpha α in (0,1) of Theorem 3.4, or null for Lemma 3.6 alone
   * @param m m' for the lemma, or null for k' (the least allowed); not with alpha
   * @param seed seed of the random adversaries of the decision procedure
   */
  public record Settings(BigFraction delta, BigFraction alpha, BigInteger m, long seed) {
    public Settings {
      UnitInterval.check("delta", delta, "δ");
      if (alpha != null) {
        UnitInterval.check("alpha", alpha, "α");
      }
    }

    /** δ = 1/2, Lemma 3.6 with m' = k', seed 1. */
    public static Settings defaults() {
      return new Settings(BigFraction.of(1, 2), null, null, 1);
    }

    public Settings withDelta(BigFraction v) {
      return new Settings(v, alpha, m, seed);
    }

    /** δ from a decimal or a fraction ("0.9", "1/2"). */
    public Settings withDelta(String text) {
      return withDelta(UnitInterval.parse("delta", text, "δ"));
    }

    public Settings withAlpha(BigFraction v) {
      return new Settings(delta, v, m, seed);
    }

    /** α from a decimal or a fraction. */
    public Settings withAlpha(String text) {
      return withAlpha(text == null ? null : UnitInterval.parse("alpha", text, "α"));
    }

    public Settings withM(BigInteger v) {
      return new Settings(delta, alpha, v, seed);
    }

    public Settings withSeed(long v) {
      return new Settings(delta, alpha, m, v);
    }
  }

  /**
   * The reduced instance and what was checked on it.
   *
   * @param name the CNF's file name, used in the walkthrough and the output files
   * @param instance the AP instance (Φ', x', k', m') with its parameters
   * @param lemma the exact check of Lemma 3.6
   * @param inequalities Theorem 3.4's inequalities, or null without α
   * @param procedure Theorem 3.4's decision procedure, or null without α or when the lemma failed
   * @param checks the statements checked, each with its provenance
   * @param walkthrough a Markdown walkthrough of the proof's steps on this instance
   */
  public record Result(String name, ApInstance instance, Lemma36Check.Result lemma,
      List<Theorem34.Inequality> inequalities, DecisionProcedure.Outcome procedure,
      List<Check> checks, String walkthrough) {

    public Result {
      inequalities = inequalities == null ? null : List.copyOf(inequalities);
      checks = List.copyOf(checks);
    }

    public ApParameters parameters() {
      return instance.parameters();
    }

    /** True when every check held. */
    public boolean claimHolds() {
      return checks.stream().allMatch(Check::holds);
    }

    /** Φ' as AIGER, its drawing and the walkthrough, in this order. */
    public List<ReductionFiles.File> files() {
      String stem = ReductionFiles.stem(name);
      return List.of(
          new ReductionFiles.File("aiger", stem + "-ap.aag",
              () -> AigerFormat.toString(instance.phiPrime())),
          new ReductionFiles.File("dot", stem + "-ap.dot", () -> CircuitDot.toDot(
              instance.phiPrime(), "Φ' for " + stem + " (seed 003 Lemma 3.6)")),
          new ReductionFiles.File("walkthrough", stem + "-ap-walkthrough.md", () -> walkthrough));
    }

    /** Writes {@link #files()} into {@code dir}. */
    public ReductionFiles.Written write(Path dir) throws IOException {
      return ReductionFiles.write(dir, files());
    }
  }

  /** Reads a DIMACS CNF and reduces it. */
  public static Result reduce(Path cnfFile, Settings settings) {
    checkConflict(settings);
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(cnfFile);
    checkVariables(cnf, cnfFile.toString());
    return reduce(cnf, cnfFile.getFileName().toString(), settings);
  }

  /**
   * Reduces {@code cnf}.
   *
   * @param name a name for the walkthrough and the output files, e.g. its file name
   */
  public static Result reduce(DimacsFormat.Cnf cnf, String name, Settings settings) {
    checkConflict(settings);
    checkVariables(cnf, name);
    ApParameters params;
    if (settings.alpha() != null) {
      params = ApParameters.forTheorem34(cnf.variables(), settings.delta(), settings.alpha());
    } else {
      long k = (long) cnf.variables() * ApParameters.q(cnf.variables(), settings.delta());
      if (settings.m() != null && settings.m().compareTo(BigInteger.valueOf(k)) < 0) {
        throw InputException.setting("m", settings.m() + " is below k' = " + k
            + "; Lemma 3.6 needs m' >= k'");
      }
      params = ApParameters.forLemma(cnf.variables(), settings.delta(), settings.m());
    }
    ApInstance inst = new ApInstance(cnf, params);
    Lemma36Check.Result lemma = Lemma36Check.check(inst);
    List<Theorem34.Inequality> inequalities = params.alpha() == null ? null
        : Theorem34.check(params);
    DecisionProcedure.Outcome procedure = params.alpha() == null || !lemma.claimHolds() ? null
        : DecisionProcedure.run(inst, lemma, settings.seed());
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("seed 003 Lemma 3.6 (SAT <=p AP)", lemma.claimHolds(),
        Provenance.exact("SAT4J on Φ, exact relevance count on Φ'")));
    if (inequalities != null) {
      checks.add(new Check("seed 003 Theorem 3.4, inequalities (1)-(8)",
          inequalities.stream().allMatch(Theorem34.Inequality::holds),
          Provenance.exact("decided in exact arithmetic")));
    }
    if (procedure != null) {
      checks.add(new Check("seed 003 Theorem 3.4, decision procedure", procedure.allCorrect(),
          Provenance.exact("every adversarial approximation; adversaries seeded with "
              + settings.seed())));
    }
    String walkthrough = Lemma36Walkthrough.markdown(name, inst, lemma, inequalities, procedure);
    return new Result(name, inst, lemma, inequalities, procedure, checks, walkthrough);
  }

  private static void checkVariables(DimacsFormat.Cnf cnf, String source) {
    if (cnf.variables() < 1) {
      throw InputException.of(source, "the CNF has no variables; expected at least 1");
    }
  }

  private static void checkConflict(Settings s) {
    if (s.alpha() != null && s.m() != null) {
      throw InputException.setting("m", "choose one of m' (Lemma 3.6) and α (Theorem 3.4)");
    }
  }
}
