package xcert.solvers.query;

import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.HeadProbability;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.result.Provenance;

/**
 * The value f(x) of a model at one input, in one forward pass (no grid, no table of f_S): the
 * predictor f of seed 004 Section 2 and, where the model has a threshold, the label of the
 * classifier Φ of seed 003 Section 3. A network's score (logit) is exact, computed from its exact
 * rational layers; a probability after a Sigmoid or Softmax head is float64 only, and says so.
 *
 * <pre>{@code
 * Model f = ModelFiles.read(Path.of("examples/net.json"));
 * Evaluation.Value v = Evaluation.evaluate(f, new double[] {1, 0, 1});
 * v.value(); v.rational(); v.label(); v.provenance();
 * }</pre>
 */
public final class Evaluation {

  private Evaluation() {}

  /**
   * f(x) and its label.
   *
   * @param value f(x) as a double (the nearest double to {@code rational} where that is present):
   *     a network's score or probability, a circuit's 0/1 output
   * @param rational f(x) exactly; empty for a model with only float64 values
   * @param label the class, 1 or 0, where the model is a classifier (a network with a threshold:
   *     value ≥ t, or &gt; t with the strict rule; a circuit: its output)
   * @param provenance exact rational arithmetic, or float64 with the reason
   */
  public record Value(double value, Optional<BigFraction> rational, OptionalInt label,
      Provenance provenance) {

    /** True when {@link #rational} holds f(x) exactly. */
    public boolean isExact() {
      return provenance.isExact();
    }
  }

  /**
   * Evaluates {@code model} at {@code x} (entry i is feature i+1).
   *
   * @throws InputException (setting "x") when x has the wrong length or a circuit meets a value
   *     other than 0 or 1
   */
  public static Value evaluate(Model model, double[] x) {
    int d = model.dimension();
    if (x.length != d) {
      throw InputException.setting("x", x.length + " numbers given, expected d=" + d);
    }
    for (int i = 0; i < d; i++) {
      if (!Double.isFinite(x[i])) {
        throw InputException.setting("x", "x_" + (i + 1) + " = " + x[i] + " is not finite");
      }
      if (model.requiresBinaryInputs() && x[i] != 0.0 && x[i] != 1.0) {
        throw InputException.setting("x", "a circuit takes 0/1 inputs; x_" + (i + 1) + " = "
            + x[i]);
      }
    }
    if (model instanceof ReluNetwork net) {
      BigFraction score = net.exactScoreFraction(x);
      OptionalInt label = net.isClassifier() ? OptionalInt.of(net.labelOf(score))
          : OptionalInt.empty();
      return new Value(score.doubleValue(), Optional.of(score), label,
          Provenance.exact("one forward pass over the exact rational layers"));
    }
    if (model instanceof HeadProbability p) {
      double prob = p.probability(x);
      OptionalInt label = p.threshold().isPresent() ? OptionalInt.of((int) p.evaluate(x))
          : OptionalInt.empty();
      return new Value(prob, Optional.empty(), label, Provenance.float64(
          ExactQueries.float64Reason(model) + "; one forward pass in float64"));
    }
    if (!model.hasExactValues()) {
      double v = model.evaluate(x);
      return new Value(v, Optional.empty(), model.isBooleanValued()
          ? OptionalInt.of(v == 0 ? 0 : 1) : OptionalInt.empty(),
          Provenance.float64(ExactQueries.float64Reason(model) + "; one evaluation in float64"));
    }
    BigFraction v = model.exactValue(x);
    OptionalInt label = model.isBooleanValued() ? OptionalInt.of(v.signum() == 0 ? 0 : 1)
        : OptionalInt.empty();
    return new Value(v.doubleValue(), Optional.of(v), label,
        Provenance.exact("one evaluation of the model"));
  }
}
