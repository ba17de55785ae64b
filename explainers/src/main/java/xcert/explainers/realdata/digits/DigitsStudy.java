package xcert.explainers.realdata.digits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.exact.Arithmetic;
import xcert.solvers.report.Report;
import xcert.solvers.report.Report.Medium;
import xcert.solvers.report.Study;
import xcert.solvers.setfunction.SetFunction;

/**
 * The seeds' image experiments in miniature on real data (issue 21, point 4): seed 001 Figure 4a/4b,
 * seed 003 Figure 3 and seed 004 Section 6.2.1 on scikit-learn's 8×8 digits with 16 superpixels,
 * each beside what the seed reports, with criteria fixed here before the run ({@link Criteria}) and
 * a verdict, and PNG plots in the output folder.
 */
public final class DigitsStudy implements Study {

  public static final String STABILITY_PNG = "digits-001-stability-sigma-%s.png";
  public static final String R2_PNG = "digits-001-r2.png";
  public static final String ORDERING_PNG = "digits-003-relevance-ordering.png";
  public static final String SUF_PNG = "digits-004-sufficiency.png";
  public static final String NEC_PNG = "digits-004-necessity.png";

  /**
   * The run's size.
   *
   * @param stabilityClasses the classes whose first test digit the seed 001 experiment explains
   * @param seeds explanations per (image, method, σ, n)
   * @param ns sample sizes; the last is the n of the R² table (seed 001 uses 2048)
   * @param k top-K of the Jaccard index
   * @param r2Points Monte-Carlo points of the continuous GLIME variants' R²
   * @param perClass test digits per class for seeds 003 and 004
   * @param maxImages at most this many of those digits (class by class)
   * @param arithmetic of the seed 003 distortion tables
   */
  public record Config(int[] stabilityClasses, int seeds, long[] ns, int k, int r2Points,
      int perClass, int maxImages, Arithmetic arithmetic) {

    /** Under 40 s on two cores: two digits for 001, one digit per class for 003/004. */
    public static Config standard() {
      return new Config(new int[] {2, 8}, 10, new long[] {64, 256, 2048}, 4, 2048, 1,
          10, Arithmetic.FLOAT64);
    }

    /** {@code --full}: one digit per class for 001, five per class (50, as seed 003) for 003/004. */
    public static Config full() {
      return new Config(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10,
          new long[] {32, 64, 128, 256, 512, 1024, 2048}, 4, 4096, 5, 50, Arithmetic.EXACT);
    }
  }

  /** Everything one run found. */
  public record Result(Config config, double testAccuracy, List<StabilityFidelity.ImageResult>
      stability, List<RelevanceOrderingCurves.Result> orderings,
      List<SufficientNecessaryMasks.Result> masks, Criteria.Verdicts verdicts, double seconds) {}

  private final Path outDir;
  private final Backend backend;

  /** @param outDir where the PNG plots go (created if absent) */
  public DigitsStudy(Path outDir, Backend backend) {
    this.outDir = outDir;
    this.backend = backend;
  }

  @Override
  public String id() {
    return "digits";
  }

  @Override
  public String title() {
    return "Seeds' experiments on real data: digits (seed 001 Fig. 4, seed 003 Fig. 3, "
        + "seed 004 §6.2.1)";
  }

  @Override
  public Report run(boolean full, Consumer<String> progress) {
    return report(compute(full ? Config.full() : Config.standard(), DigitsData.folder(), outDir,
        backend, progress));
  }

