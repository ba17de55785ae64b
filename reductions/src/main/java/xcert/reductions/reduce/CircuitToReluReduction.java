package xcert.reductions.reduce;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import xcert.reductions.relu.CircuitToRelu;
import xcert.reductions.relu.ReluCompilation;
import xcert.reductions.relu.ReluDot;
import xcert.reductions.relu.ReluEquivalence;
import xcert.solvers.errors.InputException;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.limits.CostEstimate;
import xcert.solvers.limits.SizePolicy;
import xcert.solvers.io.ReluJsonFormat;
import xcert.solvers.model.Circuit;
import xcert.solvers.result.Provenance;

/**
 * Compiles one output of a Boolean circuit into an integer ReLU network of bounded depth (seed 003,
 * Section 3 and footnote 1: the hardness results carry over from circuits to ReLU networks) and
 * checks that the two agree: on every point of {0,1}^d (exact), or on seeded uniform samples
 * (evidence; the proof is the construction's).
 */
public final class CircuitToReluReduction {

  /** Largest d that {@link CheckMode#AUTO} enumerates. */
  public static final int AUTO_EXHAUSTIVE_D = 20;

  /** Most samples of the sampled check: the size policy's bound on model evaluations. */
  public static final long MAX_SAMPLES = SizePolicy.MAX_EVALUATIONS;

  private CircuitToReluReduction() {}

  /**
   * @param output which output of the circuit, 1-based
   * @param check how to compare circuit and network
   * @param samples uniform samples of the sampled check, 1..10^9
   * @param seed seed of the samples
   * @param merge whether single-use AND/OR/XOR chains are merged (false: the plain level-by-level
   *     construction)
   */
  public record Settings(int output, CheckMode check, long samples, long seed, boolean merge) {
    public Settings {
      if (check == null) {
        throw InputException.setting("check", "no check; expected one of " + CheckMode.ids());
      }
      SizePolicy.checkCount("samples", samples, MAX_SAMPLES, "samples");
    }

    /** Output 1, auto check, 100000 samples, seed 1, chains merged. */
    public static Settings defaults() {
      return new Settings(1, CheckMode.AUTO, 100_000, 1, true);
    }

    public Settings withOutput(int v) {
      return new Settings(v, check, samples, seed, merge);
    }

    public Settings withCheck(CheckMode v) {
      return new Settings(output, v, samples, seed, merge);
    }

    public Settings withSamples(long v) {
      return new Settings(output, check, v, seed, merge);
    }

    public Settings withSeed(long v) {
      return new Settings(output, check, samples, v, merge);
    }

    public Settings withMerge(boolean v) {
      return new Settings(output, check, samples, seed, v);
    }
  }

