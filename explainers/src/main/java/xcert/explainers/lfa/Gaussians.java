package xcert.explainers.lfa;

import java.util.SplittableRandom;

/** Standard normal variates from a {@link SplittableRandom} (Marsaglia's polar method, one per call). */
final class Gaussians {

  private Gaussians() {}

  static double next(SplittableRandom rnd) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rnd.nextDouble() - 1;
      v = 2 * rnd.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
