package xcert.solvers.io;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import xcert.solvers.model.HeadUse;

/**
 * How a network file becomes the one-output model xcert explains: which output (1-based), the
 * pre-head score or the probability after a Sigmoid/Softmax head, and the classifier threshold and
 * its rule. Every field that is set must apply to the file: a circuit refuses all of them, a network
 * without a head refuses {@link HeadUse#PROBABILITY}.
 *
 * @param output the output K; required when the network has more than one
 * @param headUse logit (exact, the default) or probability (float64)
 * @param threshold a threshold t that makes the model a classifier (replaces the file's)
 * @param strict the label rule: true for value &gt; t, false for value ≥ t (the default); empty keeps
 *     the file's rule
 */
public record ModelSelection(OptionalInt output, Optional<HeadUse> headUse,
    OptionalDouble threshold, Optional<Boolean> strict) {

  /** Nothing chosen: a one-output network's score, or the file's threshold. */
  public static final ModelSelection DEFAULT =
      new ModelSelection(OptionalInt.empty(), Optional.empty(), OptionalDouble.empty(),
          Optional.empty());

  /** True when nothing is chosen. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
