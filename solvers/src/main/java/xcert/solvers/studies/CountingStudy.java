package xcert.solvers.studies;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.claims.CountingAgreement;
import xcert.solvers.claims.Tally;
import xcert.solvers.claims.Verdict;
import xcert.solvers.count.SufficientReasons;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.exact.RestrictedPredictions;
import xcert.solvers.features.FeatureSet;
import xcert.solvers.instances.Instance;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.io.DataFiles;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.report.Report;
import xcert.solvers.report.TallyReports;
import xcert.solvers.report.Study;

/**
 * The paths beyond a table (seed 003, Section 3; seed 004, Eq. 1 by counting). Model counts of the
 * SATLIB uf20-91 instances (d-DNNF and BDD) against the published exact counts; satisfiability of
 * uf50-218 / uuf50-218 by counting and by SAT4J; counting and SAT against the table on generated
 * circuits and CNFs; and, on the 50-variable instances where no table fits, SAT's subset-minimal
 * sufficient reasons checked by counting.
 */
public final class CountingStudy implements Study {

  /** Generated instances of the standard run. */
  public static final int STANDARD_GENERATED = 60;

  /** Generated instances of the full run. */
  public static final int FULL_GENERATED = 400;

  private final Path satlib;

  /** The study on the SATLIB instances under data/satlib of the checkout ({@link DataFiles}). */
  public CountingStudy() {
    this(null);
  }

  /**
   * The study on the SATLIB instances in {@code satlib} (with uf20-91/, uf50-218/, uuf50-218/ and
   * uf20-91-model-counts.tsv), or, when null, under data/satlib of the checkout.
   */
  public CountingStudy(Path satlib) {
    this.satlib = satlib;
  }

  @Override
  public String id() {
    return "counting";
  }

  @Override
  public String title() {
    return "Counting and SAT: SATLIB instances, and agreement with the table";
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    return report(full ? FULL_GENERATED : STANDARD_GENERATED, progress);
  }

  /** The SATLIB checks and {@code generated} generated instances against the table. */
  public Report report(int generated, Consumer<String> progress) {
    long t0 = System.nanoTime();
    Tally tally = new Tally();
    Path folder = satlib != null ? satlib : DataFiles.dataDir().resolve("satlib");
    uf20(folder, tally, progress);
    uf50(folder, tally, progress);
    tableAgreement(generated, tally);
    progress.accept("counting: " + generated + " generated instances against the table");
    double seconds = (System.nanoTime() - t0) / 1e9;
    String setup = String.format(Locale.ROOT, "100 uf20-91, 50 uf50-218 and 50 "
        + "uuf50-218 SATLIB instances; %d generated circuits and 3-CNFs (d ≤ 10, product "
        + "distributions, seed 3003+k) compared with the table set by set; %.1f s.", generated,
        seconds);
    return TallyReports.blocks(Report.builder(id(), title()).paragraph(setup), tally, "check",
            row -> true).data("generated_instances", generated).data("seconds", seconds)
        .data("rows", TallyReports.data(tally, "check")).build();
  }

  /** Counting and SAT against the table, set by set, on {@code n} generated instances. */
  static void tableAgreement(int n, Tally tally) {
    for (int k = 0; k < n; k++) {
      SplittableRandom r = new SplittableRandom(3003 + k);
      int d = 1 + r.nextInt(10);
      Instance in = k % 2 == 0 ? RandomInstances.cnfInstance(3003 + k, d, 1 + r.nextInt(5 * d))
          : circuitWithProductDistribution(3003 + k, d, 1 + r.nextInt(3 * d));
      var t = RestrictedPredictions.table(in.model(), in.x(), in.distribution());
      for (Verdict v : CountingAgreement.check(in, t)) {
        tally.add(v, "", in.label());
      }
    }
  }

