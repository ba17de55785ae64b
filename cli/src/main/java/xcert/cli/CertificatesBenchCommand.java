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

/** Certificates of seed 002 against OR-Tools GLOP on the same LPs. */
@Command(name = "certificates", mixinStandardHelpOptions = true,
    description = "Certificates of seed 002 against OR-Tools GLOP on the same LPs.")
final class CertificatesBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--baseline-d", split = ",", paramLabel = "D",
      description = "certificates: d at which GLOP solves the full LP as the baseline "
          + "(default 10,12,14)")
  List<Integer> baselineDs = List.of(10, 12, 14);

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    for (int d : baselineDs) {
      if (d < 3 || d > 20) {
        throw InputException.of("--baseline-d", d + " is out of range; expected 3..20");
      }
    }
    new CertificatesBench(spec, json, baselineDs).run();
    return 0;
  }
}