  /**
   * The network and its comparison with the circuit.
   *
   * @param name the circuit's file name, used in the walkthrough and the output files
   * @param output the output compiled, 1-based
   * @param compilation the network and the construction's statistics
   * @param exhaustive the exhaustive comparison, or null when sampled
   * @param sampled the sampled comparison, or null when exhaustive
   * @param check the statement checked and its provenance (exact, or sampled with n and seed)
   * @param compileSeconds time of the compilation
   * @param checkSeconds time of the comparison
   * @param walkthrough the construction layer by layer, in Markdown
   */
  public record Result(String name, int output, ReluCompilation compilation,
      ReluEquivalence.Exhaustive exhaustive, ReluEquivalence.Sampled sampled, Check check,
      double compileSeconds, double checkSeconds, String walkthrough) {

    public boolean agrees() {
      return check.holds();
    }

    /** The check actually run: exhaustive or sampled. */
    public CheckMode mode() {
      return exhaustive != null ? CheckMode.EXHAUSTIVE : CheckMode.SAMPLED;
    }

    /** One line: "exact: every point of {0,1}^d ..." or "sampled: n uniform points, seed s; ...". */
    public String provenanceText() {
      return (check.provenance().isExact() ? "exact: " : "sampled: ") + check.provenance().method();
    }

    /** The network as JSON, its drawing and the walkthrough, in this order. */
    public List<ReductionFiles.File> files() {
      String stem = ReductionFiles.stem(name);
      return List.of(
          new ReductionFiles.File("network", stem + "-relu.json",
              () -> ReluJsonFormat.toString(compilation.network())),
          new ReductionFiles.File("dot", stem + "-relu.dot", () -> {
            StringWriter w = new StringWriter();
            try {
              ReluDot.write(compilation, w);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return w.toString();
          }),
          new ReductionFiles.File("walkthrough", stem + "-relu-walkthrough.md",
              () -> walkthrough));
    }

    /** Writes {@link #files()} into {@code dir}. */
    public ReductionFiles.Written write(Path dir) throws IOException {
      return ReductionFiles.write(dir, files());
    }
  }

  /** Reads a circuit file (.aag, .expr, .cnf), compiles and checks it. */
  public static Result compile(Path modelFile, Settings settings) {
    Circuit c = ReductionFiles.readCircuit(modelFile, "expected a Boolean circuit (.aag, .expr, "
        + ".cnf); this file is already a ReLU network");
    return compile(c, modelFile.getFileName().toString(), settings);
  }

  /**
   * Compiles output {@code settings.output()} of c and checks the network against it.
   *
   * @param name a name for the walkthrough and the output files
   * @throws TooLargeException when an exhaustive check would enumerate more than 2^{@value
   *     ReluEquivalence#MAX_EXHAUSTIVE_D} points
   */
  public static Result compile(Circuit c, String name, Settings settings) {
    int output = settings.output();
    if (output < 1 || output > c.outputCount()) {
      throw InputException.setting("output", output + " is out of range; the circuit has "
          + c.outputCount() + " output(s)");
    }
    int d = c.dimension();
    boolean exhaustive = settings.check() == CheckMode.EXHAUSTIVE
        || (settings.check() == CheckMode.AUTO && d <= AUTO_EXHAUSTIVE_D);
    if (exhaustive && d > ReluEquivalence.MAX_EXHAUSTIVE_D) {
      throw new TooLargeException("d = " + d + " inputs: 2^" + d + " points; the exhaustive check "
          + "enumerates up to d = " + ReluEquivalence.MAX_EXHAUSTIVE_D
          + " (use the sampled check)");
    }
    long t0 = System.nanoTime();
    ReluCompilation compiled = CircuitToRelu.compile(c, output - 1, settings.merge());
    double compileSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    String claim = "circuit and compiled ReLU network compute the same Boolean function";
    ReluEquivalence.Exhaustive e = null;
    ReluEquivalence.Sampled s = null;
    Check check;
    if (exhaustive) {
      e = ReluEquivalence.exhaustive(c, output - 1, compiled.network());
      check = new Check(claim, e.agrees(), Provenance.exact("every point of {0,1}^" + d
          + (e.integerArithmetic() ? ", integer arithmetic" : "")));
    } else {
      // both models on every sample: refused before sampling when it cannot finish
      new CostEstimate("the sampled check of n = " + settings.samples() + " points on d = " + d
          + " inputs", settings.samples() * (100.0 + SizePolicy.evaluationCost(c)
          + SizePolicy.evaluationCost(compiled.network())), 16.0 * d, d, "a sample").require();
      s = ReluEquivalence.sampled(c, output - 1, compiled.network(), settings.samples(),
          settings.seed());
      check = new Check(claim, s.agrees(), new Provenance(Provenance.Kind.SAMPLED, s.n()
          + " uniform points, seed " + s.seed() + "; evidence, the construction is the proof",
          s.n(), s.seed(), "none: evidence, the construction is the proof"));
    }
    double checkSeconds = (System.nanoTime() - t0) / 1e9;
    String walkthrough = "# " + name + " as a ReLU network\n\n```\n" + compiled.explain() + "```\n";
    return new Result(name, output, compiled, e, s, check, compileSeconds, checkSeconds,
        walkthrough);
  }
}
