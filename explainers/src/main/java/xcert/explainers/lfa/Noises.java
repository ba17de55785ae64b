package xcert.explainers.lfa;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.backend.LfaPlan.Noise;

/**
 * The neighbourhoods of seed 000 Table 1 and seed 001 Sections 3–4: continuous noise (Gaussian,
 * Laplace, uniform box, a uniform scalar for Integrated Gradients) and binary masks (uniform and
 * Bernoulli, LIME's, the Shapley kernel's, one-hot vectors). Each draws sample i exactly as the
 * Javadoc of its {@link Noise} code defines it, from {@link CounterStream}'s uniforms and normals at
 * index i (feature f takes uniform or normal f), and reports that code as its device form.
 */
public final class Noises {

  private Noises() {}

  /** ξ ~ Normal(0, σ² I) (C-LIME, SmoothGrad, GLIME-Gauss); σ = 0 is the point mass at 0. */
  public static Neighbourhood gaussian(double sigma) {
    nonNegative("sigma", sigma);
    return new Neighbourhood() {
      @Override
      public void sample(CounterStream s, long index, double[] xi) {
        s.normals(index, 0, xi.length, xi);
        for (int f = 0; f < xi.length; f++) {
          xi[f] = sigma * xi[f];
        }
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.GAUSSIAN, sigma, 0));
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
    return continuous(uniform -> {
      double u = uniform - 0.5;
      return -sigma * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
    }, new NoiseForm(Noise.LAPLACE, sigma, 0), "Laplace(0, " + sigma + ") per feature");
  }

  /** ξ ~ Uniform([−σ, σ]^d) (GLIME-Uniform). */
  public static Neighbourhood uniformBox(double sigma) {
    positive("sigma", sigma);
    return continuous(u -> sigma * (2 * u - 1), new NoiseForm(Noise.UNIFORM_BOX, sigma, 0),
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
      public void sample(CounterStream s, long index, double[] xi) {
        double t = a == b ? a : a + (b - a) * s.uniform(index, 0);
        java.util.Arrays.fill(xi, t);
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.UNIFORM_SCALE, a, b));
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
      public void sample(CounterStream s, long index, double[] xi) {
        s.uniforms(index, 0, xi.length, xi);
        for (int f = 0; f < xi.length; f++) {
          xi[f] = xi[f] < p ? 1 : 0;
        }
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.BERNOULLI, p, 0));
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
      public void sample(CounterStream s, long index, double[] xi) {
        if (index == 0) {
          java.util.Arrays.fill(xi, 1);
          return;
        }
        s.uniforms(index, 0, xi.length, xi);
        for (int f = 0; f < xi.length; f++) {
          xi[f] = xi[f] < 0.5 ? 1 : 0;
        }
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.LIME_MASK, 0, 0));
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
   *
   * <p>Sample i: k = {@link ShapleyKernel#drawSize} of uniform(i, 0), then selection sampling
   * (Knuth, TAOCP Vol. 2, Section 3.4.2, Algorithm S): with {@code needed} = k, for f = 0..d−1,
   * ξ_f = 1 and {@code needed} −= 1 if uniform(i, 1 + f)·(d − f) &lt; {@code needed}, else ξ_f = 0.
   * Exactly k features are chosen, every k-subset equally likely.
   */
  public static Neighbourhood shapleyCoalitions() {
    return new Neighbourhood() {
      @Override
      public void sample(CounterStream s, long index, double[] xi) {
        int d = xi.length;
        int needed = ShapleyKernel.drawSize(s.uniform(index, 0), d);
        s.uniforms(index, 1, d, xi);
        for (int f = 0; f < d; f++) {
          if (xi[f] * (d - f) < needed) {
            xi[f] = 1;
            needed--;
          } else {
            xi[f] = 0;
          }
        }
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.SHAPLEY, 0, 0));
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
      public void sample(CounterStream s, long index, double[] xi) {
        java.util.Arrays.fill(xi, 0);
        xi[(int) (index % xi.length)] = 1;
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.ONE_HOT, 0, 0));
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
      public void sample(CounterStream s, long index, double[] xi) {
        java.util.Arrays.fill(xi, ((index % steps) + 0.5) / steps);
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(new NoiseForm(Noise.RIEMANN, steps, 0));
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

  /** Feature f of sample i is c(uniform(i, f)). */
  private static Neighbourhood continuous(DoubleUnaryOperator c, NoiseForm form, String text) {
    return new Neighbourhood() {
      @Override
      public void sample(CounterStream s, long index, double[] xi) {
        s.uniforms(index, 0, xi.length, xi);
        for (int f = 0; f < xi.length; f++) {
          xi[f] = c.applyAsDouble(xi[f]);
        }
      }

      @Override
      public Optional<NoiseForm> deviceForm() {
        return Optional.of(form);
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
