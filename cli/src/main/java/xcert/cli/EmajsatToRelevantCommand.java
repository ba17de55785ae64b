package xcert.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.reductions.emajsat.EmajsatToRelevant;
import xcert.reductions.emajsat.GuessAndCount;
import xcert.reductions.emajsat.RelevantInputInstance;
import xcert.reductions.reduce.EmajsatToRelevantReduction;
import xcert.solvers.result.Scalar;

/** {@code xcert reduce emajsat-to-relevant}: prints {@link EmajsatToRelevantReduction}. */
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
    printer.checkOut();
    EmajsatToRelevantReduction.Result r = EmajsatToRelevantReduction.reduce(modelFile,
        EmajsatToRelevantReduction.Settings.defaults().withDelta(deltaText).withN(n));
    EmajsatToRelevant red = r.reduction();
    RelevantInputInstance target = r.target();
    GuessAndCount.Decision decision = r.decision();
    Output o = new Output();
    o.put("claim", "seed 003 Theorem 3.3: E-MAJSAT <=p RELEVANT-INPUT");
    o.put("n", n).put("r", red.source().random()).put("delta", Scalar.exact(red.delta()));
    o.put("nPadded", red.paddedExistential()).put("rPadded", red.paddedRandom());
    o.put("variables", target.dimension()).put("kPrime", target.k());
    o.put("shiftBits", red.shift().bits()).put("shiftCount", red.shift().count());
    o.put("rho", Scalar.exact(red.shift().rho()));
    o.put("maxProbability", Scalar.exact(r.solution().maxProbability()));
    o.put("emajsat", r.solution().satisfiable()).put("relevantInput", decision.relevant());
    decision.witness().ifPresent(w -> o.put("witness",
        Arrays.stream(w.features()).boxed().toList()));
    decision.witnessRelevance().ifPresent(v -> o.put("witnessRelevance", Scalar.exact(v)));
    o.put("predictedMaximum", Scalar.exact(red.predictedMaximum(r.solution())));
    o.put("oracleCalls", decision.oracleCalls()).put("candidates", r.candidates());
    o.put("claimHolds", r.claimHolds());
    o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    printer.print(spec, o, r.walkthrough(), r.files());
    return r.claimHolds() ? 0 : 1;
  }
}
