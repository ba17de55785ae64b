package xcert.cli;

import xcert.explainers.explain.Backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.exact.GameValues;
import xcert.solvers.exact.RestrictedPredictionTable;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.TruthTable;
import xcert.solvers.result.Scalar;
import xcert.solvers.setfunction.MemoryBudget;

/** Seed 003 Lemma 3.6 on all SATLIB instances against one BDD of each reduced circuit. */
@Command(name = "reductions", mixinStandardHelpOptions = true,
    description = "Seed 003 Lemma 3.6 on all SATLIB instances against one BDD of each reduced circuit.")
final class ReductionsBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--delta", paramLabel = "D", defaultValue = "1/2",
      description = "reductions: δ of Lemma 3.6 (default 1/2)")
  String deltaText;

  @Option(names = "--baseline-n", paramLabel = "N", defaultValue = "3",
      description = "reductions: instances per family timed with the BDD baseline (default 3)")
  int baselineN;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    if (baselineN < 0 || baselineN > 100) {
      throw InputException.of("--baseline-n", baselineN + " is out of range; expected 0..100");
    }
    return new ReductionsBench(spec, json, ReduceArgs.openUnit("--delta", deltaText, "δ"),
        baselineN).run();
  }
}
