package xcert.ledger.seed002;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.metrics.InsertionDeletion;
import xcert.explainers.metrics.Ranking;
import xcert.explainers.sop.GroupMetrics;
import xcert.explainers.sop.GroupedCurves;
import xcert.explainers.sop.Sparsemax;
import xcert.explainers.sop.SumOfParts;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.model.Model;

/**
 * Seed 002 Section 3 and Appendices C–D on small seeded Sum-of-Parts models ({@link SumOfParts}):
 * Eq. 2 (sparsemax is the simplex projection, checked exactly against every support), Algorithm 1
 * (y = Σ c_i y_i, "faithful by construction"), the grouped insertion/deletion curves (C.3.2), group
 * sparsity (C.3.3) and group intensity (D).
 */
public final class SumOfPartsCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("002-Eq2", "002-Eq3/Alg1", "002-C.3.2", "002-C.3.3", "002-D");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    SplittableRandom rng = new SplittableRandom(ctx.seed() ^ 0x5095L);
    int n = ctx.full() ? 400 : 100;
    List<Finding> out = new ArrayList<>();
    out.add(eq2(rng, n));
    out.add(algorithm1(ctx.seed(), ctx.full() ? 40 : 12));
    out.add(groupedCurves(ctx.seed(), ctx.full() ? 40 : 10));
    out.add(sparsity(ctx.seed()));
    out.add(intensity(rng));
    return out;
  }

  /** sparsemax(z) against the brute-force projection over every support, exactly. */
  static Finding eq2(SplittableRandom rng, int n) {
    int zeros = 0;
    int entries = 0;
    String bad = "";
    double worstFloat = 0;
    for (int t = 0; t < n && bad.isEmpty(); t++) {
      int d = 2 + rng.nextInt(5);
      BigFraction[] z = new BigFraction[d];
      double[] zd = new double[d];
      for (int i = 0; i < d; i++) {
        z[i] = BigFraction.of(rng.nextInt(-12, 13), 1 + rng.nextInt(6));
        zd[i] = z[i].doubleValue();
      }
      BigFraction[] p = Sparsemax.of(z);
      BigFraction[] best = bruteForceProjection(z);
      double[] pd = Sparsemax.of(zd);
      for (int i = 0; i < d; i++) {
        if (!p[i].equals(best[i])) {
          bad = java.util.Arrays.toString(z) + ": " + java.util.Arrays.toString(p) + " vs "
              + java.util.Arrays.toString(best);
        }
        worstFloat = Math.max(worstFloat, Math.abs(pd[i] - p[i].doubleValue()));
        zeros += p[i].signum() == 0 ? 1 : 0;
        entries++;
      }
    }
    return Finding.of("002-Eq2", bad.isEmpty() && worstFloat < 1e-12, "Sparsemax.of (exact and "
        + "float64) on " + n + " seeded rational z (d=2..6) against the Euclidean projection onto "
        + "the simplex found by trying every support, exactly",
        bad.isEmpty() ? "equal on every z; float64 within " + String.format(Locale.ROOT, "%.1e",
        worstFloat) + "; " + zeros + " of " + entries + " entries exactly 0 (sparse), every row in "
        + "the simplex, so GroupGen's masks lie in [0,1]^d" : "differs: " + bad);
  }

  /** The least-distance point p ≥ 0, Σp = 1 among the KKT candidates of every support. */
  static BigFraction[] bruteForceProjection(BigFraction[] z) {
    int d = z.length;
    BigFraction[] best = null;
    BigFraction bestDist = null;
    for (int a = 1; a < 1 << d; a++) {
      BigFraction sum = BigFraction.ZERO;
      for (int i = 0; i < d; i++) {
        if ((a >> i & 1) == 1) {
          sum = sum.add(z[i]);
        }
      }
      BigFraction tau = sum.subtract(1).divide(Integer.bitCount(a));
      BigFraction[] p = new BigFraction[d];
      boolean ok = true;
      BigFraction dist = BigFraction.ZERO;
      for (int i = 0; i < d; i++) {
        p[i] = (a >> i & 1) == 1 ? z[i].subtract(tau) : BigFraction.ZERO;
        ok &= p[i].signum() >= 0;
        BigFraction diff = p[i].subtract(z[i]);
        dist = dist.add(diff.multiply(diff));
      }
      if (ok && (bestDist == null || dist.compareTo(bestDist) < 0)) {
        best = p;
        bestDist = dist;
      }
    }
    return best;
  }

  /** y = Σ c_i y_i recomputed; the SOP's own grouped attribution under Definition 5 (prose). */
  static Finding algorithm1(long seed, int models) {
    double worstIdentity = 0;
    int withError = 0;
    double worstGrouped = 0;
    long sets = 0;
    for (int m = 0; m < models; m++) {
      int d = 5;
      SumOfParts sop = SumOfParts.random(d, 2, 6, seed + 100 + m);
      double[][] x = tokens(d, new SplittableRandom(seed + 200 + m));
      SumOfParts.Pass pass = sop.forward(x);
      double sum = 0;
      double scale = 0;
      for (int g = 0; g < d; g++) {
        double[][] masked = new double[d][2];
        for (int i = 0; i < d; i++) {
          for (int a = 0; a < 2; a++) {
            masked[i][a] = pass.groups()[g][i] * x[i][a];
          }
        }
        double[] z = sop.embed(masked);
        sum += pass.scores()[g] * pass.groupPredictions()[g];
        scale += Math.abs(pass.scores()[g] * pass.groupPredictions()[g]);
        if (z.length == 0) {
          throw new IllegalStateException("empty embedding");
        }
      }
      worstIdentity = Math.max(worstIdentity, Math.abs(sum - pass.prediction())
          / Math.max(1, scale));
      // grouped insertion error of β = {(supp S_i, c_i y_i)} (prose reading: S_i ⊆ S counts)
      long[] supp = new long[d];
      for (int g = 0; g < d; g++) {
        for (int i = 0; i < d; i++) {
          supp[g] |= pass.groups()[g][i] > 0 ? 1L << i : 0;
        }
      }
      double f0 = sop.forward(keep(x, 0)).prediction();
      boolean any = false;
      for (long s = 0; s < 1L << d; s++) {
        double change = sop.forward(keep(x, s)).prediction() - f0;
        double scores = 0;
        for (int g = 0; g < d; g++) {
          scores += (supp[g] & ~s) == 0 ? pass.scores()[g] * pass.groupPredictions()[g] : 0;
        }
        double err = Math.abs(change - scores);
        sets++;
        if (err > 1e-9) {
          any = true;
          worstGrouped = Math.max(worstGrouped, err);
        }
      }
      withError += any ? 1 : 0;
    }
    boolean identity = worstIdentity < 1e-12;
    String check = "SumOfParts.random(d=5, e=2, h=6), " + models + " seeded models and inputs: "
        + "Σ c_i·y_i recomputed against Algorithm 1's y; the grouped insertion error (Definition 5,"
        + " prose reading) of β = {(supp S_i, c_i·y_i)} over all 2^5 sets";
    String ev = String.format(Locale.ROOT, "y = Σ c_i y_i to a relative %.1e; grouped insertion "
        + "error nonzero on %d of %d models (max %.3g over %d sets): SOP recomputes its groups on"
        + " each perturbed input", worstIdentity, withError, models, worstGrouped, sets);
    return identity ? Finding.underReading("002-Eq3/Alg1", "'faithful by construction' read as "
        + "completeness: the prediction is exactly the sum of the group contributions c_i·y_i, "
        + "each computed from its group's features only; not as zero grouped insertion/deletion "
        + "error of Definitions 4–5", check, ev) : Finding.fails("002-Eq3/Alg1", check, ev);
  }

  /** Singleton groups reproduce InsertionDeletion; overlapping groups change each feature once. */
  static Finding groupedCurves(long seed, int models) {
    double worst = 0;
    String bad = "";
    int d = 6;
    for (int m = 0; m < models; m++) {
      SumOfParts sop = SumOfParts.random(d, 1, 5, seed + 300 + m);
      SplittableRandom rng = new SplittableRandom(seed + 400 + m);
      double[] x = new double[d];
      double[] w = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = rng.nextGaussian();
        w[i] = rng.nextGaussian();
      }
      double[] ref = new double[d];
      Model f = model(sop);
      Attribution a = new Attribution(w, OptionalDouble.empty(), "random", java.util.Map.of(),
          xcert.solvers.result.Provenance.float64("seeded random weights"));
      int[] order = Ranking.MAGNITUDE.order(w);
      long[] singles = new long[d];
      for (int k = 0; k < d; k++) {
        singles[k] = 1L << order[k];
      }
      for (boolean ins : new boolean[] {true, false}) {
        InsertionDeletion.Curve c = InsertionDeletion.curve(ins ? InsertionDeletion.Kind.INSERTION
            : InsertionDeletion.Kind.DELETION, f, x, ref, a, Ranking.MAGNITUDE,
            new CpuBackend(1));
        GroupedCurves.Curve g = GroupedCurves.curve(ins, f::evaluate, x, ref, singles);
        for (int k = 0; k <= d; k++) {
          worst = Math.max(worst, Math.abs(c.values()[k] - g.values()[k]));
        }
        worst = Math.max(worst, Math.abs(c.auc() - g.auc()));
        // overlapping groups: every feature changed once, the last step at the target
        long[] groups = {0b000111, 0b001110, 0b110000, 0b100001};
        GroupedCurves.Curve o = GroupedCurves.curve(ins, f::evaluate, x, ref, groups);
        int changed = java.util.Arrays.stream(o.changed()).sum();
        double last = f.evaluate(ins ? x : ref);
        if (changed != d || o.values()[groups.length] != last) {
          bad = "model " + m + ": changed " + changed + ", last " + o.values()[groups.length];
        }
      }
    }
    return Finding.of("002-C.3.2", bad.isEmpty() && worst < 1e-12, "GroupedCurves.curve against "
        + "InsertionDeletion.curve (singleton groups in the attribution's order) on " + models
        + " seeded SOP models (d=6), and overlapping groups {1,2,3},{2,3,4},{5,6},{1,6}",
        bad.isEmpty() ? String.format(Locale.ROOT, "singleton groups give the standard curves and "
        + "AUCs to %.1e; with overlaps each feature is changed exactly once (already-removed "
        + "features skipped) and the last step is the reference (deletion) or x (insertion)",
        worst) : "fails: " + bad);
  }

  /** The printed sparsity formula against the text's description. */
  static Finding sparsity(long seed) {
    int d = 8;
    SumOfParts sop = SumOfParts.random(d, 2, 6, seed + 500);
    SumOfParts.Pass p = sop.forward(tokens(d, new SplittableRandom(seed + 501)));
    int zeroScores = 0;
    for (double c : p.scores()) {
      zeroScores += c == 0 ? 1 : 0;
    }
    double printed = GroupMetrics.sparsityAsPrinted(p.groups(), p.scores());
    double described = GroupMetrics.sparsityAsDescribed(p.groups(), p.scores());
    return Finding.underReading("002-C.3.3", "the text's 'average the count for all groups with "
        + "non-zero group score c_i', as a fraction of the |X| features ('around 60% nonzeros'): "
        + "mean over {i : c_i ≠ 0} of |S_i|/|X|; the printed Σ_i |S_i|·1(c_i ≥ 0)/|X| sums instead "
        + "of averaging and, as sparsemax scores are never negative, counts every group, c_i = 0 "
        + "included", "GroupMetrics.sparsityAsPrinted/-AsDescribed on a seeded SOP model (d=8, G=8)",
        String.format(Locale.ROOT, "%d of %d groups have c_i = 0; printed formula %.3f (can "
        + "exceed 1), as described %.3f", zeroScores, d, printed, described));
  }

  /** Intensity and the labels of App. D on a seeded map with integer values. */
  static Finding intensity(SplittableRandom rng) {
    int d = 64;
    double[] x = new double[d];
    double mean = 0;
    for (int i = 0; i < d; i++) {
      x[i] = rng.nextInt(16) == 0 ? 60 : rng.nextInt(-3, 6); // a few hot pixels
      mean += x[i] / d;
    }
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean) / d;
    }
    double sigma = Math.sqrt(var);
    int clusters = 0;
    int voidsStrict = 0;
    int voidsWeak = 0;
    int both = 0;
    int groups = 400;
    double softGap = 0;
    for (int g = 0; g < groups; g++) {
      double[] s = new double[d];
      int size = 1 + rng.nextInt(4);
      double l1 = 0;
      for (int k = 0; k < size; k++) {
        s[rng.nextInt(d)] = 0.25 + 0.75 * rng.nextDouble();
      }
      double weighted = 0;
      for (int i = 0; i < d; i++) {
        l1 += s[i];
        weighted += s[i] > 0 ? x[i] : 0;
      }
      double in = GroupMetrics.intensity(x, s);
      softGap = Math.max(softGap, Math.abs(in - weighted / l1));
      boolean cluster = in >= 3 * sigma;
      boolean voidStrict = in < 0;
      clusters += cluster ? 1 : 0;
      voidsStrict += voidStrict ? 1 : 0;
      voidsWeak += in <= 0 ? 1 : 0;
      both += cluster && voidStrict ? 1 : 0;
    }
    String ev = String.format(Locale.ROOT, "σ = %.3f; of %d groups: %d clusters (≥ 3σ), %d voids "
        + "(< 0, App. D) against %d (≤ 0, §5): the two void rules differ on the groups of "
        + "intensity exactly 0; no group is both; reading |S| as Σ_i S_i instead of the support "
        + "changes the intensity by up to %.3f", sigma, groups, clusters, voidsStrict, voidsWeak,
        softGap);
    return both > 0 ? Finding.fails("002-D", "GroupMetrics.intensity", ev)
        : Finding.underReading("002-D", "|S| is the number of features with S_i > 0; a void is "
        + "Intensity < 0 (App. D; §5 says ≤ 0); App. D's second 'labeled as a cluster' (for "
        + "Intensity < 0) read as 'void'", "GroupMetrics.intensity on a seeded integer map (d=64) "
        + "and 400 seeded soft groups", ev);
  }

  private static double[][] keep(double[][] x, long s) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = (s >>> i & 1) == 1 ? x[i].clone() : new double[x[i].length];
    }
    return y;
  }

  private static double[][] tokens(int d, SplittableRandom rng) {
    double[][] x = new double[d][2];
    for (int i = 0; i < d; i++) {
      x[i][0] = rng.nextGaussian();
      x[i][1] = rng.nextGaussian();
    }
    return x;
  }

  /** The SOP on scalar tokens (e = 1) as a Model. */
  private static Model model(SumOfParts sop) {
    return new Model() {
      @Override
      public int dimension() {
        return sop.dimension();
      }

      @Override
      public double evaluate(double[] x) {
        double[][] t = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
          t[i][0] = x[i];
        }
        return sop.forward(t).prediction();
      }

      @Override
      public BigFraction exactValue(double[] x) {
        return BigFraction.from(evaluate(x));
      }

      @Override
      public boolean hasExactValues() {
        return false;
      }

      @Override
      public boolean isBooleanValued() {
        return false;
      }

      @Override
      public boolean requiresBinaryInputs() {
        return false;
      }
    };
  }
}
