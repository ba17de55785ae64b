package xcert.explainers.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.Rationals;

/**
 * Integrated Gradients of a ReLU network's score along x(t) = r + t(x0 − r), t ∈ [0, 1], exactly
 * (Sundararajan et al.; seed 000 A.2.7). Along the path every pre-activation is continuous and
 * piecewise linear in t: layer by layer, on each piece where the earlier layers keep their
 * activation pattern, a unit's pre-activation is affine, so it crosses 0 at most once, at
 * t* = a + (b − a)·z(a)/(z(a) − z(b)). Collecting those kinks over all hidden layers leaves
 * segments on which the gradient ∂f/∂x is constant; then IG_i = (x0_i − r_i) Σ_seg |seg|·∂_i f.
 * Weights and inputs are doubles, hence finite decimals, hence exact rationals; every step here is
 * rational arithmetic.
 */
final class PathKinks {

  /** IG_i, the kinks found in (0, 1), and the number of segments. */
  record Result(BigFraction[] ig, List<BigFraction> kinks, int segments) {}

  private final int layers;
  private final BigFraction[][][] w;
  private final BigFraction[][] b;
  private final BigFraction[] r;
  private final BigFraction[] delta;
  private final Map<BigFraction, BigFraction[][]> cache = new HashMap<>();

  private PathKinks(ReluNetwork f, double[] x0, double[] ref) {
    int d = f.dimension();
    layers = f.layerCount();
    w = new BigFraction[layers][][];
    b = new BigFraction[layers][];
    int in = d;
    for (int l = 0; l < layers; l++) {
      int out = f.width(l);
      w[l] = new BigFraction[out][in];
      b[l] = new BigFraction[out];
      for (int j = 0; j < out; j++) {
        b[l][j] = Rationals.fromDouble(f.bias(l, j));
        for (int i = 0; i < in; i++) {
          w[l][j][i] = Rationals.fromDouble(f.weight(l, j, i));
        }
      }
      in = out;
    }
    r = new BigFraction[d];
    delta = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      r[i] = Rationals.fromDouble(ref[i]);
      delta[i] = Rationals.fromDouble(x0[i]).subtract(r[i]);
    }
  }

  static Result integrate(ReluNetwork f, double[] x0, double[] ref) {
    return new PathKinks(f, x0, ref).run();
  }

  private Result run() {
    TreeSet<BigFraction> points = new TreeSet<>();
    points.add(BigFraction.ZERO);
    points.add(BigFraction.ONE);
    for (int l = 0; l < layers - 1; l++) {
      List<BigFraction> sorted = new ArrayList<>(points);
      for (int s = 0; s + 1 < sorted.size(); s++) {
        BigFraction a = sorted.get(s);
        BigFraction bb = sorted.get(s + 1);
        BigFraction[] za = preActivations(a)[l];
        BigFraction[] zb = preActivations(bb)[l];
        for (int j = 0; j < za.length; j++) {
          if (za[j].signum() * zb[j].signum() < 0) {
            BigFraction t = a.add(bb.subtract(a).multiply(za[j]).divide(za[j].subtract(zb[j])));
            points.add(t);
          }
        }
      }
    }
    int d = r.length;
    BigFraction[] integral = new BigFraction[d];
    java.util.Arrays.fill(integral, BigFraction.ZERO);
    List<BigFraction> sorted = new ArrayList<>(points);
    for (int s = 0; s + 1 < sorted.size(); s++) {
      BigFraction a = sorted.get(s);
      BigFraction bb = sorted.get(s + 1);
      BigFraction len = bb.subtract(a);
      BigFraction[] g = gradient(preActivations(a.add(bb).divide(2)));
      for (int i = 0; i < d; i++) {
        integral[i] = integral[i].add(len.multiply(g[i]));
      }
    }
    BigFraction[] ig = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      ig[i] = delta[i].multiply(integral[i]);
    }
    return new Result(ig, sorted.subList(1, sorted.size() - 1), sorted.size() - 1);
  }

  /** Pre-activations of every layer at x(t); the last entry is the score. */
  private BigFraction[][] preActivations(BigFraction t) {
    BigFraction[][] cached = cache.get(t);
    if (cached != null) {
      return cached;
    }
    BigFraction[] a = new BigFraction[r.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = r[i].add(t.multiply(delta[i]));
    }
    BigFraction[][] z = new BigFraction[layers][];
    for (int l = 0; l < layers; l++) {
      z[l] = new BigFraction[w[l].length];
      for (int j = 0; j < w[l].length; j++) {
        BigFraction s = b[l][j];
        for (int i = 0; i < a.length; i++) {
          if (w[l][j][i].signum() != 0 && a[i].signum() != 0) {
            s = s.add(w[l][j][i].multiply(a[i]));
          }
        }
        z[l][j] = s;
      }
      if (l < layers - 1) {
        a = new BigFraction[z[l].length];
        for (int j = 0; j < a.length; j++) {
          a[j] = z[l][j].signum() > 0 ? z[l][j] : BigFraction.ZERO;
        }
      }
    }
    cache.put(t, z);
    return z;
  }

  /** ∂score/∂x with the activation pattern of z (unit active iff its pre-activation is > 0). */
  private BigFraction[] gradient(BigFraction[][] z) {
    BigFraction[] g = w[layers - 1][0].clone();
    for (int l = layers - 2; l >= 0; l--) {
      int in = w[l][0].length;
      BigFraction[] next = new BigFraction[in];
      java.util.Arrays.fill(next, BigFraction.ZERO);
      for (int j = 0; j < w[l].length; j++) {
        if (z[l][j].signum() <= 0 || g[j].signum() == 0) {
          continue;
        }
        for (int i = 0; i < in; i++) {
          next[i] = next[i].add(g[j].multiply(w[l][j][i]));
        }
      }
      g = next;
    }
    return g;
  }
}
