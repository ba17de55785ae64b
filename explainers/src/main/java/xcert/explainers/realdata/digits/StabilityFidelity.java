package xcert.explainers.realdata.digits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.limits.ExactLimits;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.explainers.metrics.Ranking;
import xcert.explainers.metrics.TopKJaccard;

/**
 * Seed 001 Figure 4a/4b on digits with 16 superpixels: the stability (mean pairwise top-K Jaccard of
 * the explanations from {@code seeds} seeds, Section 5 "Metrics (1)") and the local fidelity (R²) of
 * LIME and GLIME-Binomial, -Gauss, -Laplace and -Uniform against n, for σ ∈ {0.25, 0.5, 1, 5}, beside
 * the exact n → ∞ limits of LIME and GLIME-Binomial ({@link ExactLimits}, λ = α/n → 0).
 *
 * <p>Settings, as seed 001 Section 5 and Appendix A.1: LIME's kernel exp(−‖1 − z‖²/σ²) (lime_image's
 * √exp(−D²/w²) with the L2 distance and w = σ/√2); GLIME-Binomial P(z_i = 1) = 1/(1 + e^{−1/σ²});
 * GLIME-Gauss N(0, σ²), -Laplace Laplace(0, σ/√2), -Uniform U[−√3σ, √3σ] (variance σ² each, as the
 * seed sets them); all with sklearn's Ridge(α = 1) and an intercept. Top-K by the largest signed
 * values (the seed's "top-K largest values"), ties by lower index.
 *
 * <p>R² (Figure 4b) is read as the R² of the explanation w over the method's own neighbourhood with
 * the intercept refitted: R² = 1 − Var(g − w·z)/Var(g). For LIME and GLIME-Binomial it is computed
 * exactly over all 2^16 masks with the weights q(z) ∝ e^{|z|/σ²} (the same for both: uniform
 * sampling times LIME's kernel is GLIME-Binomial's distribution, seed 001 B.1–B.2); for the
 * continuous variants on {@code r2Points} fresh points of the method's own noise (seeded).
 *
 * @param k the K of top-K
 * @param seeds explanations per (image, method, σ, n): seeds 0..seeds−1
 * @param ns the sample sizes
 * @param r2Points points of the Monte-Carlo R² of the continuous variants
 */
public record StabilityFidelity(int k, int seeds, long[] ns, int r2Points) {

  public static final double[] SIGMAS = {0.25, 0.5, 1, 5};
  public static final List<String> METHODS = List.of("lime", "glime-binomial", "glime-gauss",
      "glime-laplace", "glime-uniform");
  /** Explanations whose largest |w_i| is below this count as zero (top-K decided by ties). */
  public static final double NEGLIGIBLE = 1e-9;

  public StabilityFidelity {
    ns = ns.clone();
  }

  @Override
  public long[] ns() {
    return ns.clone();
  }

  /** The method's settings at σ and n, seed s (the seed's variance-matched parameters). */
  public static MethodSettings settings(String method, double sigma, long n, long s) {
    MethodSettings set = MethodSettings.defaults().withSeed(s).withSamples(n);
    return switch (method) {
      case "lime" -> set.withKernelWidth(sigma / Math.sqrt(2)).withDistance("l2");
      case "glime-binomial", "glime-gauss" -> set.withSigma(sigma);
      case "glime-laplace" -> set.withSigma(sigma / Math.sqrt(2));
      case "glime-uniform" -> set.withSigma(Math.sqrt(3) * sigma);
      default -> throw new IllegalArgumentException("not a method of Figure 4: " + method);
    };
  }

  /** Whether a method samples binary masks (its R² is exact over all masks). */
  public static boolean binary(String method) {
    return method.equals("lime") || method.equals("glime-binomial");
  }

