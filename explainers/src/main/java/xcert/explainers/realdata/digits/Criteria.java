package xcert.explainers.realdata.digits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The criteria of the digits study, fixed here before any run, for the seeds' qualitative claims,
 * and the verdicts they give on a run. Each {@link Verdict} carries the criterion in words, the
 * measured numbers and whether the criterion is met.
 */
public final class Criteria {

  /** 001 Fig. 4a: at σ ≤ 0.5 and n ≤ this, GLIME-Binomial must be more stable than LIME. */
  public static final long SMALL_N = 256;
  /** 001 Fig. 4a "consistently outperforms": tolerance on mean Jaccard at every (σ, n). */
  public static final double JACCARD_TOLERANCE = 0.05;
  /** 001 Fig. 4a: LIME at σ = 0.25 stays unstable (seed: ≈ 0.4 with more than 2000 samples). */
  public static final double LIME_UNSTABLE_MAX = 0.6;
  /** 001 Fig. 4a: GLIME-Gauss stable with 200–400 samples: Jaccard at n = 256 at least this. */
  public static final double GAUSS_STABLE_MIN = 0.8;
  /** 001 Fig. 4b: LIME's R² "nearly zero" at σ ∈ {0.25, 0.5}: at most this. */
  public static final double LIME_R2_MAX = 0.1;
  /** 003 Fig. 3: "low rates" are k = 1..this superpixels (a quarter of 16). */
  public static final int LOW_RATE = 4;
  /** 004 §6.2.1: a mask is sufficient (necessary) when Δ/gap ≤ this. */
  public static final double EPS = 0.1;
  /** 004 §6.2.1: "small thresholds" are t ≤ this. */
  public static final double SMALL_T = 0.1;
  /** 004: methods "find sufficient sets" when at least this fraction of small-t masks are. */
  public static final double FIND_SUFFICIENT = 0.5;
  /** 004: methods "do not find necessary sets" when at most this fraction of their masks are. */
  public static final double FIND_NECESSARY_MAX = 0.1;

  private Criteria() {}

  /** One judged claim. */
  public record Verdict(String seed, String claim, String criterion, String measured, boolean met) {}

  /** All verdicts of a run, in report order. */
  public record Verdicts(List<Verdict> list) {}

