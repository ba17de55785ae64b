package xcert.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.notation.InputVector;
import xcert.solvers.num.Rationals;
import xcert.solvers.query.Evaluation;

/**
 * {@code xcert eval}: f(x) of a model at one input by {@link Evaluation#evaluate}, in one forward
 * pass, exactly where the model is exact, with the class where it has a threshold.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"The model's value f(x) at one input, in one forward pass: exact (value and",
        "rational) for circuits and network scores, float64 for a probability after a",
        "Sigmoid/Softmax head (--head probability); the class where there is a threshold.",
        "",
        "Examples:",
        "  xcert eval --model examples/net.json --x 1,0,1",
        "  xcert eval --model examples/classifier.json --x 0.5,-1,2 --json",
        "  xcert eval --model examples/net.json --x 101 --threshold 2 --strict-threshold"})
final class EvalCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--x", required = true, paramLabel = "VALUES",
      description = "the input: a bit string (1011) or d comma-separated numbers")
  String xText;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Override
  public Integer call() {
    Model model = modelOptions.read(true);
    int d = model.dimension();
    double[] x = InputVector.parse("--x", xText, d);
    Evaluation.Value v = Evaluation.evaluate(model, x);
    Output out = new Output().put("model", modelOptions.file.toString()).put("d", d).put("x", x);
    if (model instanceof Circuit || modelOptions.output != null) {
      out.put("output", modelOptions.circuitOutput());
    }
    out.put("value", v.value());
    v.rational().ifPresent(r -> out.put("rational", Rationals.format(r)));
    if (v.label().isPresent()) {
      out.put("label", v.label().getAsInt());
    }
    out.put("exact", v.isExact()).put("provenance", v.provenance().describe());
    spec.commandLine().getOut().print(json ? out.toJson() + "\n" : out.toTable());
    return 0;
  }
}
