package xcert.explainers.glime.theory;

import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The distance of LIME's samples from the explained point (seed 001 Section 4.2, Figure 3). An
 * image x with D pixels is cut into d superpixels; a mask z ∈ {0,1}^d gives
 * z_x = x ⊙ z + r ⊙ (1 − z) (per pixel, through its superpixel), so
 * ‖z_x − x‖² = Σ_j (1 − z_j) e_j with e_j = Σ_{i ∈ s_j} (x_i − r_i)², and under Uni({0,1}^d)
 * E‖z_x − x‖² = ½‖x − r‖² exactly. For integer pixels every quantity here is an integer or a
 * rational, so the expectation over all 2^d masks is computed exactly and compared with the closed
 * form; E‖z_x − x‖/‖x‖ (a mean of square roots) is computed in double over all masks.
 */
public final class Locality {

  private Locality() {}

  /** e_j for superpixel j: {@code segment[i]} is the superpixel of pixel i. */
  public static long[] energies(int[] x, int[] r, int[] segment, int d) {
    long[] e = new long[d];
    for (int i = 0; i < x.length; i++) {
      long diff = x[i] - r[i];
      e[segment[i]] += diff * diff;
    }
    return e;
  }

  /** E‖z_x − x‖² over all 2^d masks, summed exactly. */
  public static BigFraction meanSquaredDistanceEnumerated(long[] e) {
    int d = e.length;
    long total = 0;
    for (int m = 0; m < 1 << d; m++) {
      for (int j = 0; j < d; j++) {
        if ((m >> j & 1) == 0) {
          total += e[j];
        }
      }
    }
    return BigFraction.of(total, 1L << d);
  }

  /** ½‖x − r‖². */
  public static BigFraction meanSquaredDistanceClosed(long[] e) {
    long s = 0;
    for (long v : e) {
      s += v;
    }
    return BigFraction.of(s, 2);
  }

  /** E‖z_x − x‖/‖x‖ over all 2^d masks (double). */
  public static double meanRelativeDistance(long[] e, double normX) {
    int d = e.length;
    double sum = 0;
    for (int m = 0; m < 1 << d; m++) {
      long s = 0;
      for (int j = 0; j < d; j++) {
        if ((m >> j & 1) == 0) {
          s += e[j];
        }
      }
      sum += Math.sqrt(s);
    }
    return sum / (1 << d) / normX;
  }

  /** The mean of ‖z_x − x‖/‖x‖ over n uniform masks drawn from the seed (LIME's sampler). */
  public static double sampledRelativeDistance(long[] e, double normX, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = e.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int m = r.nextInt(1 << d);
      long s = 0;
      for (int j = 0; j < d; j++) {
        if ((m >> j & 1) == 0) {
          s += e[j];
        }
      }
      sum += Math.sqrt(s);
    }
    return sum / n / normX;
  }

  /**
   * The 2×2-block superpixels of a side×side image: 4×4 blocks of 2×2 pixels for 8×8 (the
   * digits layout of issue 21), pixel i = row·side + column.
   */
  public static int[] blocks(int side, int block) {
    int per = side / block;
    int[] seg = new int[side * side];
    for (int row = 0; row < side; row++) {
      for (int col = 0; col < side; col++) {
        seg[row * side + col] = (row / block) * per + col / block;
      }
    }
    return seg;
  }

  /** LIME's default reference (hide_color None): each superpixel's mean, rounded down. */
  public static int[] meanReference(int[] x, int[] segment, int d) {
    long[] sum = new long[d];
    int[] cnt = new int[d];
    for (int i = 0; i < x.length; i++) {
      sum[segment[i]] += x[i];
      cnt[segment[i]]++;
    }
    int[] r = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = (int) (sum[segment[i]] / cnt[segment[i]]);
    }
    return r;
  }
}
