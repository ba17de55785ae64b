package xcert.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xcert.reductions.reduce.SatToApReduction;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.solvers.result.Scalar;

/** {@code xcert reduce sat-to-ap}: prints {@link SatToApReduction} on a DIMACS CNF. */
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
    printer.checkOut();
    SatToApReduction.Result r = SatToApReduction.reduce(cnfFile, SatToApReduction.Settings
        .defaults().withDelta(deltaText).withM(mText).withAlpha(alphaText).withSeed(seed));
    ApParameters a = r.parameters();
    Lemma36Check.Result lemma = r.lemma();
    Output o = new Output();
    o.put("claim", a.alpha() == null ? "seed 003 Lemma 3.6 (SAT <=p AP)"
        : "seed 003 Lemma 3.6 with Theorem 3.4's m'");
    o.put("d", a.d()).put("delta", Scalar.exact(a.delta()));
    if (a.alpha() != null) {
      o.put("alpha", Scalar.exact(a.alpha()));
    }
    o.put("q", a.q()).put("p", a.p()).put("kPrime", a.kPrime()).put("mPrime", a.mPrime());
    o.put("variables", a.variables()).put("satisfiable", lemma.satisfiable());
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
    if (r.inequalities() != null) {
      o.put("inequalities", new Output.Rows(List.of("name", "statement", "holds"), r.inequalities()
          .stream().map(q -> List.<Object>of(q.name(), q.statement(),
              q.decided() ? (Object) q.holds() : "undecided")).toList()));
    }
    if (r.procedure() != null) {
      o.put("legalOutputs", r.procedure().lowest() + ".." + r.procedure().highest());
      o.put("decisionProcedure", new Output.Rows(List.of("adversary", "k", "decided", "correct"),
          r.procedure().runs().stream().map(x -> List.<Object>of(x.adversary(), x.k(),
              x.decidedSatisfiable() ? "satisfiable" : "unsatisfiable", x.correct())).toList()));
    }
    o.put("seconds", Math.round(lemma.seconds() * 1000) / 1000.0);
    printer.print(spec, o, r.walkthrough(), r.files());
    return r.claimHolds() ? 0 : 1;
  }
}
