package xcert.reductions.studies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.reductions.emajsat.EmajsatInstance;
import xcert.reductions.emajsat.Theorem33Check;
import xcert.reductions.instances.Generated;
import xcert.reductions.instances.Satlib;
import xcert.reductions.relu.CircuitToRelu;
import xcert.reductions.relu.ReluCompilation;
import xcert.reductions.relu.ReluEquivalence;
import xcert.reductions.sattoap.ApInstance;
import xcert.reductions.sattoap.ApParameters;
import xcert.reductions.sattoap.DecisionProcedure;
import xcert.reductions.sattoap.ExhaustiveAp;
import xcert.reductions.sattoap.Lemma36Check;
import xcert.reductions.sattoap.Lemma36Walkthrough;
import xcert.reductions.sattoap.Theorem34;
import xcert.solvers.claims.Tally;
import xcert.solvers.claims.Verdict;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.num.Rationals;
import xcert.solvers.report.Report;
import xcert.solvers.report.TallyReports;
import xcert.solvers.report.Study;

/**
 * The reductions of seed 003 built as code and checked: Lemma 3.6 (SAT ≤p AP) on every SATLIB
 * instance and on generated CNFs, exhaustively where Φ' is small; Theorem 3.4's inequalities over a
 * parameter grid and its decision procedure against adversarial approximation algorithms; Theorem
 * 3.3's reduction from E-MAJSAT and its membership algorithm, every candidate set visited, for
 * n, r ≤ 3; circuit → ReLU compilation (seed 003, footnote 1) checked on all of {0,1}^d and by
 * sampling.
 */
public final class ReductionsStudy implements Study {

  private static final BigFraction HALF = BigFraction.of(1, 2);

  /**
   * How much to run.
   *
   * @param satlibDeltas the δ at which Lemma 3.6 is checked on all 200 SATLIB instances
   * @param generated generated CNFs for Lemma 3.6 (seeds 3600+k)
   * @param exhaustive small CNFs checked over every S' of Φ' (seeds 3700+k)
   * @param procedureSatlib instances of uf20-91 and of uuf50-218 for Theorem 3.4's procedure
   * @param procedureGenerated generated CNFs for Theorem 3.4's procedure (seeds 3400+k)
   * @param perShape E-MAJSAT instances per (n, r, δ) (seeds 3300+k)
   * @param reluSatlib uf20-91 circuits compiled to ReLU networks
   * @param reluGenerated generated circuits compiled to ReLU networks (seeds 3500+k)
   * @param reluSamples uniform samples comparing Φ' with its network
   */
  public record Config(List<BigFraction> satlibDeltas, int generated, int exhaustive,
      int procedureSatlib, int procedureGenerated, int perShape, int reluSatlib, int reluGenerated,
      long reluSamples) {

    public Config {
      satlibDeltas = List.copyOf(satlibDeltas);
    }

    /** The configuration of the standard report. */
    public static Config standard() {
      return new Config(List.of(HALF), 200, 60, 4, 40, 5, 10, 300, 100_000);
    }

    /** The configuration of the full report. */
    public static Config full() {
      return new Config(List.of(HALF, BigFraction.of(9, 10)), 1000, 300, 20, 200, 20, 100, 300,
          1_000_000);
    }
  }

  /**
   * What the study found.
   *
   * @param config what was run
   * @param tally every checked statement with its held, failed and vacuous counts
   * @param theorem34ParameterSets the size of Theorem 3.4's parameter grid
   * @param seconds the time of the whole run
   */
  public record Result(Config config, Tally tally, int theorem34ParameterSets, double seconds) {

    /** True when no statement failed anywhere. */
    public boolean allHeld() {
      return tally.rows().stream().allMatch(r -> r.fails() == 0);
    }
  }

  @Override
  public String id() {
    return "reductions";
  }

  @Override
  public String title() {
    return "Reductions (seed 003): SAT to AP, inapproximability, E-MAJSAT to RELEVANT-INPUT, "
        + "circuits to ReLU networks";
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    return report(compute(full ? Config.full() : Config.standard(), progress));
  }

