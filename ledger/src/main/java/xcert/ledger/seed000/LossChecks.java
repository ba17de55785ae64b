package xcert.ledger.seed000;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.claims.IdentityChecks;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.Neighbourhood;
import xcert.explainers.lfa.Noises;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.ReluNetwork;

/**
 * Seed 000 Definition 1 (Eq. 1, Table 1), Eq. 2, Proposition 1 and Appendix A.1: the losses of the
 * LFA framework, evaluated on replayed samples.
 *
 * <ul>
 *   <li>000-Def1: Table 1's methods are LFA instances with the stated noise type and loss
 *       ({@link Methods#instance}: additive Gaussian + squared error for C-LIME, additive Gaussian +
 *       ℓgm for SmoothGrad and Vanilla Gradients, multiplicative t·1 + ℓgm for IG and G×I, binary
 *       masks + squared error for LIME, KernelSHAP, Occlusion), and the squared error is valid in
 *       the sense of Definition 1: on every Boolean f of 2 inputs and every affine g with
 *       coefficients in {−1, 0, 1}, E_{ξ ~ Uni{0,1}²}(f − g)² = 0 exactly iff f = g on the support.
 *   <li>000-Eq2: the SmoothGrad instance's output w* minimises the empirical
 *       ℓgm(w) = (1/n)Σ_k ‖∇f(x0 + ξ_k) − w‖² on its own samples (replayed from the counter stream):
 *       ℓgm(w* ± h e_j) − ℓgm(w*) = h² for every j (the loss is a quadratic with minimiser the mean).
 *   <li>000-Prop1: on linear f = wᵀx + b, ℓgm(f, g_{w,b'}) = 0 for every b' (valid only up to the
 *       constant: b is not recovered), the fit returns w, and with b fixed to f(0) g = f.
 *   <li>000-A.1: the unsigned loss ‖|∇f| − w_g‖² is 0 at w_g = |w_f| ≠ w_f when f has a negative
 *       weight, while f − g ≠ 0 on the neighbourhood, and it is positive at g = f: not valid.
 * </ul>
 */
