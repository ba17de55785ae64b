package xcert.explainers.masks;

/**
 * The anisotropic total variation ‖S‖_TV of a mask laid out row-major on a grid of width w (seed 004
 * Eq. 13 and Eq. 58, where it promotes smooth masks): the sum of |S_{r,c+1} − S_{r,c}| over
 * horizontal neighbours and |S_{r+1,c} − S_{r,c}| over vertical neighbours. Its subgradient takes
 * sign(0) = 0 where two neighbours are equal.
 */
public final class TotalVariation {

  private final int width;
  private final int height;

  /**
   * @throws IllegalArgumentException unless width ≥ 1 divides d
   */
  public TotalVariation(int width, int d) {
    if (width < 1 || d % width != 0) {
      throw new IllegalArgumentException("gridWidth must be a positive divisor of d = " + d
          + ", is " + width);
    }
    this.width = width;
    this.height = d / width;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** ‖S‖_TV. */
  public double value(double[] s) {
    double tv = 0;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        int i = r * width + c;
        if (c + 1 < width) {
          tv += Math.abs(s[i + 1] - s[i]);
        }
        if (r + 1 < height) {
          tv += Math.abs(s[i + width] - s[i]);
        }
      }
    }
    return tv;
  }

  /** Adds coefficient·∂‖S‖_TV/∂S to out (sign(0) = 0). */
  public void addSubgradient(double[] s, double coefficient, double[] out) {
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        int i = r * width + c;
        if (c + 1 < width) {
          addPair(s, i, i + 1, coefficient, out);
        }
        if (r + 1 < height) {
          addPair(s, i, i + width, coefficient, out);
        }
      }
    }
  }

  private static void addPair(double[] s, int i, int j, double coefficient, double[] out) {
    double g = coefficient * Math.signum(s[j] - s[i]);
    out[j] += g;
    out[i] -= g;
  }
}
