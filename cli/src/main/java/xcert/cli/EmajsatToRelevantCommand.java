package xcert.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
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
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.result.Scalar;

/**
 * {@code xcert reduce emajsat-to-relevant}: the hardness half of seed 003 Theorem 3.3 on one
 * E-MAJSAT instance. Both sides are decided exactly: E-MAJSAT by enumeration, the reduced
 * RELEVANT-INPUT instance by the membership algorithm (guess a set, ask one counting query), and the
 * answers compared.
 */
@Command(name = "emajsat-to-relevant", mixinStandardHelpOptions = true,
    description = {"Seed 003 Theorem 3.3: reduce an E-MAJSAT instance φ(a, b) to RELEVANT-INPUT and "
        + "decide both exactly.",
        "The first --n inputs of the circuit are the existential variables a, the rest the random "
            + "variables b; the question is ∃a Pr_b[φ(a,b) = 1] > 1/2.",
        "",
        "Examples:",
        "  xcert reduce emajsat-to-relevant --model examples/emajsat.expr --n 1 --explain",
        "  xcert reduce emajsat-to-relevant --model phi.aag --n 2 --delta 3/4 --json --out red"})
final class EmajsatToRelevantCommand implements Callable<Integer> {

  /** Most candidate sets the membership algorithm is asked to try. */
  static final long MAX_CANDIDATES = 5_000_000L;

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "φ as a circuit: .aag, .expr or .cnf")
  Path modelFile;

  @Option(names = "--n", required = true, paramLabel = "N",
      description = "number of existential variables (the first N inputs)")
  int n;

  @Option(names = "--delta", paramLabel = "D", defaultValue = "1/2",
      description = "δ in [1/2, 1) (default 1/2)")
  String deltaText;

  @Mixin
  ReduceOutput printer;

  @Override
  public Integer call() throws IOException {
    BigFraction delta = ReduceArgs.openUnit("--delta", deltaText, "δ");
    if (delta.compareTo(BigFraction.of(1, 2)) < 0) {
      throw InputException.of("--delta", "δ = " + deltaText + " is out of range; Theorem 3.3's "
          + "reduction is for δ in [1/2, 1)");
    }
    Model model = ModelFiles.read(modelFile);
    if (!(model instanceof Circuit phi)) {
      throw InputException.of(modelFile.toString(), "E-MAJSAT needs a Boolean circuit (.aag, .expr, "
          + ".cnf), not a ReLU network");
    }
    if (n < 0 || n > phi.dimension()) {
      throw InputException.of("--n", n + " is out of range; the circuit has " + phi.dimension()
          + " inputs, so expected 0.." + phi.dimension());
    }
    if (phi.dimension() > EmajsatSolver.MAX_VARIABLES) {
      throw new TooLargeException("φ has " + phi.dimension() + " inputs; E-MAJSAT is solved by "
          + "enumeration up to " + EmajsatSolver.MAX_VARIABLES);
    }
    EmajsatInstance source = new EmajsatInstance(phi.withOutput(0), n);
    EmajsatToRelevant red = EmajsatToRelevant.reduce(source, delta);
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
        (int) (a & ((1L << n) - 1))).compareTo(BigFraction.of(1, 2)) > 0).orElse(false);
    boolean holds = decision.relevant() == sol.satisfiable() && witnessMaps;

    Output o = new Output();
    o.put("claim", "seed 003 Theorem 3.3: E-MAJSAT <=p RELEVANT-INPUT");
    o.put("n", n);
    o.put("r", source.random());
    o.put("delta", Scalar.exact(delta));
    o.put("nPadded", red.paddedExistential());
    o.put("rPadded", red.paddedRandom());
    o.put("variables", target.dimension());
    o.put("kPrime", target.k());
    o.put("shiftBits", red.shift().bits());
    o.put("shiftCount", red.shift().count());
    o.put("rho", Scalar.exact(red.shift().rho()));
    o.put("maxProbability", Scalar.exact(sol.maxProbability()));
    o.put("emajsat", sol.satisfiable());
    o.put("relevantInput", decision.relevant());
    decision.witness().ifPresent(w -> o.put("witness",
        java.util.Arrays.stream(w.features()).boxed().toList()));
    decision.witnessRelevance().ifPresent(v -> o.put("witnessRelevance", Scalar.exact(v)));
    o.put("predictedMaximum", Scalar.exact(red.predictedMaximum(sol)));
    o.put("oracleCalls", decision.oracleCalls());
    o.put("candidates", candidates);
    o.put("claimHolds", holds);
    o.put("seconds", Math.round(seconds * 1000) / 1000.0);
    String walkthrough = "# E-MAJSAT ≤p RELEVANT-INPUT on " + modelFile.getFileName()
        + " (seed 003, Theorem 3.3)\n\n```\n" + red.explain() + "```\n\n"
        + "Membership (guess and count): " + decision + ".\n\n"
        + (holds ? "Both problems give the same answer, checked exactly.\n"
            : "**The answers differ on this instance.**\n");
    String name = ReduceOutput.stem(modelFile);
    Circuit phiPrime = target.circuit();
    printer.write(spec, "aiger", name + "-relevant.aag", () -> AigerFormat.toString(phiPrime));
    printer.write(spec, "dot", name + "-relevant.dot",
        () -> CircuitDot.toDot(phiPrime, "Φ' for " + name + " (seed 003 Theorem 3.3)"));
    printer.write(spec, "walkthrough", name + "-relevant-walkthrough.md", () -> walkthrough);
    printer.print(spec, o, walkthrough);
    return holds ? 0 : 1;
  }
}
