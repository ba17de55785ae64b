package xcert.reductions.reduce;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.emajsat.AgreementOracle;
import xcert.reductions.emajsat.EmajsatInstance;
import xcert.reductions.emajsat.EmajsatSolver;
import xcert.reductions.emajsat.EmajsatToRelevant;
import xcert.reductions.emajsat.GuessAndCount;
import xcert.reductions.emajsat.RelevantInputInstance;
import xcert.reductions.emajsat.UniformCounts;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.io.AigerFormat;
import xcert.solvers.io.CircuitDot;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Provenance;

/**
 * The hardness half of seed 003 Theorem 3.3 on one E-MAJSAT instance φ(a, b): reduces it to
 * RELEVANT-INPUT and decides both sides exactly, E-MAJSAT by enumeration and the reduced instance by
 * the membership algorithm (guess a set, ask one counting query), then compares the answers.
 */
public final class EmajsatToRelevantReduction {

  /** Most candidate sets the membership algorithm is asked to try. */
  public static final long MAX_CANDIDATES = 5_000_000L;

  private static final BigFraction HALF = BigFraction.of(1, 2);

  private EmajsatToRelevantReduction() {}

  /**
   * @param n the number of existential variables a: the first n inputs of φ
   * @param delta δ in [1/2, 1)
   */
  public record Settings(int n, BigFraction delta) {
    public Settings {
      checkDelta(delta, null);
    }

    /** n = 0, δ = 1/2. */
    public static Settings defaults() {
      return new Settings(0, HALF);
    }

    public Settings withN(int v) {
      return new Settings(v, delta);
    }

    public Settings withDelta(BigFraction v) {
      return new Settings(n, v);
    }

    /** δ from a decimal or a fraction ("0.75", "3/4"). */
    public Settings withDelta(String text) {
      return new Settings(n, checkDelta(UnitInterval.parse("delta", text, "δ"), text));
    }
  }

  private static BigFraction checkDelta(BigFraction delta, String text) {
    UnitInterval.check("delta", delta, "δ");
    if (delta.compareTo(HALF) < 0) {
      throw InputException.setting("delta", "δ = " + (text != null ? text
          : xcert.solvers.num.Rationals.format(delta)) + " is out of range; Theorem 3.3's "
          + "reduction is for δ in [1/2, 1)");
    }
    return delta;
  }

  /**
   * Both answers and the reduction between them.
   *
   * @param name the circuit's file name, used in the walkthrough and the output files
   * @param reduction the reduction, with the source and the target RELEVANT-INPUT instance
   * @param solution E-MAJSAT decided by enumeration
   * @param decision RELEVANT-INPUT decided by guess and count
   * @param candidates the number of candidate sets of size at most k'
   * @param checks the statements checked, each with its provenance (all exact)
   * @param seconds time of both decisions
   * @param walkthrough a Markdown walkthrough
   */
  public record Result(String name, EmajsatToRelevant reduction, EmajsatSolver.Solution solution,
      GuessAndCount.Decision decision, BigInteger candidates, List<Check> checks, double seconds,
      String walkthrough) {

    public Result {
      checks = List.copyOf(checks);
    }

    public RelevantInputInstance target() {
      return reduction.target();
    }

    /** True when both problems gave the same answer and a witness maps back to a yes-assignment. */
    public boolean claimHolds() {
      return checks.stream().allMatch(Check::holds);
    }

    /** Φ' as AIGER, its drawing and the walkthrough, in this order. */
    public List<ReductionFiles.File> files() {
      String stem = ReductionFiles.stem(name);
      Circuit phiPrime = target().circuit();
      return List.of(
          new ReductionFiles.File("aiger", stem + "-relevant.aag",
              () -> AigerFormat.toString(phiPrime)),
          new ReductionFiles.File("dot", stem + "-relevant.dot",
              () -> CircuitDot.toDot(phiPrime, "Φ' for " + stem + " (seed 003 Theorem 3.3)")),
          new ReductionFiles.File("walkthrough", stem + "-relevant-walkthrough.md",
              () -> walkthrough));
    }

    /** Writes {@link #files()} into {@code dir}. */
    public ReductionFiles.Written write(Path dir) throws IOException {
      return ReductionFiles.write(dir, files());
    }
  }