public final class LossChecks implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("000-Def1", "000-Eq2", "000-Prop1", "000-A.1");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    long seed = ctx.seed() * 1000 + 4300;
    int count = ctx.full() ? 10 : 3;
    return List.of(definition1(), equation2(seed, count), proposition1(seed, count),
        unsignedLoss(seed, count));
  }

  private static Finding definition1() {
    String id = "000-Def1";
    String check = "Methods.instance(name) for Table 1's eight methods (noise binary or not, loss,"
        + " combination); E(f − g)² in rationals over Uni{0,1}² for the 16 Boolean f and 27 affine g";
    String[][] table = {
      {"c-lime", "continuous", "SQUARED_ERROR", "x0 + ξ"},
      {"smoothgrad", "continuous", "GRADIENT_MATCHING", "x0 + ξ"},
      {"vanilla-gradients", "continuous", "GRADIENT_MATCHING", "x0 + ξ"},
      {"integrated-gradients", "continuous", "GRADIENT_MATCHING", "x0 ⊙ ξ"},
      {"gradient-x-input", "continuous", "GRADIENT_MATCHING", "x0 ⊙ ξ"},
      {"lime", "binary", "SQUARED_ERROR", "x0 ⊙ ξ"},
      {"kernelshap", "binary", "SQUARED_ERROR", "x0 ⊙ ξ"},
      {"occlusion", "binary", "SQUARED_ERROR", "x0 ⊙ ξ"}};
    for (String[] row : table) {
      LfaInstance inst = Methods.instance(row[0], MethodSettings.defaults(), 3);
      String noise = inst.neighbourhood().isBinary() ? "binary" : "continuous";
      if (!noise.equals(row[1]) || !inst.loss().name().equals(row[2])
          || !inst.combination().describe().startsWith(row[3])) {
        return Finding.fails(id, check, row[0] + " is " + noise + ", " + inst.loss() + ", "
            + inst.combination().describe() + "; Table 1 says " + row[1] + ", " + row[2] + ", "
            + row[3]);
      }
    }
    int pairs = 0;
    int zero = 0;
    for (int f = 0; f < 16; f++) {
      for (int g = 0; g < 27; g++) {
        int b = g % 3 - 1;
        int w1 = g / 3 % 3 - 1;
        int w2 = g / 9 - 1;
        BigFraction loss = BigFraction.ZERO;
        boolean equal = true;
        for (int xi = 0; xi < 4; xi++) {
          int fv = f >> xi & 1;
          int gv = b + w1 * (xi & 1) + w2 * (xi >> 1);
          loss = loss.add(BigFraction.of((long) (fv - gv) * (fv - gv), 4));
          equal &= fv == gv;
        }
        pairs++;
        if ((loss.signum() == 0) != equal) {
          return Finding.fails(id, check, "f = " + f + ", g = " + b + " + " + w1 + "ξ1 + " + w2
              + "ξ2: E loss " + loss + " but f = g on the support is " + equal);
        }
        zero += equal ? 1 : 0;
      }
    }
    return Finding.holds(id, check, "Table 1's noise type, loss and combination match for all 8"
        + " methods; E(f − g)² = 0 ⇔ f = g on {0,1}² for all " + pairs + " (f, g) pairs (" + zero
        + " with zero loss: the affine Boolean functions)");
  }

  /** The gradients ∇f(x0 + ξ_k), ξ_k replayed from the SmoothGrad instance's counter stream. */
  private static double[][] gradients(ReluNetwork f, double[] x0, double sigma, long seed,
      int n) {
    int d = f.dimension();
    Neighbourhood z = Noises.gaussian(sigma);
    CounterStream stream = new CounterStream(seed);
    double[] xi = new double[d];
    double[][] g = new double[n][];
    for (int k = 0; k < n; k++) {
      z.sample(stream, k, xi);
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = x0[j] + xi[j];
      }
      g[k] = IdentityChecks.gradient(f, x);
    }
    return g;
  }

  private static double gradientMatchingLoss(double[][] grads, double[] w, boolean unsigned) {
    double s = 0;
    for (double[] g : grads) {
      for (int j = 0; j < w.length; j++) {
        double r = (unsigned ? Math.abs(g[j]) : g[j]) - w[j];
        s += r * r;
      }
    }
    return s / grads.length;
  }

  private static Finding equation2(long base, int count) {
    String id = "000-Eq2";
    int n = 300;
    double sigma = 0.5;
    double h = 1e-2;
    String check = "ℓgm(w) = (1/n)Σ‖∇f(x0+ξ_k) − w‖² on the SmoothGrad instance's own samples"
        + " (n = " + n + ", σ = 1/2, replayed), at its output w* and at w* ± h e_j, h = 1e-2; "
        + count + " ReLU networks, seeds " + base + "..";
    double worst = 0;
    for (int k = 0; k < count; k++) {
      SplittableRandom rnd = new SplittableRandom(base + k);
      int d = 2 + rnd.nextInt(4);
      ReluNetwork f = RandomInstances.relu(rnd, d, 2 + rnd.nextInt(4), 1 + rnd.nextInt(2), false);
      double[] x0 = LfaIdentities.point(rnd, d);
      double[] w = Methods.create("smoothgrad", MethodSettings.defaults().withSigma(sigma)
          .withSamples(n).withSeed(base + k), d).explain(f, x0, new CpuBackend(1)).values();
      double[][] g = gradients(f, x0, sigma, base + k, n);
      double l0 = gradientMatchingLoss(g, w, false);
      for (int j = 0; j < d; j++) {
        for (double sign : new double[] {1, -1}) {
          double[] v = w.clone();
          v[j] += sign * h;
          double rise = gradientMatchingLoss(g, v, false) - l0;
          double err = Math.abs(rise - h * h) / (h * h);
          worst = Math.max(worst, err);
          if (!(err <= 1e-6)) {
            return Finding.fails(id, check, String.format(Locale.ROOT, "seed %d, feature %d: "
                + "ℓgm(w* %s h e_j) − ℓgm(w*) = %.6g, a minimiser gives h² = %.6g", base + k, j + 1,
                sign > 0 ? "+" : "−", rise, h * h));
          }
        }
      }
    }
    return Finding.holds(id, check, String.format(Locale.ROOT, "every rise equals h² to relative"
        + " %.2g (allowance 1e-6 for rounding): the instance minimises Eq. 2's loss", worst));
  }

  private static ReluNetwork linear(double[] w, double b) {
    return new ReluNetwork(new double[][][] {{w}}, new double[][] {{b}},
        java.util.OptionalDouble.empty());
  }

  private static Finding proposition1(long base, int count) {
    String id = "000-Prop1";
    String check = "ℓgm of g_{w,b'} for b' ∈ {b, b+1, b−3} on n = 100 Gaussian samples, the"
        + " SmoothGrad fit, and f(x0+ξ) − g(x0+ξ) with b' = f(0); " + count
        + " linear networks, seeds " + base + "..";
    for (int k = 0; k < count; k++) {
      SplittableRandom rnd = new SplittableRandom(base + k);
      int d = 2 + rnd.nextInt(4);
      double[] w = LfaIdentities.point(rnd, d);
      double b = (rnd.nextInt(9) - 4) / 2.0;
      ReluNetwork f = linear(w, b);
      double[] x0 = LfaIdentities.point(rnd, d);
      double[][] g = gradients(f, x0, 0.5, base + k, 100);
      double loss = gradientMatchingLoss(g, w, false);
      if (loss != 0) {
        return Finding.fails(id, check, "ℓgm(f, g_w) = " + loss + " ≠ 0 at seed " + (base + k));
      }
      double[] fit = Methods.create("smoothgrad", MethodSettings.defaults().withSamples(100)
          .withSeed(base + k), d).explain(f, x0, new CpuBackend(1)).values();
      for (int j = 0; j < d; j++) {
        if (Math.abs(fit[j] - w[j]) > 1e-12 * (1 + Math.abs(w[j]))) {
          return Finding.fails(id, check, "the fit gives w_" + (j + 1) + " = " + fit[j] + ", f has "
              + w[j]);
        }
      }
      double f0 = f.score(new double[d]);
      if (f0 != b) {
        return Finding.fails(id, check, "f(0) = " + f0 + " ≠ b = " + b);
      }
    }
    return Finding.holds(id, check, "ℓgm = 0 exactly for g_{w,b'} at every b' (the loss cannot see"
        + " b: valid up to the additive constant, g(x) − f(x) = b' − b ≠ 0 for b' ≠ b), the fit"
        + " returns w to 1e-12, and b' = f(0) = b gives g = f");
  }

  private static Finding unsignedLoss(long base, int count) {
    String id = "000-A.1";
    String check = "ℓ(w_g) = (1/n)Σ‖|∇f(x0+ξ_k)| − w_g‖² (n = 100, σ = 1/2) at w_g = |w_f| and at"
        + " w_g = w_f, and f − g at x0, on linear f with a negative weight; " + count
        + " instances, seeds " + base + "..";
    String first = null;
    for (int k = 0; k < count; k++) {
      SplittableRandom rnd = new SplittableRandom(base + 77 + k);
      int d = 2 + rnd.nextInt(4);
      double[] w = LfaIdentities.point(rnd, d);
      int neg = rnd.nextInt(d);
      w[neg] = -1.5;
      ReluNetwork f = linear(w, 0);
      double[] x0 = LfaIdentities.point(rnd, d);
      double[][] g = gradients(f, x0, 0.5, base + k, 100);
      double[] absW = new double[d];
      for (int j = 0; j < d; j++) {
        absW[j] = Math.abs(w[j]);
      }
      double atAbs = gradientMatchingLoss(g, absW, true);
      double atF = gradientMatchingLoss(g, w, true);
      double gap = f.score(x0) - linear(absW, 0).score(x0);
      double[] x1 = x0.clone();
      x1[neg] += 1;
      double gap1 = f.score(x1) - linear(absW, 0).score(x1);
      if (atAbs != 0 || !(atF > 0) || (gap == 0 && gap1 == 0)) {
        return Finding.fails(id, check, "seed " + (base + 77 + k) + ": loss at |w_f| " + atAbs
            + ", at w_f " + atF + ", f − g " + gap + ", " + gap1);
      }
      if (first == null) {
        first = String.format(Locale.ROOT, "e.g. w_f = %s: loss 0 at w_g = |w_f| with f − g = %.4g"
            + " at x0, loss %.4g at g = f", java.util.Arrays.toString(w), gap, atF);
      }
    }
    return Finding.holds(id, check, "on every instance the unsigned loss is 0 at a g ≠ f and"
        + " positive at g = f, so it is not valid (Definition 1); " + first);
  }
}