  /** Runs every check of {@code config}. */
  public static Result compute(Config config, Consumer<String> progress) {
    long t0 = System.nanoTime();
    Tally tally = new Tally();
    List<Path> sat = new ArrayList<>(Satlib.family("uf20-91"));
    sat.addAll(Satlib.family("uf50-218"));
    List<Path> unsat = Satlib.family("uuf50-218");
    lemma36Satlib(sat, unsat, config.satlibDeltas(), tally, progress);
    lemma36Generated(config.generated(), tally, progress);
    lemma36Exhaustive(config.exhaustive(), tally, progress);
    int gridSize = theorem34Grid(tally);
    progress.accept("reductions: Theorem 3.4 inequalities on " + gridSize + " parameter sets");
    theorem34Procedure(config, tally, progress);
    theorem33(config.perShape(), tally, progress);
    relu(sat.subList(0, config.reluSatlib()), config, tally, progress);
    return new Result(config, tally, gridSize, (System.nanoTime() - t0) / 1e9);
  }

  /** The report of a result: the setup, the table of checks, the worked example; data for JSON. */
  public static Report report(Result result) {
    Config config = result.config();
    String setup = String.format(Locale.ROOT, "All 200 SATLIB instances (uf20-91, uf50-218, "
        + "uuf50-218) at δ ∈ {%s}; %d generated 3-CNFs (d ≤ 10, seed 3600+k) and %d small ones "
        + "checked over every set S' of Φ' (d' ≤ %d, seed 3700+k); Theorem 3.4 on %d (d, α, δ); "
        + "E-MAJSAT instances for every n, r ≤ 3, %d per shape and δ (seed 3300+k); %d uf20-91 "
        + "circuits and %d generated ones compiled to ReLU networks and compared on all of "
        + "{0,1}^d. %.1f s.", deltasText(config.satlibDeltas()), config.generated(),
        config.exhaustive(), ExhaustiveAp.MAX_INPUTS, result.theorem34ParameterSets(),
        config.perShape(), config.reluSatlib(), config.reluGenerated(), result.seconds());
    Report.Builder b = Report.builder("reductions", new ReductionsStudy().title())
        .paragraph(setup);
    TallyReports.blocks(b, result.tally(), "check", row -> true);
    b.paragraph(notes(), Report.Medium.DOCUMENT);
    return b.data("seconds", result.seconds())
        .data("generated_cnfs", config.generated())
        .data("exhaustive_cnfs", config.exhaustive())
        .data("theorem34_parameter_sets", result.theorem34ParameterSets())
        .data("rows", TallyReports.data(result.tally(), "check"))
        .build();
  }

  private static String deltasText(List<BigFraction> ds) {
    List<String> s = new ArrayList<>();
    for (BigFraction d : ds) {
      s.add(Rationals.format(d));
    }
    return String.join(", ", s);
  }

  private static final String LEMMA_SAT = "Lemma 3.6, Φ satisfiable: S × [q] is δ-relevant for Φ' "
      + "and |S × [q]| ≤ k' (exact count)";
  private static final String LEMMA_UNSAT = "Lemma 3.6, Φ unsatisfiable: Φ' ≡ ∧v (miter UNSAT), "
      + "so no |S'| ≤ m' is δ-relevant (best 2^-p < δ)";

