package xcert.ledger.seed001;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xcert.explainers.glime.theory.GlimeClosedForms;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.glime.theory.Interval;
import xcert.explainers.glime.theory.MaskTableModel;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.glime.theory.ProofSteps;
import xcert.explainers.glime.theory.SampleComplexity;
import xcert.explainers.glime.theory.SampleComplexity.Method;
import xcert.explainers.glime.theory.SampleComplexity.Outcome;
import xcert.explainers.glime.theory.SampleComplexity.Penalty;
import xcert.explainers.glime.theory.SampleComplexity.Setting;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 001 Section 4.1's headline, Theorem 4.1 (B.1), Theorem 4.2 (B.2) and Corollary 4.3 (B.3):
 * the samples LIME and GLIME-Binomial need to come within ε = 0.2‖w‖ of their limit with
 * probability ≥ 1 − δ = 0.9, measured like for like ({@link SampleComplexity}: same random model
 * y(z) ∈ [0,1] per d, same σ, Ridge(α = 1) on the sum for both as LIME's code and Remark 2.1 have
 * it, no intercept, so both tend to the same λ = 0 limit; and GLIME-Binomial with λ = 0.01 fixed on
 * the expectation scale, Theorem B.2's Σ). Criteria, fixed here before the run:
 *
 * <ul>
 *   <li>§4.1: (a) n_LIME ≥ n_GLIME at every (d, σ); (b) for each σ the ratio n_LIME/n_GLIME at the
 *       largest d is at least twice that at the smallest d (a factor growing with d); (c) for each
 *       d ≥ 4 the ratio at the smallest σ is at least e^{1/σ_min² − 1/σ_max²} times the ratio at the
 *       largest σ (growth in σ^{−2}). (a)–(c): holds; (a), (b) only: holds when read as
 *       "exponentially in d"; otherwise fails.
 *   <li>Theorem 4.1: ε^{−2}d⁵2^{4d}e^{4/σ²}log(4d/δ) (B.1's rate, constant 1; the main text's
 *       d⁹2^{8d}e^{8/σ²} is larger) ≥ n_LIME at every point.
 *   <li>Theorem 4.2: ε^{−2}M²ν²d³γ⁴log(4d/δ) with the true M = 1, ν² = ‖Var(zzᵀ)‖₂, γ(λ) ≥ the n
 *       GLIME-Binomial needs at λ = 0.01, at every point; the proof's steps from
 *       {@link ProofSteps#theoremB2} reported beside it.
 *   <li>Corollary 4.3: its parameters (ν = 2, γ = de^{2/σ²}, B.3's γ² ≤ de^{1/σ²}) and the rate
 *       they give, from {@link ProofSteps#corollaryB3} on the (d, σ, λ) grid; the measured n against
 *       ε^{−2}d⁵e^{4/σ²}log(4d/δ) beside it.
 * </ul>
 */
public final class SampleComplexityCheck implements ClaimCheck {

  static final double EPS_REL = 0.2;
  static final double DELTA = 0.1;
  static final double ALPHA = 1;
  static final double LAMBDA = 0.01;

  @Override
  public List<String> ids() {
    return List.of("001-§4.1", "001-Thm4.1", "001-Thm4.2", "001-Cor4.3");
  }

  record Row(int d, double sigma, Outcome lime, Outcome glime, Outcome glimeFixed) {
    double ratio() {
      return (double) n(lime) / n(glime);
    }

    static long n(Outcome o) {
      return o.needed() < 0 ? 2 * o.setting().nMax() : o.needed();
    }
  }

  static int[] dims(CheckContext ctx) {
    return ctx.full() ? new int[] {2, 3, 4, 5, 6, 7, 8} : new int[] {2, 4, 6, 8};
  }

  static double[] sigmas(CheckContext ctx) {
    return ctx.full() ? new double[] {0.5, 0.75, 1, 2} : new double[] {0.5, 1};
  }

  static List<Row> measure(CheckContext ctx) {
    return ctx.shared("seed001.samples", () -> {
      int reps = ctx.full() ? 400 : 200;
      long nMax = 1L << 22;
      List<Row> rows = new ArrayList<>();
      for (double s : sigmas(ctx)) {
        for (int d : dims(ctx)) {
          double[] y = SampleComplexity.randomModel(d, ctx.seed() ^ (0x5C0L + d));
          Setting sum = new Setting(d, s, Penalty.SUM, ALPHA, EPS_REL, DELTA, reps, nMax,
              ctx.seed());
          Setting fixed = new Setting(d, s, Penalty.EXPECTATION, LAMBDA, EPS_REL, DELTA, reps,
              nMax, ctx.seed());
          rows.add(new Row(d, s, SampleComplexity.run(Method.LIME, sum, y),
              SampleComplexity.run(Method.GLIME_BINOMIAL, sum, y),
              SampleComplexity.run(Method.GLIME_BINOMIAL, fixed, y)));
          ctx.progress("seed 001 sample complexity d=" + d + " σ=" + s);
        }
      }
      return rows;
    });
  }

  private static double log4dDelta(int d) {
    return Math.log(4 * d / DELTA);
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    List<Row> rows = measure(ctx);
    int reps = rows.get(0).lime().setting().reps();
    String check = "SampleComplexity (LIME: Uni masks, π = e^{−(d−|z|)/σ²}; GLIME-Binomial: "
        + "Bernoulli(1/(1+e^{−1/σ²})) masks; Ridge α = " + ALPHA + " on the sum, no intercept; "
        + "random model y ∈ [0,1] per d), d ∈ " + Arrays.toString(dims(ctx)) + ", σ ∈ "
        + Arrays.toString(sigmas(ctx)) + ", ε = " + EPS_REL + "‖w‖, δ = " + DELTA + ", " + reps
        + " seeded streams (seed " + ctx.seed() + "), n on the grid ⌈16·2^{j/4}⌉ ≤ 2^22, nested "
        + "samples";
    StringBuilder table = new StringBuilder();
    for (Row r : rows) {
      table.append(String.format(java.util.Locale.ROOT, "[d=%d σ=%s: LIME %s, GLIME %s, ratio "
          + "%.3g; GLIME λ=%s: %s] ", r.d(), r.sigma(), show(r.lime()), show(r.glime()),
          r.ratio(), LAMBDA, show(r.glimeFixed())));
    }
    ctx.plots().ifPresent(dir -> plot(dir, rows));
    List<Finding> out = new ArrayList<>();
    out.add(headline(ctx, rows, check, table.toString()));
    out.add(theorem41(rows, check));
    out.add(theorem42(ctx, rows, check));
    out.add(corollary43(ctx, rows, check));
    return out;
  }

  private static String show(Outcome o) {
    return (o.needed() < 0 ? ">" + o.setting().nMax() : Long.toString(o.needed())) + " ("
        + o.successes() + "/" + o.setting().reps() + ", Wilson95 ≥ "
        + String.format(java.util.Locale.ROOT, "%.3f", o.wilsonLow()) + ")";
  }

  private static Finding headline(CheckContext ctx, List<Row> rows, String check, String table) {
    boolean a = rows.stream().allMatch(r -> Row.n(r.lime()) >= Row.n(r.glime()));
    boolean b = true;
    StringBuilder growth = new StringBuilder();
    for (double s : sigmas(ctx)) {
      List<Row> rs = rows.stream().filter(r -> r.sigma() == s).toList();
      double first = rs.get(0).ratio();
      double last = rs.get(rs.size() - 1).ratio();
      b &= last >= 2 * first;
      growth.append("σ=").append(s).append(": ratio ").append(Grid.fmt(first)).append(" → ")
          .append(Grid.fmt(last)).append("; ");
    }
    boolean c = true;
    double sMin = sigmas(ctx)[0];
    double sMax = sigmas(ctx)[sigmas(ctx).length - 1];
    double need = Math.exp(1 / (sMin * sMin) - 1 / (sMax * sMax));
    for (int d : dims(ctx)) {
      if (d < 4) {
        continue;
      }
      double lo = rows.stream().filter(r -> r.d() == d && r.sigma() == sMin).findFirst()
          .orElseThrow().ratio();
      double hi = rows.stream().filter(r -> r.d() == d && r.sigma() == sMax).findFirst()
          .orElseThrow().ratio();
      c &= lo >= need * hi;
      growth.append("d=").append(d).append(": ratio(σ=").append(sMin).append(")/ratio(σ=")
          .append(sMax).append(") = ").append(Grid.fmt(lo / hi)).append(" vs e^{")
          .append(Grid.fmt(1 / (sMin * sMin) - 1 / (sMax * sMax))).append("} = ")
          .append(Grid.fmt(need)).append("; ");
    }
    StringBuilder exact = new StringBuilder("exact: λmin(E_P̃[zzᵀ])/λmin(E_Uni[πzzᵀ]) = "
        + "(2/(1+e^{−1/σ²}))^d < 2^d for every σ (the ridge-dominated regime of LIME lasts 1/Z times "
        + "longer, bounded by 2^d, not growing like e^{1/σ²}): ");
    for (double s : new double[] {0.25, 1, 5}) {
      Interval base = Interval.of(2).divide(Interval.of(1).add(Interval.of(-1).divide(
          Interval.of(s).pow(2)).exp()));
      exact.append("σ=").append(s).append(", d=8: ").append(base.pow(8).show()).append("; ");
    }
    StringBuilder counter = new StringBuilder();
    for (Row r : rows) {
      if (Row.n(r.lime()) < Row.n(r.glime()) && counter.length() == 0) {
        counter.append("smallest counterexample to (a): d=").append(r.d()).append(", σ=")
            .append(r.sigma()).append(": n_LIME = ").append(Row.n(r.lime())).append(" < n_GLIME = ")
            .append(Row.n(r.glime())).append("; ").append(libraryCrossCheck(ctx, r)).append("; ");
      }
    }
    StringBuilder asym = new StringBuilder("asymptotic variance ratio tr Cov_LIME/tr Cov_GLIME "
        + "(enumerated; < 1 means LIME needs fewer samples once the ridge is negligible, ≈ "
        + "e^{−1/σ²}(2/(1+e^{−1/σ²}))^d in the directions of single features): ");
    for (Row r : rows) {
      double[] y = SampleComplexity.randomModel(r.d(), ctx.seed() ^ (0x5C0L + r.d()));
      double ratio = SampleComplexity.asymptoticVarianceTrace(Method.LIME, r.d(), r.sigma(), y)
          / SampleComplexity.asymptoticVarianceTrace(Method.GLIME_BINOMIAL, r.d(), r.sigma(), y);
      asym.append("d=").append(r.d()).append(" σ=").append(r.sigma()).append(": ")
          .append(Grid.fmt(ratio)).append("; ");
    }
    String criterion = "(a) n_LIME ≥ n_GLIME everywhere; (b) ratio(d_max) ≥ 2·ratio(d_min) for "
        + "each σ; (c) ratio(σ_min)/ratio(σ_max) ≥ e^{1/σ_min² − 1/σ_max²} for each d ≥ 4; "
        + "(a)(b)(c) holds, (a)(b) holds read as 'exponentially in d'";
    String evidence = "(a) " + a + ", (b) " + b + ", (c) " + c + "; " + counter + growth
        + exact + asym + table;
    if (a && b && c) {
      return Finding.measured("001-§4.1", true, criterion, check, evidence);
    }
    if (a && b) {
      return new Finding("001-§4.1", xcert.ledger.Verdict.HOLDS_UNDER_READING, check, evidence,
          criterion, "GLIME-Binomial needs fewer samples than LIME by a factor growing with d; "
          + "the factor does not grow like exp(σ^{−2}) (criterion (c) fails)");
    }
    return Finding.measured("001-§4.1", false, criterion, check, evidence);
  }

  /**
   * The same comparison with the library's own samplers (Methods "lime" with the L2 distance and
   * width σ/√2, "glime-binomial" with σ; Ridge α on the sum, no intercept; lime_image's first
   * sample is x itself) on the same mask table, 100 seeds at n = n_LIME.
   */
  static String libraryCrossCheck(CheckContext ctx, Row r) {
    int d = r.d();
    double s = r.sigma();
    double[] y = SampleComplexity.randomModel(d, ctx.seed() ^ (0x5C0L + d));
    MaskTableModel f = new MaskTableModel(d, y);
    double[] w = SampleComplexity.limit(Method.LIME, d, s, y, 0);
    double eps = EPS_REL * Math.sqrt(java.util.Arrays.stream(w).map(v -> v * v).sum());
    double[] x = new double[d];
    java.util.Arrays.fill(x, 1);
    double[] ref = new double[d];
    CpuBackend cpu = new CpuBackend(1);
    long n = Row.n(r.lime());
    int okL = 0;
    int okG = 0;
    int seeds = 100;
    for (int k = 0; k < seeds; k++) {
      MethodSettings base = MethodSettings.defaults().withSeed(ctx.seed() + k).withSamples(n)
          .withReference(ref).withLambda(ALPHA).withIntercept(false);
      double[] el = Methods.create("lime", base.withKernelWidth(s / Math.sqrt(2))
          .withDistance("l2"), d).explain(f, x, cpu).values();
      double[] eg = Methods.create("glime-binomial", base.withSigma(s), d).explain(f, x, cpu)
          .values();
      okL += ReferenceIndependenceCheck.dist(el, w) < eps ? 1 : 0;
      okG += ReferenceIndependenceCheck.dist(eg, w) < eps ? 1 : 0;
    }
    return "with the library's samplers (Methods lime/glime-binomial, same table, α = " + ALPHA
        + ", no intercept, " + seeds + " seeds from " + ctx.seed() + ") at n = " + n + ": LIME "
        + okL + "/" + seeds + ", GLIME-Binomial " + okG + "/" + seeds + " within ε";
  }

  private static Finding theorem41(List<Row> rows, String check) {
    boolean ok = true;
    StringBuilder ev = new StringBuilder();
    for (Row r : rows) {
      Outcome o = r.lime();
      double bound = Math.pow(o.eps(), -2) * Math.pow(r.d(), 5) * Math.pow(2, 4 * r.d())
          * Math.exp(4 / (r.sigma() * r.sigma())) * log4dDelta(r.d());
      boolean here = o.needed() > 0 && bound >= o.needed();
      ok &= here;
      ev.append(String.format(java.util.Locale.ROOT, "d=%d σ=%s: n_LIME %d ≤ %.3g; ", r.d(),
          r.sigma(), o.needed(), bound));
    }
    return Finding.measured("001-Thm4.1", ok, "ε^{−2}d⁵2^{4d}e^{4/σ²}log(4d/δ) (B.1's rate, "
        + "constant 1) ≥ measured n_LIME at every grid point", check, ev + "the main text's "
        + "d⁹2^{8d}e^{8/σ²} is larger still; both are loose by many orders of magnitude. The "
        + "proof's explicit n1 and n3 are too small by 625/128 and 4 (see 001-B.4), which an Ω "
        + "absorbs");
  }

  private static Finding theorem42(CheckContext ctx, List<Row> rows, String check) {
    boolean ok = true;
    StringBuilder ev = new StringBuilder();
    for (Row r : rows) {
      Outcome o = r.glimeFixed();
      double g2 = ProofSteps.binomialGammaSquared(r.d(), r.sigma(), LAMBDA).mid();
      Interval p = Interval.of(1).divide(Interval.of(1).add(Interval.of(-1).divide(
          Interval.of(r.sigma()).pow(2)).exp()));
      Interval[] v = GlimeClosedForms.binomialVariance(r.d(), p);
      double nu2 = Math.max(v[0].mid() - v[1].mid(), v[0].mid() + (r.d() - 1) * v[1].mid());
      double bound = Math.pow(o.eps(), -2) * nu2 * Math.pow(r.d(), 3) * g2 * g2
          * log4dDelta(r.d());
      boolean here = o.needed() > 0 && bound >= o.needed();
      ok &= here;
      ev.append(String.format(java.util.Locale.ROOT, "d=%d σ=%s: n %d ≤ %.3g (γ²=%.3g, ν²=%.3g); ",
          r.d(), r.sigma(), o.needed(), bound, g2, nu2));
    }
    ProofSteps001.Summary s = ProofSteps001.theoremB2(ctx);
    List<String> f = s.failures();
    String criterion = "ε^{−2}M²ν²d³γ⁴log(4d/δ) (M = 1, true ν², γ at λ = " + LAMBDA
        + ", constant 1) ≥ measured n of GLIME-Binomial with λ fixed, at every point";
    String evidence = ev + "proof of B.2 (" + s.points() + " grid points, " + s.stepCount()
        + " steps): " + (f.isEmpty() ? "all hold" : String.join("; ", f));
    if (ok && !f.isEmpty()) {
      return new Finding("001-Thm4.2", xcert.ledger.Verdict.HOLDS_UNDER_READING, check + "; "
          + "ProofSteps.theoremB2 on the (d, σ, λ) grid", evidence, criterion, "as an Ω statement: "
          + "the measured n is below the bound, but the proof's Hoeffding steps give exponents "
          + "0.4096·L, 0.25·L, 0.25·L instead of L = log(4d/δ) (n1, n2, n3 too small by 2.44, 4, "
          + "4; for n3 the proof silently switches 8ν² to 2ν²)");
    }
    return Finding.measured("001-Thm4.2", ok && f.isEmpty(), criterion, check, evidence);
  }

  private static Finding corollary43(CheckContext ctx, List<Row> rows, String check) {
    String ident = ProofSteps001.identities(Grid.maxEnumerated(ctx), true);
    ProofSteps001.Summary s = ProofSteps001.corollaryB3(ctx);
    List<String> f = s.failures();
    if (ident != null) {
      f.add(0, "identity: " + ident);
    }
    StringBuilder ev = new StringBuilder();
    for (Row r : rows) {
      Outcome o = r.glimeFixed();
      double bound = Math.pow(o.eps(), -2) * Math.pow(r.d(), 5)
          * Math.exp(4 / (r.sigma() * r.sigma())) * log4dDelta(r.d());
      ev.append(String.format(java.util.Locale.ROOT, "d=%d σ=%s: n %d vs d⁵e^{4/σ²} rate %.3g; ",
          r.d(), r.sigma(), o.needed(), bound));
    }
    String chk = "GlimeClosedForms (α1 = E/(1+E), α2 = α1² by enumeration, exact); "
        + "ProofSteps.corollaryB3 on d ∈ " + Arrays.toString(Grid.dims(ctx)) + " × σ ∈ "
        + Arrays.toString(Grid.sigmas(ctx)) + " × λ ∈ " + Arrays.toString(Grid.lambdas(ctx))
        + " (" + s.points() + " points, Interval); measured: " + check;
    String head = "α1 = 1/(1+e^{−1/σ²}), α2 = α1² exact" + (ident == null ? "" : " — except "
        + ident) + "; " + (s.stepCount() - f.size()) + " of " + s.stepCount()
        + " steps hold everywhere; ";
    if (f.isEmpty()) {
      return Finding.holds("001-Cor4.3", chk, head + ev);
    }
    return Finding.fails("001-Cor4.3", chk, head + "failing: " + String.join("; ", f)
        + ". Measured (GLIME-Binomial, λ = " + LAMBDA + "): " + ev);
  }

  /** n needed against d, LIME and GLIME-Binomial per σ, log scale (seed001-sample-complexity.png). */
  static void plot(java.nio.file.Path dir, List<Row> rows) {
    try {
      java.nio.file.Files.createDirectories(dir);
      org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(900)
          .height(600).title("Seed 001 §4.1: samples to reach ε = 0.2‖w‖ with prob. 0.9 "
          + "(Ridge α = 1 on the sum)").xAxisTitle("d").yAxisTitle("n needed (log scale)").build();
      chart.getStyler().setYAxisLogarithmic(true);
      for (double s : rows.stream().mapToDouble(Row::sigma).distinct().toArray()) {
        List<Row> rs = rows.stream().filter(r -> r.sigma() == s).toList();
        double[] d = rs.stream().mapToDouble(Row::d).toArray();
        chart.addSeries("LIME σ=" + s, d, rs.stream().mapToDouble(r -> Row.n(r.lime()))
            .toArray());
        chart.addSeries("GLIME-Binomial σ=" + s, d, rs.stream().mapToDouble(r -> Row.n(r.glime()))
            .toArray());
      }
      org.knowm.xchart.BitmapEncoder.saveBitmap(chart, dir.resolve(
          "seed001-sample-complexity.png").toString(), org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** For tests: the measured rows keyed by "d/σ". */
  static Map<String, Row> byKey(List<Row> rows) {
    Map<String, Row> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.put(r.d() + "/" + r.sigma(), r);
    }
    return m;
  }
}
