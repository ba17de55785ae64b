package xcert.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.reductions.relu.CircuitToRelu;
import xcert.reductions.relu.ReluCompilation;
import xcert.reductions.relu.ReluDot;
import xcert.reductions.relu.ReluEquivalence;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;

/**
 * {@code xcert reduce circuit-to-relu}: compiles one output of a Boolean circuit into an integer ReLU
 * network of bounded depth (seed 003 Section 3: the hardness results carry over from circuits to
 * ReLU networks) and checks the two agree: on every point of {0,1}^d when d is small, else on seeded
 * uniform samples (evidence; the proof is the construction's).
 */
@Command(name = "circuit-to-relu", mixinStandardHelpOptions = true,
    description = {"Compile a circuit output into an integer ReLU network and check equivalence.",
        "",
        "Examples:",
        "  xcert reduce circuit-to-relu --model examples/majority3.expr --explain",
        "  xcert reduce circuit-to-relu --model examples/uf20-01.cnf --check exhaustive --json",
        "  xcert reduce circuit-to-relu --model big.aag --samples 1000000 --seed 7 --out net"})
final class CircuitToReluCommand implements Callable<Integer> {

  /** Largest d that --check auto enumerates. */
  static final int AUTO_EXHAUSTIVE_D = 20;

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "the circuit: .aag, .expr or .cnf")
  Path modelFile;

  @Option(names = "--output", paramLabel = "K", defaultValue = "1",
      description = "which output of the circuit, 1-based (default 1)")
  int output;

  @Option(names = "--check", paramLabel = "HOW", defaultValue = "auto",
      description = "auto (exhaustive for d <= " + AUTO_EXHAUSTIVE_D + ", else sampled), "
          + "exhaustive (d <= " + ReluEquivalence.MAX_EXHAUSTIVE_D + ") or sampled")
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
    if (!check.equals("auto") && !check.equals("exhaustive") && !check.equals("sampled")) {
      throw InputException.of("--check", "'" + check + "' is not a check; expected auto, "
          + "exhaustive or sampled");
    }
    if (samples < 1 || samples > 1_000_000_000L) {
      throw InputException.of("--samples", samples + " is out of range; expected 1..10^9");
    }
    Model model = ModelFiles.read(modelFile);
    if (!(model instanceof Circuit c)) {
      throw InputException.of(modelFile.toString(), "expected a Boolean circuit (.aag, .expr, "
          + ".cnf); this file is already a ReLU network");
    }
    if (output < 1 || output > c.outputCount()) {
      throw InputException.of("--output", output + " is out of range; the circuit has "
          + c.outputCount() + " output(s)");
    }
    int d = c.dimension();
    boolean exhaustive = check.equals("exhaustive")
        || (check.equals("auto") && d <= AUTO_EXHAUSTIVE_D);
    if (exhaustive && d > ReluEquivalence.MAX_EXHAUSTIVE_D) {
      throw new TooLargeException("d = " + d + " inputs: 2^" + d + " points; the exhaustive check "
          + "enumerates up to d = " + ReluEquivalence.MAX_EXHAUSTIVE_D + " (use --check sampled)");
    }
    long t0 = System.nanoTime();
    ReluCompilation compiled = CircuitToRelu.compile(c, output - 1, !noMerge);
    double compileSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    boolean agrees;
    Output o = new Output();
    o.put("claim", "circuit and compiled ReLU network compute the same Boolean function");
    o.put("d", d);
    o.put("output", output);
    o.put("circuitNodes", compiled.coneNodes());
    o.put("circuitDepth", compiled.circuitDepth());
    o.put("gates", compiled.gates());
    o.put("layers", compiled.depth());
    o.put("hiddenLayers", compiled.hiddenLayers());
    o.put("hiddenUnits", compiled.size());
    o.put("carries", compiled.carries());
    o.put("mergedChains", compiled.mergedChains());
    if (exhaustive) {
      ReluEquivalence.Exhaustive e = ReluEquivalence.exhaustive(c, output - 1, compiled.network());
      agrees = e.agrees();
      o.put("check", "exhaustive");
      o.put("points", e.points());
      o.put("disagreements", e.disagreements());
      o.put("provenance", "exact: every point of {0,1}^" + d
          + (e.integerArithmetic() ? ", integer arithmetic" : ""));
      e.counterexample().ifPresent(x -> o.put("counterexample", bits(x)));
    } else {
      ReluEquivalence.Sampled s = ReluEquivalence.sampled(c, output - 1, compiled.network(),
          samples, seed);
      agrees = s.agrees();
      o.put("check", "sampled");
      o.put("samples", s.n());
      o.put("seed", s.seed());
      o.put("disagreements", s.disagreements());
      o.put("provenance", "sampled: " + s.n() + " uniform points, seed " + s.seed()
          + "; evidence, the construction is the proof");
      s.firstDisagreement().ifPresent(x -> o.put("counterexample", x));
    }
    o.put("agrees", agrees);
    o.put("compileSeconds", Math.round(compileSeconds * 1000) / 1000.0);
    o.put("checkSeconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
    String walkthrough = "# " + modelFile.getFileName() + " as a ReLU network\n\n```\n"
        + compiled.explain() + "```\n";
    String name = ReduceOutput.stem(modelFile);
    printer.write(spec, "network", name + "-relu.json",
        () -> ReluJsonFormat.toString(compiled.network()));
    printer.write(spec, "dot", name + "-relu.dot", () -> {
      StringWriter w = new StringWriter();
      ReluDot.write(compiled, w);
      return w.toString();
    });
    printer.write(spec, "walkthrough", name + "-relu-walkthrough.md", () -> walkthrough);
    printer.print(spec, o, walkthrough);
    return agrees ? 0 : 1;
  }

  private static String bits(boolean[] x) {
    StringBuilder sb = new StringBuilder();
    for (boolean b : x) {
      sb.append(b ? '1' : '0');
    }
    return sb.toString();
  }
}
