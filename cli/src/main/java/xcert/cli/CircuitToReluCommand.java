package xcert.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.reductions.reduce.CheckMode;
import xcert.reductions.reduce.CircuitToReluReduction;
import xcert.reductions.relu.ReluCompilation;
import xcert.reductions.relu.ReluEquivalence;

/** {@code xcert reduce circuit-to-relu}: prints {@link CircuitToReluReduction}. */
@Command(name = "circuit-to-relu", mixinStandardHelpOptions = true,
    description = {"Compile a circuit output into an integer ReLU network and check equivalence.",
        "",
        "Examples:",
        "  xcert reduce circuit-to-relu --model examples/majority3.expr --explain",
        "  xcert reduce circuit-to-relu --model examples/uf20-01.cnf --check exhaustive --json",
        "  xcert reduce circuit-to-relu --model big.aag --samples 1000000 --seed 7 --out net"})
final class CircuitToReluCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the circuit: .aag, .expr or .cnf")
  Path modelFile;

  @Option(names = "--output", paramLabel = "K", defaultValue = "1",
      description = "which output of the circuit, 1-based (default 1)")
  int output;

  @Option(names = "--check", paramLabel = "HOW", defaultValue = "auto",
      description = "auto (exhaustive for d <= " + CircuitToReluReduction.AUTO_EXHAUSTIVE_D
          + ", else sampled), exhaustive (d <= " + ReluEquivalence.MAX_EXHAUSTIVE_D + ") or sampled")
  String check;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "100000",
      description = "uniform samples for the sampled check (default 100000)")
  long samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "seed of the samples (default 1)")
  long seed;

  @Option(names = "--no-merge", description = "do not merge single-use AND/OR/XOR chains (the "
      + "plain level-by-level construction)")
  boolean noMerge;

  @Mixin
  ReduceOutput printer;

  @Override
  public Integer call() throws IOException {
    printer.checkOut();
    CircuitToReluReduction.Result r = CircuitToReluReduction.compile(modelFile,
        CircuitToReluReduction.Settings.defaults().withCheck(CheckMode.fromId(check))
            .withSamples(samples).withSeed(seed).withOutput(output).withMerge(!noMerge));
    ReluCompilation c = r.compilation();
    Output o = new Output();
    o.put("claim", r.check().claim()).put("d", c.dimension()).put("output", r.output());
    o.put("circuitNodes", c.coneNodes()).put("circuitDepth", c.circuitDepth());
    o.put("gates", c.gates()).put("layers", c.depth()).put("hiddenLayers", c.hiddenLayers());
    o.put("hiddenUnits", c.size()).put("carries", c.carries());
    o.put("mergedChains", c.mergedChains()).put("check", r.mode().id());
    if (r.exhaustive() != null) {
      ReluEquivalence.Exhaustive e = r.exhaustive();
      o.put("points", e.points()).put("disagreements", e.disagreements());
      o.put("provenance", r.provenanceText());
      e.counterexample().ifPresent(x -> o.put("counterexample", bits(x)));
    } else {
      ReluEquivalence.Sampled s = r.sampled();
      o.put("samples", s.n()).put("seed", s.seed()).put("disagreements", s.disagreements());
      o.put("provenance", r.provenanceText());
      s.firstDisagreement().ifPresent(x -> o.put("counterexample", x));
    }
    o.put("agrees", r.agrees());
    o.put("compileSeconds", Math.round(r.compileSeconds() * 1000) / 1000.0);
    o.put("checkSeconds", Math.round(r.checkSeconds() * 1000) / 1000.0);
    printer.print(spec, o, r.walkthrough(), r.files());
    return r.agrees() ? 0 : 1;
  }

  private static String bits(boolean[] x) {
    StringBuilder sb = new StringBuilder();
    for (boolean b : x) {
      sb.append(b ? '1' : '0');
    }
    return sb.toString();
  }
}
