package xcert.explainers.nofreelunch;

import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.api.Attribution;
import xcert.solvers.model.Model;

/**
 * Seed 000 Theorem 3 (no free lunch for explanation methods) made constructive on {0,1}^d, after the
 * proof of Appendix A.3 (Proposition 2): whatever neighbourhood Z1 an explanation g* was fitted on,
 * there is a neighbourhood Z2 on which its worst loss is at least d(f, G).
 *
 * <p>Convention: the explanation is read as an affine model on the full input,
 * g*(x) = b + wᵀx, with w the attribution's values and b its intercept (0 when it has none), the
 * reading under which ℓ(f, g*, x0, x_adv − x0) = ℓ(f, g*, 0, x_adv) as the proof uses it; the loss is
 * the squared error ℓ(x) = (f(x) − g*(x))², computed exactly (the float64 weights are exact binary
 * rationals).
 *
 * <p>Construction: x_adv = argmax_{x∈{0,1}^d} ℓ(x) (ties to the smallest bit mask), and Z2 the
 * discrete analogue of the proof's Uniform(x0, x_adv): the uniform distribution on the grid points of
 * the box between x0 and x_adv, i.e. the subcube that keeps the coordinates where x0 and x_adv agree
 * and frees the others. x_adv lies in it, so max_{Z2} ℓ = ℓ(x_adv) = max_x ℓ(f, g*, 0, x)
 * ≥ min_g max_x ℓ(f, g, 0, x) = d(f, G). {@link Result#maxLoss()} is recomputed over the subcube itself
 * rather than taken from that argument, and compared exactly with d(f, G).
 */
public final class AdversarialNeighbourhood {

  /**
   * The neighbourhood for one explanation.
   *
   * @param x0 the explained point, bit i for feature i+1
   * @param adversarial x_adv, same encoding
   * @param freeFeatures the features Z2 varies (where x0 and x_adv differ), as a bit mask
   * @param maxLoss max over Z2's support of (f − g*)², exact
   * @param meanLoss E_{Z2} (f − g*)², exact
   * @param distance d(f, G) and its certificate
   */
  public record Result(long x0, long adversarial, long freeFeatures, BigFraction maxLoss,
      BigFraction meanLoss, DistanceToClass.Result distance) {

    /** The support size of Z2, 2^{#free}. */
    public long supportSize() {
      return 1L << Long.bitCount(freeFeatures);
    }

    /**
     * True when max_{Z2} ℓ ≥ d(f, G) is proved exactly: maxLoss is compared with U², the squared
     * deviation of an explicit affine g, which is ≥ d(f, G) always and equals it when the distance is
     * certified.
     */
    public boolean provedAtLeastDistance() {
      return maxLoss.compareTo(distance.distance()) >= 0;
    }
  }

  private AdversarialNeighbourhood() {}

  /**
   * The adversarial neighbourhood for explanation a of f at the 0/1 point x0.
   *
   * @throws IllegalArgumentException when x0 is not a 0/1 point of the model's dimension, or the
   *     attribution's dimension differs
   */
  public static Result construct(Model f, double[] x0, Attribution a,
      DistanceToClass.Result distance) {
    int d = f.dimension();
    if (x0.length != d || a.dimension() != d || distance.w().size() != d) {
      throw new IllegalArgumentException("dimensions differ: model " + d + ", point " + x0.length
          + ", explanation " + a.dimension() + ", distance " + distance.w().size());
    }
    long x0mask = 0;
    for (int i = 0; i < d; i++) {
      if (x0[i] != 0 && x0[i] != 1) {
        throw new IllegalArgumentException("x0 must be a 0/1 point; feature " + (i + 1) + " is "
            + x0[i]);
      }
      x0mask |= (long) x0[i] << i;
    }
    BigFraction[] table = DistanceToClass.exactTable(f);
    BigFraction[] w = new BigFraction[d];
    double[] wd = a.values();
    for (int i = 0; i < d; i++) {
      w[i] = BigFraction.from(wd[i]);
    }
    BigFraction b = BigFraction.from(a.intercept().orElse(0));
    int adv = 0;
    BigFraction best = null;
    for (int m = 0; m < table.length; m++) {
      BigFraction l = loss(table, w, b, m);
      if (best == null || l.compareTo(best) > 0) {
        best = l;
        adv = m;
      }
    }
    long free = (x0mask ^ adv);
    BigFraction max = BigFraction.ZERO;
    BigFraction sum = BigFraction.ZERO;
    long count = 0;
    // enumerate the subsets of the free coordinates (Gosper-free: sub = (sub − 1) & free)
    long sub = free;
    while (true) {
      int y = (int) ((x0mask & ~free) | sub);
      BigFraction l = loss(table, w, b, y);
      max = l.compareTo(max) > 0 ? l : max;
      sum = sum.add(l);
      count++;
      if (sub == 0) {
        break;
      }
      sub = (sub - 1) & free;
    }
    return new Result(x0mask, adv, free, max, sum.divide(count), distance);
  }

  private static BigFraction loss(BigFraction[] table, BigFraction[] w, BigFraction b, int m) {
    BigFraction g = b;
    for (int i = 0; i < w.length; i++) {
      if ((m >> i & 1) != 0) {
        g = g.add(w[i]);
      }
    }
    BigFraction r = table[m].subtract(g);
    return r.multiply(r);
  }
}
