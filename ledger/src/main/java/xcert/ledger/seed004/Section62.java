package xcert.ledger.seed004;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.masks.MaskSettings;
import xcert.explainers.masks.RelaxedMaskExplainer;
import xcert.explainers.optimalitygap.GapAggregator;
import xcert.explainers.optimalitygap.GapMethods;
import xcert.explainers.optimalitygap.GapRun;
import xcert.explainers.optimalitygap.GapSettings;
import xcert.explainers.optimalitygap.GapSummary;
import xcert.explainers.optimalitygap.Method;
import xcert.explainers.optimalitygap.Problem;
import xcert.explainers.thresholds.TopPercentNormalisation;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 004 Section 6.2: the normalisation of attribution scores (004-§6.2-norm) and the finding that
 * off-the-shelf methods give sufficient but not necessary sets while the necessity and unified
 * explainers give necessary ones (004-§6.2-nec), in miniature on generated instances with exact
 * optima.
 *
 * <ul>
 *   <li>norm: {@link TopPercentNormalisation} on random nonnegative score vectors (n = 10..2000, a
 *       fifth zeros) gives values in [0,1], exactly ⌈n_nonzero/100⌉ ones, the order of the scores,
 *       and threshold masks nested in t; on signed scores (exact Integrated Gradients of random
 *       ReLU networks) the literal rule leaves negative values, so "[0,1]" needs nonnegative scores
 *       (or |scores|).
 *   <li>nec: {@link GapRun} with the three relaxed masks and LIME, KernelSHAP, Occlusion,
 *       SmoothGrad, IG (defaults, seed 6000) on random circuits and ReLU networks, d = 6..7,
 *       τ = ⌈d/4⌉; each method's top-k set (k the smallest optimal size) against the exact optima
 *       of (P_suf) and (P_nec). Criterion fixed before the run: every off-the-shelf method misses
 *       (P_nec) at least as often as (P_suf), and mask-nec misses (P_nec) less often than every
 *       off-the-shelf method.
 * </ul>
 */
public final class Section62 implements ClaimCheck {

  static final List<String> OFF_THE_SHELF = List.of("lime", "kernelshap", "occlusion", "smoothgrad",
      "integrated-gradients");

  @Override
  public List<String> ids() {
    return List.of("004-§6.2-norm", "004-§6.2-nec");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    return List.of(normalisation(ctx), necessity(ctx));
  }

  private static Finding normalisation(CheckContext ctx) {
    String id = "004-§6.2-norm";
    long seed = ctx.seed() * 1000 + 4950;
    int vectors = 50;
    String check = "TopPercentNormalisation.normalise on " + vectors + " random nonnegative"
        + " vectors (n = 10..2000, seed " + seed + ") and on exact IG of 20 random ReLU networks"
        + " (d = 8)";
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < vectors; k++) {
      int n = 10 + rnd.nextInt(1991);
      double[] s = new double[n];
      int nonzero = 0;
      for (int i = 0; i < n; i++) {
        s[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble() * 10;
        nonzero += s[i] != 0 ? 1 : 0;
      }
      double[] z = TopPercentNormalisation.normalise(s);
      int ones = 0;
      for (int i = 0; i < n; i++) {
        if (!(z[i] >= 0 && z[i] <= 1)) {
          return Finding.fails(id, check, "vector " + k + ": normalised value " + z[i]);
        }
        ones += z[i] == 1 ? 1 : 0;
        for (int j = 0; j < i; j++) {
          if (Integer.signum(Double.compare(s[i], s[j])) * Integer.signum(Double.compare(z[i],
              z[j])) < 0) {
            return Finding.fails(id, check, "vector " + k + ": order not kept at " + i + ", " + j);
          }
        }
      }
      int m = (int) Math.ceil(nonzero / 100.0);
      if (ones != m) {
        return Finding.fails(id, check, "vector " + k + ": " + ones + " ones, top 1% is " + m);
      }
      long prev = -1L >>> (64 - Math.min(n, 63));
      for (double t = 0.05; t <= 1; t += 0.05) {
        long mask = TopPercentNormalisation.mask(java.util.Arrays.copyOf(z, Math.min(n, 63)), t);
        if ((mask & ~prev) != 0) {
          return Finding.fails(id, check, "vector " + k + ": masks not nested at t = " + t);
        }
        prev = mask;
      }
    }
    String signed = null;
    for (int k = 0; k < 20 && signed == null; k++) {
      SplittableRandom r = new SplittableRandom(seed + 1 + k);
      ReluNetwork f = RandomInstances.relu(r, 8, 4, 1, false);
      double[] x = new double[8];
      for (int i = 0; i < 8; i++) {
        x[i] = (r.nextInt(17) - 8) / 4.0;
      }
      double[] ig = ExactLimits.integratedGradients(f, x, new double[8]).values();
      double[] z = TopPercentNormalisation.normalise(ig);
      double min = java.util.Arrays.stream(z).min().orElse(0);
      if (min < 0) {
        signed = String.format(Locale.ROOT, "network seed %d: IG = %s normalises to a minimum of"
            + " %.3f", seed + 1 + k, fmt(ig), min);
      }
    }
    return Finding.underReading(id, "the scores are nonnegative (or their absolute values are"
        + " normalised): then the rule maps to [0,1], keeps the order, and the threshold masks are"
        + " nested; on signed attributions (IG, SmoothGrad, LIME) the literal rule leaves negative"
        + " values and the interval [0,1] is not reached", check, vectors + " nonnegative vectors:"
        + " values in [0,1], ⌈n_nonzero/100⌉ ones, order kept, masks nested; signed: "
        + (signed == null ? "no negative value found in 20 networks" : signed));
  }