  private static void lemma36(DimacsFormat.Cnf cnf, BigFraction delta, String name, Tally tally) {
    ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), delta, null));
    Lemma36Check.Result r = Lemma36Check.check(inst);
    String claim = r.satisfiable() ? LEMMA_SAT : LEMMA_UNSAT;
    tally.add(r.claimHolds() ? Verdict.holds(claim, r.satisfiable() ? "relevance "
        + r.witnessRelevance().doubleValue() : "best " + r.bestRelevance())
        : Verdict.fails(claim, name + " δ = " + Rationals.format(delta) + ": " + r), "", name);
  }

  private static void lemma36Satlib(List<Path> sat, List<Path> unsat, List<BigFraction> deltas,
      Tally tally, Consumer<String> progress) {
    for (BigFraction delta : deltas) {
      for (List<Path> group : List.of(sat, unsat)) {
        for (Path p : group) {
          lemma36(DimacsFormat.readClauses(p), delta, p.getFileName().toString(), tally);
        }
      }
    }
    progress.accept("reductions: Lemma 3.6 on " + (sat.size() + unsat.size()) + " SATLIB instances");
  }

  private static void lemma36Generated(int n, Tally tally, Consumer<String> progress) {
    for (int k = 0; k < n; k++) {
      SplittableRandom r = new SplittableRandom(3600 + k);
      int d = 1 + r.nextInt(10);
      DimacsFormat.Cnf cnf = Generated.cnf(3600 + k, d, 1 + r.nextInt(6 * d));
      lemma36(cnf, BigFraction.of(1 + r.nextInt(7), 8), "generated seed " + (3600 + k), tally);
    }
    progress.accept("reductions: Lemma 3.6 on " + n + " generated CNFs");
  }

  private static void lemma36Exhaustive(int n, Tally tally, Consumer<String> progress) {
    String claim = "Lemma 3.6 over every S' of Φ': least δ-relevant size ≤ k' iff Φ satisfiable, "
        + "> m' iff not";
    BigFraction[] deltas = {BigFraction.of(1, 4), HALF, BigFraction.of(3, 4)};
    for (int k = 0; k < n; k++) {
      SplittableRandom r = new SplittableRandom(3700 + k);
      BigFraction delta = deltas[k % deltas.length];
      // d = 3 at δ = 3/4 needs q = 4 copies: d' = 25, beyond the enumeration
      int d = 1 + r.nextInt(delta.compareTo(HALF) > 0 ? 2 : 3);
      DimacsFormat.Cnf cnf = Generated.cnf(3700 + k, d, 1 + r.nextInt(5 * d));
      ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(d, delta, null));
      if (inst.inputs() > ExhaustiveAp.MAX_INPUTS) {
        tally.add(Verdict.vacuous(claim, "d' = " + inst.inputs() + " too large to enumerate"), "",
            "seed " + (3700 + k));
        continue;
      }
      ExhaustiveAp.Result e = ExhaustiveAp.check(inst);
      tally.add(e.claimHolds() ? Verdict.holds(claim, "k* = " + e.leastRelevantSize())
          : Verdict.fails(claim, "seed " + (3700 + k) + " δ = " + delta + ": " + e), "",
          "seed " + (3700 + k));
    }
    progress.accept("reductions: Lemma 3.6 by enumeration on " + n + " small CNFs");
  }

  private static int theorem34Grid(Tally tally) {
    int[] ds = {1, 2, 3, 5, 7, 10, 20, 50, 100, 1000};
    BigFraction[] alphas = {BigFraction.of(1, 10), BigFraction.of(1, 4), BigFraction.of(1, 3),
        HALF, BigFraction.of(2, 3), BigFraction.of(3, 4), BigFraction.of(9, 10),
        BigFraction.of(99, 100)};
    BigFraction[] deltas = {BigFraction.of(1, 100), BigFraction.of(1, 4), HALF,
        BigFraction.of(3, 4), BigFraction.of(9, 10), BigFraction.of(99, 100)};
    String claim = "Theorem 3.4: m' = ⌈max(2k'(k'^(1−α) + p^(1−α)), (2k')^(1/α) + 1)⌉ satisfies "
        + "inequalities (1)–(8), decided exactly";
    int sets = 0;
    for (int d : ds) {
      for (BigFraction a : alphas) {
        for (BigFraction delta : deltas) {
          sets++;
          ApParameters params = ApParameters.forTheorem34(d, delta, a);
          String where = "d=" + d + " α=" + Rationals.format(a) + " δ=" + Rationals.format(delta);
          String failed = null;
          for (Theorem34.Inequality i : Theorem34.check(params)) {
            if (!(i.decided() && i.holds())) {
              failed = where + ": " + i.name() + " " + i.statement()
                  + (i.decided() ? " is false" : " undecided");
              break;
            }
          }
          tally.add(failed == null ? Verdict.holds(claim, where) : Verdict.fails(claim, failed), "",
              where);
        }
      }
    }
    return sets;
  }

  private static void theorem34Procedure(Config config, Tally tally, Consumer<String> progress) {
    String claim = "Theorem 3.4: the procedure (answer satisfiable iff k < m') is right for every "
        + "adversarial d'^(1−α)-approximation";
    int per = config.procedureSatlib();
    List<Path> files = new ArrayList<>(Satlib.family("uf20-91").subList(0, per));
    files.addAll(Satlib.family("uuf50-218").subList(0, per));
    for (Path p : files) {
      DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
      for (BigFraction alpha : new BigFraction[] {BigFraction.of(3, 4), BigFraction.of(9, 10)}) {
        procedure(cnf, HALF, alpha, p.getFileName() + " α=" + Rationals.format(alpha), claim,
            tally);
      }
    }
    int generated = config.procedureGenerated();
    for (int k = 0; k < generated; k++) {
      SplittableRandom r = new SplittableRandom(3400 + k);
      int d = 1 + r.nextInt(8);
      DimacsFormat.Cnf cnf = Generated.cnf(3400 + k, d, 1 + r.nextInt(6 * d));
      // α ≥ 1/2 keeps m' ≈ (2k')^(1/α) buildable
      procedure(cnf, BigFraction.of(1 + r.nextInt(7), 8), BigFraction.of(5 + r.nextInt(5), 10),
          "generated seed " + (3400 + k), claim, tally);
    }
    progress.accept("reductions: Theorem 3.4 decision procedure on " + files.size()
        + " SATLIB and " + generated + " generated CNFs");
  }

  private static void procedure(DimacsFormat.Cnf cnf, BigFraction delta, BigFraction alpha,
      String name, String claim, Tally tally) {
    ApInstance inst = new ApInstance(cnf, ApParameters.forTheorem34(cnf.variables(), delta, alpha));
    Lemma36Check.Result lemma = Lemma36Check.check(inst);
    if (!lemma.claimHolds()) {
      tally.add(Verdict.fails(claim, name + ": Lemma 3.6 fails first: " + lemma), "", name);
      return;
    }
    DecisionProcedure.Outcome o = DecisionProcedure.run(inst, lemma, 7);
    tally.add(o.allCorrect() ? Verdict.holds(claim, "outputs " + o.lowest() + ".." + o.highest())
        : Verdict.fails(claim, name + ": " + o), "", name);
  }

  private static void theorem33(int perShape, Tally tally, Consumer<String> progress) {
    String reduction = "Theorem 3.3 (hardness): the reduced instance answers as E-MAJSAT; its "
        + "δ-relevant sets are exactly the S_a with p(a) > 1/2 (every set visited)";
    String membership = "Theorem 3.3 (membership): guess-and-count decides RELEVANT-INPUT as the "
        + "exhaustive survey does";
    BigFraction[] deltas = {HALF, BigFraction.of(2, 3), BigFraction.of(3, 4), BigFraction.of(9, 10)};
    int count = 0;
    int yes = 0;
    for (int n = 0; n <= 3; n++) {
      for (int r = 0; r <= 3; r++) {
        for (BigFraction delta : deltas) {
          for (int t = 0; t < perShape; t++) {
            long seed = 3300 + count;
            SplittableRandom rnd = new SplittableRandom(seed);
            Circuit phi = Generated.emajsat(rnd, n, r);
            EmajsatInstance inst = new EmajsatInstance(phi, n);
            Theorem33Check.Result res = Theorem33Check.check(inst, delta);
            String name = "n=" + n + " r=" + r + " δ=" + Rationals.format(delta) + " seed " + seed;
            tally.add(res.reductionHolds() ? Verdict.holds(reduction, name)
                : Verdict.fails(reduction, name + ": " + res), "", name);
            tally.add(res.membershipHolds() ? Verdict.holds(membership, name)
                : Verdict.fails(membership, name + ": " + res), "", name);
            count++;
            yes += res.emajsat() ? 1 : 0;
          }
        }
      }
    }
    progress.accept("reductions: E-MAJSAT to RELEVANT-INPUT on " + count + " instances (" + yes
        + " yes)");
  }

  private static void relu(List<Path> satlibCnfs, Config config, Tally tally,
      Consumer<String> progress) {
    String exhaustive = "circuit → ReLU: the network's label equals the circuit on all of {0,1}^d";
    String depth = "circuit → ReLU: a 3-CNF compiles to 2 hidden layers whatever d";
    for (Path p : satlibCnfs) {
      Circuit c = DimacsFormat.read(p);
      ReluCompilation comp = CircuitToRelu.compile(c, 0);
      ReluEquivalence.Exhaustive e = ReluEquivalence.exhaustive(c, 0, comp.network());
      String name = p.getFileName().toString();
      tally.add(e.agrees() ? Verdict.holds(exhaustive, e.toString())
          : Verdict.fails(exhaustive, name + ": " + e), "", name);
      tally.add(comp.hiddenLayers() == 2 ? Verdict.holds(depth, name)
          : Verdict.fails(depth, name + ": " + comp.hiddenLayers() + " hidden layers"), "", name);
    }
    for (int k = 0; k < config.reluGenerated(); k++) {
      SplittableRandom r = new SplittableRandom(3500 + k);
      int d = 1 + r.nextInt(12);
      Circuit c = RandomInstances.circuit(r, d, 1 + r.nextInt(4 * d));
      ReluEquivalence.Exhaustive e = ReluEquivalence.exhaustive(c, 0,
          CircuitToRelu.compile(c, 0, k % 2 == 0).network());
      String name = "generated seed " + (3500 + k);
      tally.add(e.agrees() ? Verdict.holds(exhaustive, e.toString())
          : Verdict.fails(exhaustive, name + ": " + e), "", name);
    }
    String sampled = "circuit → ReLU on Φ' of Lemma 3.6 (d' in the hundreds): agreement on "
        + "uniform samples and on lifted satisfying points";
    long samples = config.reluSamples();
    for (Path p : satlibCnfs.subList(0, Math.min(3, satlibCnfs.size()))) {
      DimacsFormat.Cnf cnf = DimacsFormat.readClauses(p);
      ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), HALF, null));
      Circuit phiPrime = inst.phiPrime();
      ReluCompilation comp = CircuitToRelu.compile(phiPrime, 0);
      ReluEquivalence.Sampled s = ReluEquivalence.sampled(phiPrime, 0, comp.network(), samples, 1);
      String lifted = liftedModels(cnf, inst, comp);
      String name = p.getFileName() + " Φ'";
      tally.add(s.agrees() && lifted == null ? Verdict.holds(sampled, s.toString())
          : Verdict.fails(sampled, name + ": " + (lifted != null ? lifted : s)), "", name);
    }
    progress.accept("reductions: circuit → ReLU on " + (satlibCnfs.size() + config.reluGenerated()) + " circuits");
  }

  /**
   * Uniform samples almost never make Φ''s inner conjunctions true, so the points that matter are
   * checked directly: every u-copy set to a model of Φ (and to its complement), v all 0.
   */
  private static String liftedModels(DimacsFormat.Cnf cnf, ApInstance inst, ReluCompilation comp) {
    boolean[] model = Lemma36Check.solve(cnf);
    if (model == null) {
      return null;
    }
    for (boolean flip : new boolean[] {false, true}) {
      boolean[] y = new boolean[inst.inputs()];
      double[] yd = new double[inst.inputs()];
      for (int i = 1; i <= cnf.variables(); i++) {
        for (int j = 1; j <= inst.parameters().q(); j++) {
          y[inst.u(i, j)] = model[i - 1] ^ flip;
          yd[inst.u(i, j)] = y[inst.u(i, j)] ? 1 : 0;
        }
      }
      boolean circuit = inst.phiPrime().evaluate(0, y);
      if (circuit != (comp.network().label(yd) == 1)) {
        return "disagree at the lifted " + (flip ? "complement of a model" : "model");
      }
    }
    return null;
  }

  /** The worked example and the notes below the table. */
  private static String notes() {
    StringBuilder md = new StringBuilder();
    md.append("Theorem 3.3 is cited by the seed without a proof. The reduction checked here is "
        + "xcert's (see `EmajsatToRelevant`); its first, unpadded form fails on three shapes of "
        + "instance, found and shrunk by property tests and kept in `UnpaddedCandidateTest`: "
        + "n = 0 (Ψ ≡ 1), n = 1 with δ ≤ 3/4 (no shift can separate), and r = 0 (\"> 1/2\" means "
        + "\"= 1\"). One or two dummy variables repair all three.\n");
    md.append("\n### Worked example: Lemma 3.6 on uf20-01 at δ = 1/2\n\n");
    DimacsFormat.Cnf cnf = DimacsFormat.readClauses(Satlib.dir().resolve("uf20-91/uf20-01.cnf"));
    ApInstance inst = new ApInstance(cnf, ApParameters.forLemma(cnf.variables(), HALF, null));
    String walk = Lemma36Walkthrough.markdown("uf20-01.cnf", inst, Lemma36Check.check(inst), null,
        null);
    // demote the walkthrough's headings below this section's
    md.append(walk.replaceFirst("^# [^\n]*\n\n", "").replaceAll("(?m)^## ", "#### "));
    md.append("\nRun it yourself: `./xcert reduce sat-to-ap --cnf examples/uf20-01.cnf --delta 1/2 "
        + "--explain`.\n");
    return md.toString();
  }
}