  /**
   * Results on one image.
   *
   * @param jaccard [method][σ][n] mean pairwise top-K Jaccard over the seeds
   * @param maxAbs [method][σ][n] largest |w_i| over seeds and features
   * @param r2 [method][σ][n] R² of seed 0's explanation
   * @param toLimit [method][σ][n] for LIME and GLIME-Binomial, the mean Jaccard of each seed's top-K
   *     with the exact limit's top-K (NaN for the continuous variants)
   * @param limitR2 [σ] R² of the exact limit (LIME's = GLIME-Binomial's at λ = 0)
   * @param limitGap [σ] max_i |w_i(LIME limit) − w_i(GLIME-Binomial limit)|, 0 up to rounding by
   *     seed 001 B.1–B.2
   * @param limitTop [σ] the exact limit's top-K superpixels
   */
  public record ImageResult(MaskedDigit image, double[][][] jaccard, double[][][] maxAbs,
      double[][][] r2, double[][][] toLimit, double[] limitR2, double[] limitGap,
      List<List<Integer>> limitTop) {}

  /** Runs every method, σ, n and seed on one image. */
  public ImageResult run(MaskedDigit img, Backend backend, Consumer<String> progress) {
    int m = METHODS.size();
    int ss = SIGMAS.length;
    double[][][] jac = new double[m][ss][ns.length];
    double[][][] maxAbs = new double[m][ss][ns.length];
    double[][][] r2 = new double[m][ss][ns.length];
    double[][][] toLimit = new double[m][ss][ns.length];
    double[] limitR2 = new double[ss];
    double[] limitGap = new double[ss];
    List<List<Integer>> limitTop = new ArrayList<>();
    double[] table = img.table();
    double[] ones = MaskedDigit.ones();
    double[] zeros = MaskedDigit.zeros();
    for (int si = 0; si < ss; si++) {
      double sigma = SIGMAS[si];
      progress.accept("digits 001: image row " + img.row() + ", exact limits at σ = " + sigma);
      Attribution lime = ExactLimits.lime(img.g(), ones, zeros, sigma / Math.sqrt(2),
          Kernel.Distance.L2, true, 0);
      Attribution glime = ExactLimits.glimeBinomial(img.g(), ones, zeros, sigma, true, 0);
      double gap = 0;
      for (int i = 0; i < MaskedDigit.D; i++) {
        gap = Math.max(gap, Math.abs(lime.values()[i] - glime.values()[i]));
      }
      limitGap[si] = gap;
      limitR2[si] = binaryR2(table, glime.values(), sigma);
      java.util.BitSet top = TopKJaccard.topK(glime.values(), k, Ranking.SIGNED);
      limitTop.add(top.stream().boxed().toList());
      for (int mi = 0; mi < m; mi++) {
        String method = METHODS.get(mi);
        for (int ni = 0; ni < ns.length; ni++) {
          List<double[]> expl = new ArrayList<>();
          double lim = 0;
          for (int s = 0; s < seeds; s++) {
            double[] w = Methods.create(method, settings(method, sigma, ns[ni], s), MaskedDigit.D)
                .explain(img.g(), ones, backend).values();
            for (double v : w) {
              maxAbs[mi][si][ni] = Math.max(maxAbs[mi][si][ni], Math.abs(v));
            }
            expl.add(w);
            lim += TopKJaccard.jaccard(TopKJaccard.topK(w, k, Ranking.SIGNED), top);
          }
          jac[mi][si][ni] = TopKJaccard.meanPairwise(expl, k, Ranking.SIGNED);
          toLimit[mi][si][ni] = binary(method) ? lim / seeds : Double.NaN;
          r2[mi][si][ni] = binary(method) ? binaryR2(table, expl.get(0), sigma)
              : continuousR2(img, method, sigma, expl.get(0));
        }
      }
    }
    return new ImageResult(img, jac, maxAbs, r2, toLimit, limitR2, limitGap, limitTop);
  }