  /** Runs {@code c} on the data in {@code dataDir}; plots go to {@code outDir} when not null. */
  public static Result compute(Config c, Path dataDir, Path outDir, Backend backend,
      Consumer<String> progress) {
    long t0 = System.nanoTime();
    DigitsData data = DigitsData.load(dataDir);
    DigitsModel model = DigitsModel.load(dataDir);
    int[] ref = data.roundedMeanImage();
    int test = 0;
    int right = 0;
    for (DigitsData.Digit d : data.digits()) {
      if (d.isTest()) {
        test++;
        right += model.predict(d.pixels()) == d.label() ? 1 : 0;
      }
    }
    List<DigitsData.Digit> first = data.testDigitsPerClass(1);
    StabilityFidelity sf = new StabilityFidelity(c.k(), c.seeds(), c.ns(), c.r2Points());
    List<StabilityFidelity.ImageResult> stab = new ArrayList<>();
    for (int cls : c.stabilityClasses()) {
      MaskedDigit img = MaskedDigit.of(data, model, first.get(cls).row(), ref);
      stab.add(sf.run(img, backend, progress));
    }
    List<DigitsData.Digit> images = data.testDigitsPerClass(c.perClass());
    images = images.subList(0, Math.min(c.maxImages(), images.size()));
    progress.accept("digits 003/004: " + images.size() + " test digits, attributions, D(S) ("
        + c.arithmetic().name().toLowerCase(Locale.ROOT) + ") and exact P_suf/P_nec/P_uni");
    List<Object[]> pairs = images.parallelStream().map(d -> {
      MaskedDigit img = MaskedDigit.of(data, model, d.row(), ref);
      Map<String, double[]> attr = Attributions.all(img, RelevanceOrderingCurves.noise(),
          new CpuBackend(1));
      SetFunction dist = RelevanceOrderingCurves.distortion(img, c.arithmetic());
      Map<String, double[]> with004 = new LinkedHashMap<>(attr);
      with004.putAll(Attributions.seed004Masks(img, new CpuBackend(1)));
      return new Object[] {RelevanceOrderingCurves.run(img, dist, attr),
          SufficientNecessaryMasks.run(img, with004)};
    }).toList();
    List<RelevanceOrderingCurves.Result> ord = new ArrayList<>();
    List<SufficientNecessaryMasks.Result> masks = new ArrayList<>();
    for (Object[] p : pairs) {
      ord.add((RelevanceOrderingCurves.Result) p[0]);
      masks.add((SufficientNecessaryMasks.Result) p[1]);
    }
    Criteria.Verdicts v = Criteria.judge(sf, stab, ord, masks);
    Result r = new Result(c, right / (double) test, stab, ord, masks, v,
        (System.nanoTime() - t0) / 1e9);
    if (outDir != null) {
      plot(r, outDir);
    }
    return r;
  }

  static void plot(Result r, Path outDir) {
    try {
      Files.createDirectories(outDir);
      long[] ns = r.config().ns();
      double[] xs = Arrays.stream(ns).asDoubleStream().toArray();
      double[][][] jac = StabilityFidelity.mean(r.stability(), StabilityFidelity.ImageResult::jaccard);
      double[][][] r2 = StabilityFidelity.mean(r.stability(), StabilityFidelity.ImageResult::r2);
      for (int si = 0; si < StabilityFidelity.SIGMAS.length; si++) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int mi = 0; mi < StabilityFidelity.METHODS.size(); mi++) {
          series.put(StabilityFidelity.METHODS.get(mi), jac[mi][si]);
        }
        String s = sigma(StabilityFidelity.SIGMAS[si]);
        DigitsPlots.lines(outDir.resolve(String.format(Locale.ROOT, STABILITY_PNG, s)),
            "digits, 16 superpixels: stability at σ = " + s + " (seed 001 Fig. 4a)",
            "samples n (log scale)", "mean pairwise top-" + r.config().k() + " Jaccard", xs,
            series, true, 0.0, 1.0);
      }
      Map<String, double[]> r2s = new LinkedHashMap<>();
      int last = ns.length - 1;
      for (int mi = 0; mi < StabilityFidelity.METHODS.size(); mi++) {
        double[] y = new double[StabilityFidelity.SIGMAS.length];
        for (int si = 0; si < y.length; si++) {
          y[si] = r2[mi][si][last];
        }
        r2s.put(StabilityFidelity.METHODS.get(mi) + " (n = " + ns[last] + ")", y);
      }
      r2s.put("LIME = GLIME-Binomial limit (n → ∞, exact)", Criteria.meanLimitR2(r.stability()));
      DigitsPlots.lines(outDir.resolve(R2_PNG), "digits: R² against σ (seed 001 Fig. 4b)",
          "σ (log scale)", "R² over the method's neighbourhood", StabilityFidelity.SIGMAS, r2s,
          true, null, 1.0);
      double[] rates = new double[MaskedDigit.D + 1];
      for (int k = 0; k <= MaskedDigit.D; k++) {
        rates[k] = k / (double) MaskedDigit.D;
      }
      DigitsPlots.lines(outDir.resolve(ORDERING_PNG), "digits: relevance ordering (seed 003 Fig. 3)"
          + " against the exact rate–distortion envelope", "rate |S|/16",
          "mean D(S)/D(∅)", rates, RelevanceOrderingCurves.meanRelative(r.orderings()), false,
          0.0, null);
      double[] ts = SufficientNecessaryMasks.THRESHOLDS;
      DigitsPlots.lines(outDir.resolve(SUF_PNG), "digits: sufficiency of thresholded masks "
          + "(seed 004 Fig. 2a)", "threshold t", "mean Δsuf/gap (0 = sufficient)", ts,
          Criteria.byThreshold(r.masks(), true), false, 0.0, null);
      DigitsPlots.lines(outDir.resolve(NEC_PNG), "digits: necessity of thresholded masks "
          + "(seed 004 Fig. 2a)", "threshold t", "mean Δnec/gap (0 = necessary)", ts,
          Criteria.byThreshold(r.masks(), false), false, 0.0, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sigma(double s) {
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }

  /** The report of a finished run. */
  public Report report(Result r) {
    return DigitsReport.of(id(), title(), r);
  }
}