  /** Reads φ from a circuit file (.aag, .expr, .cnf) and reduces it. */
  public static Result reduce(Path modelFile, Settings settings) {
    Circuit phi = ReductionFiles.readCircuit(modelFile, "E-MAJSAT needs a Boolean circuit (.aag, "
        + ".expr, .cnf), not a ReLU network");
    return reduce(phi, modelFile.getFileName().toString(), settings);
  }

  /**
   * Reduces φ (its first output) and decides both problems.
   *
   * @param name a name for the walkthrough and the output files
   * @throws TooLargeException beyond {@link EmajsatSolver#MAX_VARIABLES} inputs or
   *     {@link #MAX_CANDIDATES} candidate sets
   */
  public static Result reduce(Circuit phi, String name, Settings settings) {
    int n = settings.n();
    if (n < 0 || n > phi.dimension()) {
      throw InputException.setting("n", n + " is out of range; the circuit has " + phi.dimension()
          + " inputs, so expected 0.." + phi.dimension());
    }
    if (phi.dimension() > EmajsatSolver.MAX_VARIABLES) {
      throw new TooLargeException("φ has " + phi.dimension() + " inputs; E-MAJSAT is solved by "
          + "enumeration up to " + EmajsatSolver.MAX_VARIABLES);
    }
    EmajsatInstance source = new EmajsatInstance(phi.withOutput(0), n);
    EmajsatToRelevant red = EmajsatToRelevant.reduce(source, settings.delta());
    RelevantInputInstance target = red.target();
    BigInteger candidates = GuessAndCount.candidateCount(target.dimension(), target.k());
    if (candidates.compareTo(BigInteger.valueOf(MAX_CANDIDATES)) > 0) {
      throw new TooLargeException("the reduced instance has d' = " + target.dimension() + ", k' = "
          + target.k() + ": " + candidates + " candidate sets; the membership algorithm is run "
          + "up to " + MAX_CANDIDATES);
    }
    long t0 = System.nanoTime();
    EmajsatSolver.Solution sol = EmajsatSolver.solve(source);
    AgreementOracle oracle = target.dimension() <= UniformCounts.MAX_DIMENSION
        ? AgreementOracle.uniformCounts(target) : AgreementOracle.weightedModelCounting(target);
    GuessAndCount.Decision decision = GuessAndCount.decide(target, oracle);
    double seconds = (System.nanoTime() - t0) / 1e9;

    Optional<Long> witnessAssignment = decision.witness().flatMap(red::assignmentOf);
    boolean witnessMaps = !decision.relevant() || witnessAssignment.map(a -> sol.probability(
        (int) (a & ((1L << n) - 1))).compareTo(HALF) > 0).orElse(false);
    boolean holds = decision.relevant() == sol.satisfiable() && witnessMaps;
    List<Check> checks = List.of(new Check("seed 003 Theorem 3.3: E-MAJSAT <=p RELEVANT-INPUT",
        holds, Provenance.exact("E-MAJSAT by enumeration, RELEVANT-INPUT by guess and count")));
    String walkthrough = "# E-MAJSAT ≤p RELEVANT-INPUT on " + name
        + " (seed 003, Theorem 3.3)\n\n```\n" + red.explain() + "```\n\n"
        + "Membership (guess and count): " + decision + ".\n\n"
        + (holds ? "Both problems give the same answer, checked exactly.\n"
            : "**The answers differ on this instance.**\n");
    return new Result(name, red, sol, decision, candidates, checks, seconds, walkthrough);
  }
}
