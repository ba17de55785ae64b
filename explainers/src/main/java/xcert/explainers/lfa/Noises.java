package xcert.explainers.lfa;

import java.util.SplittableRandom;

/**
 * The neighbourhoods of seed 000 Table 1 and seed 001 Sections 3–4: continuous noise (Gaussian,
 * Laplace, uniform box, a uniform scalar for Integrated Gradients) and binary masks (uniform and
 * Bernoulli, LIME's, the Shapley kernel's, one-hot vectors).
 */
public final class Noises {

  private Noises() {}

  /** ξ ~ Normal(0, σ² I) (C-LIME, SmoothGrad, GLIME-Gauss); σ = 0 is the point mass at 0. */
  public static Neighbourhood gaussian(double sigma) {
    nonNegative("sigma", sigma);
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        for (int i = 0; i < xi.length; i++) {
          xi[i] = sigma == 0 ? 0 : sigma * Gaussians.next(rnd);
        }
      }

      @Override
      public boolean isBinary() {
        return false;
      }

      @Override
      public boolean isDeterministic(int d, long n) {
        return sigma == 0;
      }

      @Override
      public String describe() {
        return sigma == 0 ? "point mass at 0 (σ → 0)" : "Normal(0, " + sigma + "^2 I)";
      }
    };
  }

  /** ξ_i ~ Laplace(0, σ) independently (GLIME-Laplace; σ is the scale b, variance 2σ²). */
  public static Neighbourhood laplace(double sigma) {
    positive("sigma", sigma);
    return continuous(rnd -> {
      double u = rnd.nextDouble() - 0.5;
      return -sigma * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
    }, "Laplace(0, " + sigma + ") per feature");
  }

  /** ξ ~ Uniform([−σ, σ]^d) (GLIME-Uniform). */
  public static Neighbourhood uniformBox(double sigma) {
    positive("sigma", sigma);
    return continuous(rnd -> sigma * (2 * rnd.nextDouble() - 1),
        "Uniform([-" + sigma + ", " + sigma + "]^d)");
  }

  /**
   * ξ = t·1 with t ~ Uniform(a, b), one scalar for all features (Integrated Gradients with a = 0,
   * b = 1; Gradient × Input in the limit a = b = 1).
   */
  public static Neighbourhood uniformScale(double a, double b) {
    if (!(a <= b) || !Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("need a ≤ b, got a = " + a + ", b = " + b);
    }
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        double t = a == b ? a : a + (b - a) * rnd.nextDouble();
        java.util.Arrays.fill(xi, t);
      }

      @Override
      public boolean isBinary() {
        return false;
      }

      @Override
      public boolean isDeterministic(int d, long n) {
        return a == b;
      }

      @Override
      public String describe() {
        return a == b ? "ξ = " + a + "·1 (point mass)" : "ξ = t·1, t ~ Uniform(" + a + ", " + b + ")";
      }
    };
  }

  /**
   * ξ_i ~ Bernoulli(p) independently. p = 1/2 is LIME's Uni({0,1}^d); p = 1/(1 + e^{−1/σ²}) is
   * GLIME-Binomial (seed 001 Section 3.3).
   */
  public static Neighbourhood bernoulli(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        for (int i = 0; i < xi.length; i++) {
          xi[i] = rnd.nextDouble() < p ? 1 : 0;
        }
      }

      @Override
      public boolean isBinary() {
        return true;
      }

      @Override
      public String describe() {
        return "Bernoulli(" + p + ") per feature";
      }
    };
  }

  /** GLIME-Binomial's P(z_i = 1) = 1/(1 + e^{−1/σ²}) for kernel width σ (seed 001 Section 3.3). */
  public static double binomialProbability(double sigma) {
    positive("sigma", sigma);
    return 1 / (1 + Math.exp(-1 / (sigma * sigma)));
  }

  /**
   * LIME's samples as lime_image draws them: the first is the instance itself (all ones), the rest
   * uniform on {0,1}^d.
   */
  public static Neighbourhood limeMask() {
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        for (int i = 0; i < xi.length; i++) {
          xi[i] = index == 0 ? 1 : (rnd.nextBoolean() ? 1 : 0);
        }
      }

      @Override
      public boolean isBinary() {
        return true;
      }

      @Override
      public String describe() {
        return "Uni({0,1}^d), first sample all ones (lime_image)";
      }
    };
  }

  /**
   * KernelSHAP's coalitions: a size k ∈ {1..d−1} drawn with probability proportional to the Shapley
   * kernel's total mass at that size, (d−1)/(k(d−k)), then a uniform subset of that size. Sampling
   * proportionally to the kernel makes the regression weights uniform (seed 001 Eq. 3). The empty and
   * full coalitions have infinite weight and enter as constraints instead.
   */
  public static Neighbourhood shapleyCoalitions() {
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        int d = xi.length;
        int k = ShapleyKernel.drawSize(rnd, d);
        java.util.Arrays.fill(xi, 0);
        // Floyd's algorithm for a uniform k-subset.
        for (int j = d - k; j < d; j++) {
          int t = rnd.nextInt(j + 1);
          if (xi[t] == 1) {
            xi[j] = 1;
          } else {
            xi[t] = 1;
          }
        }
      }

      @Override
      public boolean isBinary() {
        return true;
      }

      @Override
      public String describe() {
        return "Shapley-kernel coalitions (size k w.p. ∝ (d-1)/(k(d-k)), then uniform)";
      }
    };
  }

  /**
   * Random one-hot vectors (Occlusion, seed 000 A.2.3), drawn in turn: sample i is e_{(i mod d)+1}.
   * Any n ≥ d covers every feature equally often when d divides n, so the result does not depend on
   * the seed; it is deterministic for n ≥ d.
   */
  public static Neighbourhood oneHot() {
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        java.util.Arrays.fill(xi, 0);
        xi[(int) (index % xi.length)] = 1;
      }

      @Override
      public boolean isBinary() {
        return true;
      }

      @Override
      public boolean isDeterministic(int d, long n) {
        return n >= d;
      }

      @Override
      public String describe() {
        return "one-hot vectors e_1..e_d in turn";
      }
    };
  }

  /**
   * ξ = t_k·1 at the midpoints t_k = (k + 1/2)/m of m equal steps of [0, 1], sample i taking k = i mod
   * m: the midpoint Riemann sum of Integrated Gradients (Sundararajan et al.), deterministic for
   * n ≥ m.
   */
  public static Neighbourhood riemannMidpoints(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        java.util.Arrays.fill(xi, ((index % steps) + 0.5) / steps);
      }

      @Override
      public boolean isBinary() {
        return false;
      }

      @Override
      public boolean isDeterministic(int d, long n) {
        return n >= steps;
      }

      @Override
      public String describe() {
        return "ξ = t·1 at the " + steps + " midpoints t = (k + 1/2)/" + steps + " of [0, 1]";
      }
    };
  }

  private interface Coordinate {
    double next(SplittableRandom rnd);
  }

  private static Neighbourhood continuous(Coordinate c, String text) {
    return new Neighbourhood() {
      @Override
      public void sample(SplittableRandom rnd, long index, double[] xi) {
        for (int i = 0; i < xi.length; i++) {
          xi[i] = c.next(rnd);
        }
      }

      @Override
      public boolean isBinary() {
        return false;
      }

      @Override
      public String describe() {
        return text;
      }
    };
  }

  static void positive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
  }

  static void nonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be non-negative and finite, got " + v);
    }
  }
}
