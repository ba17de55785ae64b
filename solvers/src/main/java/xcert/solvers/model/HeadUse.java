package xcert.solvers.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which quantity of a network with a Sigmoid or Softmax head is explained: the pre-head score of the
 * chosen output (exact; the default) or the probability after the head (float64 only, since the head
 * is transcendental).
 */
public enum HeadUse {
  LOGIT("logit"),
  PROBABILITY("probability");

  private final String id;

  HeadUse(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<HeadUse> fromId(String id) {
    return Arrays.stream(values()).filter(h -> h.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(HeadUse::id).toList();
  }
}