  static Verdicts judge(StabilityFidelity sf, List<StabilityFidelity.ImageResult> stab,
      List<RelevanceOrderingCurves.Result> ord, List<SufficientNecessaryMasks.Result> masks) {
    List<Verdict> v = new ArrayList<>();
    long[] ns = sf.ns();
    double[][][] jac = StabilityFidelity.mean(stab, StabilityFidelity.ImageResult::jaccard);
    double[][][] r2 = StabilityFidelity.mean(stab, StabilityFidelity.ImageResult::r2);
    int lime = StabilityFidelity.METHODS.indexOf("lime");
    int bin = StabilityFidelity.METHODS.indexOf("glime-binomial");
    int gauss = StabilityFidelity.METHODS.indexOf("glime-gauss");
    // A1
    boolean a1 = true;
    StringBuilder m1 = new StringBuilder();
    for (int si = 0; si < 2; si++) {
      for (int ni = 0; ni < ns.length; ni++) {
        if (ns[ni] > SMALL_N) {
          continue;
        }
        boolean degenerate = allDegenerate(stab, bin, si, ni);
        boolean ok = jac[bin][si][ni] > jac[lime][si][ni] && !degenerate;
        a1 &= ok;
        m1.append(String.format(Locale.ROOT, "σ=%s n=%d: GLIME-Bin %.3f%s vs LIME %.3f; ",
            DigitsStudy.sigma(StabilityFidelity.SIGMAS[si]), ns[ni], jac[bin][si][ni],
            degenerate ? " (all w = 0: ties)" : "", jac[lime][si][ni]));
      }
    }
    v.add(new Verdict("001 Fig. 4a", "GLIME-Binomial is more stable than LIME at small σ with few "
        + "samples", "at σ ∈ {0.25, 0.5} and every n ≤ " + SMALL_N + ": mean Jaccard of "
        + "GLIME-Binomial > LIME's, and GLIME-Binomial's explanations not all zero (max |w_i| ≥ "
        + StabilityFidelity.NEGLIGIBLE + " on some image)", m1.toString().strip(), a1));
    // A2
    boolean a2 = true;
    double worst = Double.POSITIVE_INFINITY;
    String at = "";
    int ties = 0;
    for (int si = 0; si < StabilityFidelity.SIGMAS.length; si++) {
      for (int ni = 0; ni < ns.length; ni++) {
        ties += allDegenerate(stab, bin, si, ni) || allDegenerate(stab, lime, si, ni) ? 1 : 0;
        double diff = jac[bin][si][ni] - jac[lime][si][ni];
        a2 &= diff >= -JACCARD_TOLERANCE;
        if (diff < worst) {
          worst = diff;
          at = "σ=" + DigitsStudy.sigma(StabilityFidelity.SIGMAS[si]) + ", n=" + ns[ni];
        }
      }
    }
    v.add(new Verdict("001 Fig. 4a", "GLIME-Binomial consistently outperforms LIME in stability",
        "at every (σ, n): Jaccard(GLIME-Binomial) ≥ Jaccard(LIME) − " + JACCARD_TOLERANCE,
        String.format(Locale.ROOT, "smallest difference %.3f at %s; %d of %d (σ, n) points have "
            + "all-zero explanations of one of the two (Jaccard from ties)", worst, at, ties,
            StabilityFidelity.SIGMAS.length * ns.length), a2));
    // A3
    int lastN = ns.length - 1;
    v.add(new Verdict("001 Fig. 4a", "LIME at the default σ = 0.25 stays unstable (Jaccard ≈ 0.4 "
        + "past 2000 samples)", "LIME's mean Jaccard at σ = 0.25 and n = " + ns[lastN] + " ≤ "
        + LIME_UNSTABLE_MAX, String.format(Locale.ROOT, "%.3f", jac[lime][0][lastN]),
        jac[lime][0][lastN] <= LIME_UNSTABLE_MAX));
    // A4
    int n256 = indexOf(ns, 256);
    if (n256 >= 0) {
      boolean a4 = true;
      StringBuilder m4 = new StringBuilder();
      for (int si = 0; si < StabilityFidelity.SIGMAS.length; si++) {
        a4 &= jac[gauss][si][n256] >= GAUSS_STABLE_MIN;
        m4.append(String.format(Locale.ROOT, "σ=%s: %.3f; ",
            DigitsStudy.sigma(StabilityFidelity.SIGMAS[si]), jac[gauss][si][n256]));
      }
      v.add(new Verdict("001 Fig. 4a", "GLIME-Gauss gives stable explanations with 200–400 "
          + "samples", "GLIME-Gauss's mean Jaccard at n = 256 ≥ " + GAUSS_STABLE_MIN
          + " at every σ", m4.toString().strip(), a4));
    }
    // B1, B2
    boolean b1 = r2[lime][0][lastN] <= LIME_R2_MAX && r2[lime][1][lastN] <= LIME_R2_MAX;
    v.add(new Verdict("001 Fig. 4b", "LIME's R² is nearly zero at σ = 0.25 and 0.5",
        "LIME's mean R² at n = " + ns[lastN] + " ≤ " + LIME_R2_MAX + " at σ = 0.25 and 0.5",
        String.format(Locale.ROOT, "%.4f and %.4f", r2[lime][0][lastN], r2[lime][1][lastN]), b1));
    boolean b2 = true;
    StringBuilder mb = new StringBuilder();
    for (int si = 0; si < StabilityFidelity.SIGMAS.length; si++) {
      double best = Double.POSITIVE_INFINITY;
      for (int mi = 0; mi < StabilityFidelity.METHODS.size(); mi++) {
        if (mi != lime) {
          best = Math.min(best, r2[mi][si][lastN]);
        }
      }
      b2 &= r2[lime][si][lastN] < best;
      mb.append(String.format(Locale.ROOT, "σ=%s: LIME %.3f, lowest GLIME %.3f; ",
          DigitsStudy.sigma(StabilityFidelity.SIGMAS[si]), r2[lime][si][lastN], best));
    }
    v.add(new Verdict("001 Fig. 4b", "LIME's R² is consistently lower than GLIME's",
        "at every σ, n = " + ns[lastN] + ": LIME's mean R² < every GLIME variant's",
        mb.toString().strip(), b2));
    // C1
    Map<String, double[]> curves = RelevanceOrderingCurves.meanRelative(ord);
    double[] rde = curves.get("rde");
    boolean c1 = true;
    StringBuilder mc = new StringBuilder();
    for (Map.Entry<String, double[]> e : curves.entrySet()) {
      if (e.getKey().equals("rde") || e.getKey().startsWith("exact")) {
        continue;
      }
      for (int k = 1; k <= LOW_RATE; k++) {
        if (rde[k] > e.getValue()[k] + 1e-12) {
          c1 = false;
          mc.append(String.format(Locale.ROOT, "%s lower at k=%d (%.4f < %.4f); ", e.getKey(), k,
              e.getValue()[k], rde[k]));
        }
      }
    }
    double[] env = curves.get("exact envelope D*(k)");
    mc.append(String.format(Locale.ROOT, "RDE at k=1..%d: %s; envelope: %s", LOW_RATE,
        fmt(rde, 1, LOW_RATE), fmt(env, 1, LOW_RATE)));
    v.add(new Verdict("003 Fig. 3", "RDE's distortion drops fastest at low rates", "mean D/D(∅) of"
        + " RDE's ordering ≤ every other ordering's (random included) at k = 1.." + LOW_RATE
        + " of 16 superpixels (ties allowed)", mc.toString().strip(), c1));
    // D1, D2, D3
    Map<String, double[]> frac = fractions(masks);
    boolean d1 = true;
    boolean d2 = true;
    StringBuilder md = new StringBuilder();
    boolean d3 = true;
    StringBuilder m3 = new StringBuilder();
    for (Map.Entry<String, double[]> e : frac.entrySet()) {
      double[] f = e.getValue();
      if (Attributions.SEED004.contains(e.getKey())) {
        if (!e.getKey().contains("suf")) {
          d3 &= f[1] >= FIND_SUFFICIENT;
        }
        m3.append(String.format(Locale.ROOT, "%s: suf at small t %.2f, nec %.2f; ", e.getKey(), f[0],
            f[1]));
        continue;
      }
      d1 &= f[0] >= FIND_SUFFICIENT;
      d2 &= f[1] <= FIND_NECESSARY_MAX;
      md.append(String.format(Locale.ROOT, "%s: suf %.2f, nec %.2f (exact P_nec optimum of the "
          + "same size necessary: %.2f); ", e.getKey(), f[0], f[1], f[2]));
    }
    v.add(new Verdict("004 §6.2.1", "off-the-shelf methods find sufficient sets at small thresholds",
        "for every method: ≥ " + FIND_SUFFICIENT + " of its masks at t ≤ " + SMALL_T + " have Δsuf"
        + " ≤ " + EPS + "·gap", md.toString().strip(), d1));
    v.add(new Verdict("004 §6.2.1", "off-the-shelf methods do not find necessary sets",
        "for every method: ≤ " + FIND_NECESSARY_MAX + " of its masks (all t) have Δnec ≤ " + EPS
        + "·gap", "(fractions as above)", d2));
    v.add(new Verdict("004 §6.2.1", "the necessity and unified explainers (Eq. 13) find necessary "
        + "sets", "for 004's mask-nec and mask-uni: ≥ " + FIND_SUFFICIENT + " of their masks (all t)"
        + " have Δnec ≤ " + EPS + "·gap", m3.toString().strip(), d3));
    return new Verdicts(v);
  }