  /**
   * R² = 1 − Var_q(g − w·z)/Var_q(g) over all masks, q(z) ∝ e^{|z|/σ²} (LIME's uniform sampling
   * times its kernel, = GLIME-Binomial's distribution), two-pass in float64.
   */
  public static double binaryR2(double[] table, double[] w, double sigma) {
    int masks = table.length;
    double[] q = new double[MaskedDigit.D + 1];
    for (int j = 0; j <= MaskedDigit.D; j++) {
      q[j] = Math.exp((j - MaskedDigit.D) / (sigma * sigma));
    }
    double total = 0;
    double mg = 0;
    double mr = 0;
    double[] res = new double[masks];
    for (int s = 0; s < masks; s++) {
      double qs = q[Integer.bitCount(s)];
      double wz = 0;
      for (int i = 0; i < MaskedDigit.D; i++) {
        if (((s >>> i) & 1) != 0) {
          wz += w[i];
        }
      }
      res[s] = table[s] - wz;
      total += qs;
      mg += qs * table[s];
      mr += qs * res[s];
    }
    mg /= total;
    mr /= total;
    double vg = 0;
    double vr = 0;
    for (int s = 0; s < masks; s++) {
      double qs = q[Integer.bitCount(s)];
      vg += qs * (table[s] - mg) * (table[s] - mg);
      vr += qs * (res[s] - mr) * (res[s] - mr);
    }
    return vg > 0 ? 1 - vr / vg : Double.NaN;
  }

  /** R² on r2Points fresh points z = 1 + ξ of the method's noise (seed 1_000_003). */
  double continuousR2(MaskedDigit img, String method, double sigma, double[] w) {
    SplittableRandom rnd = new SplittableRandom(1_000_003L + Double.hashCode(sigma)
        + method.hashCode());
    double[] g = new double[r2Points];
    double[] res = new double[r2Points];
    double[] z = new double[MaskedDigit.D];
    for (int p = 0; p < r2Points; p++) {
      double wz = 0;
      for (int i = 0; i < MaskedDigit.D; i++) {
        double xi = switch (method) {
          case "glime-gauss" -> sigma * gaussian(rnd);
          case "glime-laplace" -> {
            double u = rnd.nextDouble() - 0.5;
            yield -(sigma / Math.sqrt(2)) * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
          }
          case "glime-uniform" -> Math.sqrt(3) * sigma * (2 * rnd.nextDouble() - 1);
          default -> throw new IllegalArgumentException(method);
        };
        z[i] = 1 + xi;
        wz += w[i] * xi;
      }
      g[p] = img.g().score(z);
      res[p] = g[p] - wz;
    }
    return 1 - variance(res) / variance(g);
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  private static double variance(double[] a) {
    double m = Arrays.stream(a).average().orElse(0);
    double v = 0;
    for (double x : a) {
      v += (x - m) * (x - m);
    }
    return v / a.length;
  }

  /** Mean over images of a [method][σ][n] array. */
  public static double[][][] mean(List<ImageResult> rs, java.util.function.Function<ImageResult,
      double[][][]> f) {
    double[][][] first = f.apply(rs.get(0));
    double[][][] out = new double[first.length][first[0].length][first[0][0].length];
    for (ImageResult r : rs) {
      double[][][] a = f.apply(r);
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a[i].length; j++) {
          for (int l = 0; l < a[i][j].length; l++) {
            out[i][j][l] += a[i][j][l] / rs.size();
          }
        }
      }
    }
    return out;
  }

  /** JSON-ready fields of one image. */
  public Map<String, Object> data(ImageResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", r.image().row());
    m.put("label", r.image().label());
    m.put("class", r.image().cls());
    List<Object> curves = new ArrayList<>();
    for (int mi = 0; mi < METHODS.size(); mi++) {
      for (int si = 0; si < SIGMAS.length; si++) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", METHODS.get(mi));
        c.put("sigma", SIGMAS[si]);
        c.put("n", Arrays.stream(ns).boxed().toList());
        c.put("jaccard", Arrays.stream(r.jaccard()[mi][si]).boxed().toList());
        c.put("max_abs", Arrays.stream(r.maxAbs()[mi][si]).boxed().toList());
        c.put("r2", Arrays.stream(r.r2()[mi][si]).boxed().toList());
        if (binary(METHODS.get(mi))) {
          c.put("jaccard_to_limit", Arrays.stream(r.toLimit()[mi][si]).boxed().toList());
        }
        curves.add(c);
      }
    }
    m.put("curves", curves);
    m.put("limit_r2", Arrays.stream(r.limitR2()).boxed().toList());
    m.put("limit_gap_lime_glime", Arrays.stream(r.limitGap()).boxed().toList());
    m.put("limit_top_k", r.limitTop());
    return m;
  }
}
