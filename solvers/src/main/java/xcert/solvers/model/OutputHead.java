package xcert.solvers.model;

import java.util.Arrays;
import java.util.List;

/**
 * What follows the last affine layer of an imported network: nothing, an elementwise logistic
 * sigmoid, or a softmax over the outputs. xcert explains the pre-head scores (logits) exactly by
 * default; the probability after the head is transcendental and is evaluated in float64 only.
 */
public enum OutputHead {
  NONE("none"),
  SIGMOID("sigmoid"),
  SOFTMAX("softmax");

  private final String id;

  OutputHead(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(OutputHead::id).toList();
  }
}