  /**
   * Per method: [fraction of small-t masks ε-sufficient, fraction of all masks ε-necessary,
   * fraction of all masks whose size admits an ε-necessary set (the exact P_nec optimum)].
   */
  static Map<String, double[]> fractions(List<SufficientNecessaryMasks.Result> masks) {
    Map<String, double[]> out = new LinkedHashMap<>();
    Map<String, int[]> count = new LinkedHashMap<>();
    for (SufficientNecessaryMasks.Result r : masks) {
      for (SufficientNecessaryMasks.Mask m : r.masks()) {
        int[] c = count.computeIfAbsent(m.method(), k -> new int[5]);
        if (m.threshold() <= SMALL_T + 1e-12) {
          c[0]++;
          c[1] += m.suf() <= EPS ? 1 : 0;
        }
        c[2]++;
        c[3] += m.nec() <= EPS ? 1 : 0;
        c[4] += m.optNec() <= EPS ? 1 : 0;
      }
    }
    count.forEach((k, c) -> out.put(k, new double[] {c[1] / (double) c[0], c[3] / (double) c[2],
        c[4] / (double) c[2]}));
    return out;
  }

  /** Mean Δsuf/gap (or Δnec/gap) by threshold, per method, plus the exact optimum's mean. */
  static Map<String, double[]> byThreshold(List<SufficientNecessaryMasks.Result> masks,
      boolean suf) {
    Map<String, double[]> out = new LinkedHashMap<>();
    double[] ts = SufficientNecessaryMasks.THRESHOLDS;
    Map<String, double[]> opt = new LinkedHashMap<>();
    for (SufficientNecessaryMasks.Result r : masks) {
      for (SufficientNecessaryMasks.Mask m : r.masks()) {
        int ti = indexOf(ts, m.threshold());
        out.computeIfAbsent(m.method(), k -> new double[ts.length])[ti] +=
            (suf ? m.suf() : m.nec()) / masks.size();
        opt.computeIfAbsent(m.method(), k -> new double[ts.length])[ti] +=
            (suf ? m.optSuf() : m.optNec()) / masks.size();
      }
    }
    String first = out.keySet().iterator().next();
    out.put("exact optimum at " + first + "'s sizes", opt.get(first));
    return out;
  }

  static double[] meanLimitR2(List<StabilityFidelity.ImageResult> rs) {
    double[] out = new double[StabilityFidelity.SIGMAS.length];
    for (StabilityFidelity.ImageResult r : rs) {
      for (int i = 0; i < out.length; i++) {
        out[i] += r.limitR2()[i] / rs.size();
      }
    }
    return out;
  }

  private static boolean allDegenerate(List<StabilityFidelity.ImageResult> rs, int mi, int si,
      int ni) {
    for (StabilityFidelity.ImageResult r : rs) {
      if (r.maxAbs()[mi][si][ni] >= StabilityFidelity.NEGLIGIBLE) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(long[] a, long v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  static int indexOf(double[] a, double v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  static String fmt(double[] a, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append(i > from ? ", " : "").append(String.format(Locale.ROOT, "%.4f", a[i]));
    }
    return b.toString();
  }
}