  private static Instance circuitWithProductDistribution(long seed, int d, int gates) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c = RandomInstances.circuit(rnd, d, gates);
    ProductDistribution v = RandomInstances.product(rnd, d, true);
    return new Instance(c, RandomInstances.input(rnd, d, true), v,
        "circuit(seed=" + seed + ", d=" + d + ", gates=" + gates + ", V=" + v.describe() + ")");
  }

  private static List<Path> cnfs(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".cnf")).sorted().toList();
    } catch (IOException e) {
      throw InputException.of(folder.toString(), "cannot list: " + e.getMessage());
    }
  }

  private static void uf20(Path satlib, Tally tally, Consumer<String> progress) {
    Map<String, BigInteger> published = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(satlib.resolve("uf20-91-model-counts.tsv"))) {
        String[] f = line.split("\t");
        if (!f[0].equals("file")) {
          published.put(f[0], new BigInteger(f[3]));
        }
      }
    } catch (IOException e) {
      throw InputException.of("uf20-91-model-counts.tsv", "cannot read: " + e.getMessage());
    }
    for (Path p : cnfs(satlib.resolve("uf20-91"))) {
      Circuit c = DimacsFormat.read(p);
      BigInteger expect = published.get(p.getFileName().toString());
      for (WeightedModelCounter w : new WeightedModelCounter[] {WeightedModelCounter.dnnf(c, 0),
          WeightedModelCounter.bdd(c, 0)}) {
        String claim = "uf20-91 model count = published count (" + w.route() + ")";
        BigInteger got = w.modelCount();
        tally.add(got.equals(expect) ? Verdict.holds(claim, got.toString())
            : Verdict.fails(claim, "counted " + got + ", published " + expect), "",
            p.getFileName().toString());
      }
    }
    progress.accept("counting: uf20-91 done");
  }

  private static void uf50(Path satlib, Tally tally, Consumer<String> progress) {
    for (String folder : new String[] {"uf50-218", "uuf50-218"}) {
      boolean sat = folder.startsWith("uf");
      for (Path p : cnfs(satlib.resolve(folder))) {
        String name = folder + "/" + p.getFileName();
        Circuit c = DimacsFormat.read(p);
        int d = c.dimension();
        WeightedModelCounter dnnf = WeightedModelCounter.dnnf(c, 0);
        WeightedModelCounter bdd = WeightedModelCounter.bdd(c, 0);
        BigInteger count = dnnf.modelCount();
        String claim = folder + ": " + (sat ? "count > 0" : "count = 0") + ", BDD = d-DNNF, "
            + "SAT4J agrees";
        boolean[] zero = new boolean[d];
        SufficientReasons none = SufficientReasons.of(c, 0, zero);
        // at a non-model, the empty set is a sufficient reason iff no y satisfies Φ
        boolean satisfiable = c.evaluate(0, zero) || !none.isSufficient(FeatureSet.empty());
        boolean ok = (count.signum() > 0) == sat && count.equals(bdd.modelCount())
            && satisfiable == sat;
        tally.add(ok ? Verdict.holds(claim, "count " + count)
            : Verdict.fails(claim, "d-DNNF " + count + ", BDD " + bdd.modelCount() + ", SAT4J "
                + (satisfiable ? "SAT" : "UNSAT")), "", name);
        if (sat) {
          wideRelevance(c, none.counterexample(FeatureSet.empty()).orElse(zero), dnnf, bdd, tally,
              name);
        }
      }
    }
    progress.accept("counting: uf50-218 and uuf50-218 done");
  }

  /**
   * At a model x of a 50-variable instance: SAT's subset-minimal sufficient reason S, from the full
   * set, has relevance exactly 1 by both counters, and every S ∖ {i} has relevance < 1.
   */
  private static void wideRelevance(Circuit c, boolean[] x, WeightedModelCounter dnnf,
      WeightedModelCounter bdd, Tally tally, String name) {
    int d = c.dimension();
    ProductDistribution v = ProductDistribution.uniform(d);
    SufficientReasons sat = SufficientReasons.of(c, 0, x, v);
    FeatureSet s = sat.subsetMinimal(FeatureSet.all(d));
    String claim = "uf50-218: SAT's subset-minimal sufficient reason has counted relevance 1, "
        + "and dropping any feature lowers it (no table)";
    String why = null;
    for (WeightedModelCounter w : new WeightedModelCounter[] {dnnf, bdd}) {
      if (!w.agreementProbability(v, x, s).equals(BigFraction.ONE)) {
        why = w.route() + " gives " + w.agreementProbability(v, x, s) + " for S = " + s;
      }
      for (int f : s.features()) {
        if (why == null && w.agreementProbability(v, x, s.without(f)).compareTo(BigFraction.ONE)
            >= 0) {
          why = w.route() + ": S minus feature " + f + " still has relevance 1";
        }
      }
    }
    tally.add(why == null ? Verdict.holds(claim, "|S| = " + s.size())
        : Verdict.fails(claim, why), "", name);
  }
}
