package xcert.explainers.realdata.digits;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.io.NetworkFile;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.ReluNetwork;

/**
 * The digits network ({@code digits-mlp.json}: 64 → 16 → 10 ReLU, inputs pixel/16, outputs the
 * logits of the classes 0..9) and its restriction to 16 superpixels.
 */
public final class DigitsModel {

  /** Superpixels: 4×4 blocks of 2×2 pixels. */
  public static final int SUPERPIXELS = 16;

  private final FeedForwardNetwork net;

  private DigitsModel(FeedForwardNetwork net) {
    if (net.inputs() != DigitsData.PIXELS || net.outputs() != 10) {
      throw new IllegalArgumentException("the digits network must have 64 inputs and 10 outputs, has "
          + net.inputs() + " and " + net.outputs());
    }
    this.net = net;
  }

  /** Reads the network file {@code dir/digits-mlp.json}. */
  public static DigitsModel load(Path dir) {
    NetworkFile nf = ReluJsonFormat.readNetwork(dir.resolve(DigitsData.NETWORK));
    return new DigitsModel(nf.network());
  }

  public FeedForwardNetwork network() {
    return net;
  }

  /** The superpixel (0..15) of pixel p = 8·row + column: 4·(row/2) + column/2. */
  public static int superpixel(int p) {
    return 4 * ((p / 8) / 2) + (p % 8) / 2;
  }

  /** The 10 logits at an image of raw pixels 0..16 (float64). */
  public double[] logits(int[] pixels) {
    double[] a = new double[pixels.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = pixels[i] / 16.0;
    }
    List<AffineLayer> layers = net.layers();
    for (int l = 0; l < layers.size(); l++) {
      AffineLayer L = layers.get(l);
      double[] b = new double[L.outputs()];
      for (int j = 0; j < b.length; j++) {
        double s = L.biasDouble(j);
        for (int i = 0; i < a.length; i++) {
          s += L.weightDouble(j, i) * a[i];
        }
        b[j] = l < layers.size() - 1 ? Math.max(0, s) : s;
      }
      a = b;
    }
    return a;
  }

  /** The class of the largest logit (the lowest class among equal ones, as numpy's argmax). */
  public int predict(int[] pixels) {
    double[] z = logits(pixels);
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * g(z) = logit_cls((r + (x − r) ⊙ up(z))/16) for z ∈ R^16, up(z) copying z_s to the four
   * pixels of superpixel s: the network composed
   * exactly (rationals, {@link AffineLayer#after}) with the affine map from superpixel masks to
   * images. g(1) is the logit at x, g(0) the logit at r; for 0/1 masks superpixel s is kept (z_s = 1)
   * or replaced by the reference (z_s = 0), and for real z the superpixel's deviation from r is scaled
   * by z_s.
   *
   * @param cls the class 0..9 whose logit is explained
   */
  public ReluNetwork masked(int[] x, int[] reference, int cls) {
    BigFraction[][] w = new BigFraction[DigitsData.PIXELS][SUPERPIXELS];
    BigFraction[] b = new BigFraction[DigitsData.PIXELS];
    for (int p = 0; p < DigitsData.PIXELS; p++) {
      for (int s = 0; s < SUPERPIXELS; s++) {
        w[p][s] = BigFraction.ZERO;
      }
      w[p][superpixel(p)] = BigFraction.of(x[p] - reference[p], 16);
      b[p] = BigFraction.of(reference[p], 16);
    }
    AffineLayer inner = AffineLayer.of(w, b);
    List<AffineLayer> layers = net.layers();
    AffineLayer first = layers.get(0).after(inner);
    AffineLayer last = layers.get(layers.size() - 1).row(cls);
    List<AffineLayer> out = new java.util.ArrayList<>();
    out.add(first);
    for (int l = 1; l < layers.size() - 1; l++) {
      out.add(layers.get(l));
    }
    out.add(last);
    return new ReluNetwork(out, OptionalDouble.empty(), false);
  }
}
