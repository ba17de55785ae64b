package xcert.explainers.realdata.digits;

import java.util.Arrays;
import xcert.solvers.model.ReluNetwork;

/**
 * One explained image: its row and label, the class whose logit is explained (the predicted one, as
 * seed 003 Section 5 explains "the pre-softmax score of the class with the highest activation"), and
 * g, that logit as a ReLU network of the 16 superpixel masks ({@link DigitsModel#masked}).
 *
 * @param row the image's row in digits.csv
 * @param label its true digit
 * @param cls the explained (predicted) class
 * @param g the masked logit on 16 inputs
 */
public record MaskedDigit(int row, int label, int cls, ReluNetwork g) {

  public static final int D = DigitsModel.SUPERPIXELS;
  public static final int MASKS = 1 << D;

  /** The all-ones mask: the image itself. */
  public static double[] ones() {
    double[] o = new double[D];
    Arrays.fill(o, 1);
    return o;
  }

  /** The all-zeros mask: the reference. */
  public static double[] zeros() {
    return new double[D];
  }

  /** The mask of a subset s (bit i = superpixel i kept) as a 0/1 vector. */
  public static double[] mask(int s) {
    double[] z = new double[D];
    for (int i = 0; i < D; i++) {
      z[i] = (s >>> i) & 1;
    }
    return z;
  }

  /** The image at {@code row}, explained for its predicted class against {@code reference}. */
  public static MaskedDigit of(DigitsData data, DigitsModel model, int row, int[] reference) {
    DigitsData.Digit x = data.get(row);
    int c = model.predict(x.pixels());
    return new MaskedDigit(row, x.label(), c, model.masked(x.pixels(), reference, c));
  }

  /** g on every mask s ∈ 0..2^16−1 (bit i = superpixel i kept), float64. */
  public double[] table() {
    double[] t = new double[MASKS];
    for (int s = 0; s < MASKS; s++) {
      t[s] = g.score(mask(s));
    }
    return t;
  }
}
