package xcert.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.numbers.fraction.BigFraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
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
import xcert.solvers.result.Scalar;

/**
 * {@code xcert reduce sat-to-ap}: seed 003 Lemma 3.6 (SAT ≤p AP) on a DIMACS CNF, both the
 * construction and an exact check of the direction of the lemma that applies; with {@code --alpha},
 * Theorem 3.4's m', its inequalities and the decision procedure against adversarial approximations.
 */
@Command(name = "sat-to-ap", mixinStandardHelpOptions = true,
    description = {"Seed 003 Lemma 3.6: build the AP instance (Φ', x', k', m') of a CNF and check the "
        + "lemma on it exactly; with --alpha, Theorem 3.4's m' and inequalities.",
        "",
        "Examples:",
        "  xcert reduce sat-to-ap --cnf examples/uf20-01.cnf --delta 1/2 --explain",
        "  xcert reduce sat-to-ap --cnf examples/uf20-01.cnf --delta 0.9 --alpha 1/2 --json",
        "  xcert reduce sat-to-ap --cnf f.cnf --delta 1/3 --out reduced"})
final class SatToApCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--cnf", required = true, paramLabel = "FILE", description = "a DIMACS CNF")
  Path cnfFile;

  @Option(names = "--delta", paramLabel = "D", defaultValue = "1/2",
      description = "δ in (0,1), a decimal or a fraction (default 1/2)")
  String deltaText;

  @Option(names = "--alpha", paramLabel = "A",
      description = "α in (0,1): take m' from Theorem 3.4 and check its inequalities")
  String alphaText;

  @Option(names = "--m", paramLabel = "M",
      description = "m' for the lemma (default k', the least allowed)")
  BigInteger mText;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "seed of the random adversaries of the decision procedure (default 1)")
  long seed;

  @Mixin
  ReduceOutput printer;

  @Override
  public Integer call() throws IOException {
    BigFraction delta = ReduceArgs.openUnit("--delta", deltaText, "δ");
    if (alphaText != null && mText != null) {
      throw InputException.of("--m", "choose one of --m (Lemma 3.6) and --alpha (Theorem 3.4)");
    }
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(cnfFile);
    if (cnf.variables() < 1) {
      throw InputException.of(cnfFile.toString(), "the CNF has no variables; expected at least 1");
    }
    ApParameters params;
    if (alphaText != null) {
      params = ApParameters.forTheorem34(cnf.variables(), delta,
          ReduceArgs.openUnit("--alpha", alphaText, "α"));
    } else {
      long k = (long) cnf.variables() * ApParameters.q(cnf.variables(), delta);
      if (mText != null && mText.compareTo(BigInteger.valueOf(k)) < 0) {
        throw InputException.of("--m", mText + " is below k' = " + k + "; Lemma 3.6 needs m' >= k'");
      }
      params = ApParameters.forLemma(cnf.variables(), delta, mText);
    }
    ApInstance inst = new ApInstance(cnf, params);
    Lemma36Check.Result lemma = Lemma36Check.check(inst);
    List<Theorem34.Inequality> inequalities = params.alpha() == null ? null
        : Theorem34.check(params);
    DecisionProcedure.Outcome procedure = params.alpha() == null || !lemma.claimHolds() ? null
        : DecisionProcedure.run(inst, lemma, seed);
    String name = ReduceOutput.stem(cnfFile);
    String walkthrough = Lemma36Walkthrough.markdown(cnfFile.getFileName().toString(), inst, lemma,
        inequalities, procedure);
    printer.write(spec, "aiger", name + "-ap.aag", () -> AigerFormat.toString(inst.phiPrime()));
    printer.write(spec, "dot", name + "-ap.dot",
        () -> CircuitDot.toDot(inst.phiPrime(), "Φ' for " + name + " (seed 003 Lemma 3.6)"));
    printer.write(spec, "walkthrough", name + "-ap-walkthrough.md", () -> walkthrough);
    printer.print(spec, answer(params, lemma, inequalities, procedure), walkthrough);
    boolean all = lemma.claimHolds()
        && (inequalities == null || inequalities.stream().allMatch(Theorem34.Inequality::holds))
        && (procedure == null || procedure.allCorrect());
    return all ? 0 : 1;
  }

  private Output answer(ApParameters a, Lemma36Check.Result lemma,
      List<Theorem34.Inequality> inequalities, DecisionProcedure.Outcome procedure) {
    Output o = new Output();
    o.put("claim", a.alpha() == null ? "seed 003 Lemma 3.6 (SAT <=p AP)"
        : "seed 003 Lemma 3.6 with Theorem 3.4's m'");
    o.put("d", a.d());
    o.put("delta", Scalar.exact(a.delta()));
    if (a.alpha() != null) {
      o.put("alpha", Scalar.exact(a.alpha()));
    }
    o.put("q", a.q());
    o.put("p", a.p());
    o.put("kPrime", a.kPrime());
    o.put("mPrime", a.mPrime());
    o.put("variables", a.variables());
    o.put("satisfiable", lemma.satisfiable());
    if (lemma.satisfiable()) {
      o.put("witnessSize", lemma.witnessSize());
      o.put("witnessRelevance", Scalar.exact(lemma.witnessRelevance()));
      o.put("unionBound", Scalar.exact(lemma.unionBound()));
    } else {
      o.put("miterUnsatisfiable", lemma.equivalent());
      if (lemma.bestRelevance() != null) {
        o.put("bestRelevanceAtMPrime", Scalar.exact(lemma.bestRelevance()));
      }
      o.put("leastRelevantSize", lemma.leastRelevantSize());
    }
    o.put("claimHolds", lemma.claimHolds());
    if (inequalities != null) {
      List<List<Object>> rows = new ArrayList<>();
      for (Theorem34.Inequality q : inequalities) {
        rows.add(List.of(q.name(), q.statement(), q.decided() ? (Object) q.holds() : "undecided"));
      }
      o.put("inequalities", new Output.Rows(List.of("name", "statement", "holds"), rows));
    }
    if (procedure != null) {
      List<List<Object>> rows = new ArrayList<>();
      for (DecisionProcedure.Run r : procedure.runs()) {
        rows.add(List.of(r.adversary(), r.k(), r.decidedSatisfiable() ? "satisfiable"
            : "unsatisfiable", r.correct()));
      }
      o.put("legalOutputs", procedure.lowest() + ".." + procedure.highest());
      o.put("decisionProcedure", new Output.Rows(List.of("adversary", "k", "decided", "correct"),
          rows));
    }
    o.put("seconds", Math.round(lemma.seconds() * 1000) / 1000.0);
    return o;
  }
}