  private static Finding necessity(CheckContext ctx) {
    String id = "004-§6.2-nec";
    int per = ctx.full() ? 40 : 12;
    long base = ctx.seed() * 1000 + 6000;
    List<GapRun.Case> cases = new ArrayList<>();
    for (int k = 0; k < per; k++) {
      SplittableRandom r = new SplittableRandom(base + k);
      int d = 6 + r.nextInt(2);
      cases.add(new GapRun.Case("circuit", RandomInstances.circuitInstance(base + k, d,
          2 + r.nextInt(3 * d))));
      cases.add(new GapRun.Case("relu", RandomInstances.reluInstance(base + 50_000 + k,
          6 + r.nextInt(2), 2 + r.nextInt(3), false)));
    }
    List<Method> methods = new ArrayList<>();
    for (double alpha : new double[] {1, 0, 0.5}) {
      MaskSettings ms = MaskSettings.defaults(alpha).withSeed(6000);
      methods.add(Method.of(ms.methodName(), i -> new RelaxedMaskExplainer(ms, i.distribution())));
    }
    for (String name : OFF_THE_SHELF) {
      methods.add(GapMethods.existing(name, 6000));
    }
    List<GapSummary> sums = GapAggregator.summarise(GapRun.run(cases, methods,
        GapSettings.defaults(), new CpuBackend(1), s -> { }), false);
    Map<String, double[]> miss = new LinkedHashMap<>(); // method → {P_suf, P_nec} miss rates
    for (GapSummary s : sums) {
      int col = s.problem() == Problem.SUFFICIENCY ? 0 : s.problem() == Problem.NECESSITY ? 1 : -1;
      if (col >= 0) {
        miss.computeIfAbsent(s.method(), m -> new double[2])[col] = s.missRate().value();
      }
    }
    List<String> notMet = new ArrayList<>();
    double bestOff = Double.POSITIVE_INFINITY;
    for (String m : OFF_THE_SHELF) {
      double[] r = miss.get(m);
      if (r == null) {
        continue;
      }
      bestOff = Math.min(bestOff, r[1]);
      if (r[1] < r[0]) {
        notMet.add(m + " misses P_nec less often than P_suf");
      }
    }
    double nec = miss.get("mask-nec")[1];
    if (!(nec < bestOff)) {
      notMet.add("mask-nec's P_nec miss rate " + fmt(nec) + " is not below the best off-the-shelf "
          + fmt(bestOff));
    }
    StringBuilder table = new StringBuilder();
    miss.forEach((m, r) -> table.append(String.format(Locale.ROOT, "%s %.2f/%.2f; ", m, r[0],
        r[1])));
    return Finding.measured(id, notMet.isEmpty(), "every off-the-shelf method (LIME, KernelSHAP,"
        + " Occlusion, SmoothGrad, IG) misses (P_nec) at least as often as (P_suf), and mask-nec"
        + " misses (P_nec) less often than each of them", "GapRun (top-k at τ = ⌈d/4⌉ vs exact"
        + " optima) on " + per + " random circuits and " + per + " ReLU networks (d = 6..7), seeds "
        + base + "..; methods with defaults, seed 6000", "miss rates P_suf/P_nec: " + table
        + (notMet.isEmpty() ? "criterion met" : "not met: " + String.join("; ", notMet)));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
    }
    return sb.append(']').toString();
  }
}
