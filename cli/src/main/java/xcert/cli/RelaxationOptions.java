package xcert.cli;

import picocli.CommandLine.Option;
import xcert.solvers.errors.InputException;

/**
 * The parameters of the continuous relaxations {@code rde}, {@code mask-suf}, {@code mask-nec} and
 * {@code mask-uni} of {@code xcert explain} (a picocli mixin). Anything left out takes the method's
 * default; {@link #validate()} refuses values out of range with one line.
 */
final class RelaxationOptions {

  @Option(names = "--dist", paramLabel = "SPEC",
      description = "reference distribution V of the relaxations: uniform, bernoulli:p1,...,pd, "
          + "product:FILE.json, csv:FILE (rows: their mean and covariance for RDE) (default uniform)")
  String distSpec;

  @Option(names = "--distortion", paramLabel = "diag|low-rank|full|samples",
      description = "rde: D(s) by ADF with a diagonal, low-rank or full covariance (ReLU networks), "
          + "or by samples of V (default diag; circuits need samples)")
  String distortion;

  @Option(names = "--rank", paramLabel = "R",
      description = "rde: rank r of the low-rank covariance factor (default 30, at most d)")
  Integer rank;

  @Option(names = "--iterations", paramLabel = "T",
      description = "optimisation steps (default: rde 300, masks 1000)")
  Integer iterations;

  @Option(names = "--alpha", paramLabel = "A",
      description = "masks: weight α of Δsuf in Δuni (mask-suf 1, mask-nec 0, mask-uni 1/2)")
  Double alpha;

  @Option(names = "--mask-samples", paramLabel = "K",
      description = "masks: Gumbel-softmax samples K per step (default 10)")
  Integer maskSamples;

  @Option(names = "--lambda-tv", paramLabel = "L",
      description = "masks: weight of the total variation of the mask on a grid (default 0)")
  Double lambdaTv;

  @Option(names = "--grid-width", paramLabel = "W",
      description = "masks: the features form a grid W wide (needed with --lambda-tv)")
  Integer gridWidth;

  @Option(names = "--learning-rate", paramLabel = "ETA",
      description = "masks: Adam's step size (default 0.1)")
  Double learningRate;

  @Option(names = "--temperature", paramLabel = "T",
      description = "masks: Gumbel-softmax temperature > 0")
  Double temperature;

  @Option(names = "--necessity", paramLabel = "definition|printed",
      description = "masks: the necessity term, Definition 2.2's |f_{S^c}(x) − f_∅(x)| (default) "
          + "or |f(x) − f_{S^c}(x)| as printed in seed 004 Eq. 59")
  String necessity;

  @Option(names = "--baseline", paramLabel = "paired|fixed",
      description = "masks: estimate f_∅(x) from each step's reference rows (paired, default) or "
          + "once (fixed)")
  String baseline;

  /** The first relaxation option the user gave, or null (for refusing them on other methods). */
  String firstGiven() {
    Object[] values = {distSpec, distortion, rank, iterations, alpha, maskSamples, lambdaTv,
        gridWidth, learningRate, temperature, necessity, baseline};
    String[] names = {"--dist", "--distortion", "--rank", "--iterations", "--alpha",
        "--mask-samples", "--lambda-tv", "--grid-width", "--learning-rate", "--temperature",
        "--necessity", "--baseline"};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        return names[i];
      }
    }
    return null;
  }

  /** Refuses values out of range with one line naming the option. */
  void validate() {
    positive("--rank", rank);
    positive("--iterations", iterations);
    positive("--mask-samples", maskSamples);
    positive("--grid-width", gridWidth);
    if (alpha != null && !(alpha >= 0 && alpha <= 1)) {
      throw InputException.of("--alpha", alpha + " is out of range; expected α in [0, 1]");
    }
    if (lambdaTv != null && !(lambdaTv >= 0 && Double.isFinite(lambdaTv))) {
      throw InputException.of("--lambda-tv", lambdaTv + " is out of range; expected a finite "
          + "value >= 0");
    }
    if (lambdaTv != null && lambdaTv > 0 && gridWidth == null) {
      throw InputException.of("--lambda-tv", "the total variation needs the grid: give "
          + "--grid-width W");
    }
    if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
      throw InputException.of("--learning-rate", learningRate + " is out of range; expected a "
          + "finite step > 0");
    }
    if (temperature != null && !(temperature > 0 && Double.isFinite(temperature))) {
      throw InputException.of("--temperature", temperature + " is out of range; expected a "
          + "finite temperature > 0");
    }
    if (necessity != null && !necessity.equals("definition") && !necessity.equals("printed")) {
      throw InputException.of("--necessity", "'" + necessity + "' is not a necessity term; "
          + "expected definition or printed");
    }
    if (baseline != null && !baseline.equals("paired") && !baseline.equals("fixed")) {
      throw InputException.of("--baseline", "'" + baseline + "' is not a baseline estimate; "
          + "expected paired or fixed");
    }
  }

  private static void positive(String option, Integer value) {
    if (value != null && value < 1) {
      throw InputException.of(option, value + " is out of range; expected an integer >= 1");
    }
  }
}
