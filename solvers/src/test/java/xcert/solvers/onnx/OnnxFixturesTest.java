package xcert.solvers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.io.ModelSelection;
import xcert.solvers.io.NetworkFile;
import xcert.solvers.io.OnnxFormat;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.HeadProbability;
import xcert.solvers.model.HeadUse;
import xcert.solvers.model.Model;
import xcert.solvers.model.OutputHead;
import xcert.solvers.model.ReluNetwork;
import xcert.solvers.num.Rationals;
import xcert.solvers.onnx.proto.OnnxProto.ModelProto;

/**
 * The ONNX fixtures written by real exporters (tools/onnx: torch.onnx.export, and scikit-learn
 * models written with onnx.helper) read by {@link OnnxNetworks} and checked against independent
 * evaluators: the reference CSVs that ONNX Runtime (Python) wrote next to each fixture, and ONNX
 * Runtime's Java API on 200 seeded inputs per fixture (skipped with one line where its native
 * library cannot load).
 *
 * <p><b>The bound.</b> f(x) is xcert's exact value ({@link Model#exactValue}) of the pre-head
 * score, the real function the file denotes. ONNX Runtime computes it in float32; by the argument
 * in {@link OnnxChain} (Higham Lemma 3.1 per node, ReLU 1-Lipschitz, induction over the chain)
 * |f_ORT(x) − f(x)| ≤ γ_K · m(x), γ_K = K u / (1 − K u), u = 2^-24, with K the number of float32
 * roundings along the chain (n + 1 per dot product of length n with a bias, 1 per elementwise
 * Add/Sub/Mul/Div) and m(x) the chain's magnitude pass (every node on absolute values). xcert's own
 * float64 evaluation obeys the same bound with u = 2^-53 and K + 2 (its folded layers have at most
 * K roundings, plus the rounding of a non-dyadic folded weight to its nearest double). After a head,
 * the probabilities are compared with p's Lipschitz constant (1/4 for the sigmoid, 1/2 for each
 * softmax output in the max-norm of the logits) times that bound, plus 2^-20 for ONNX Runtime's
 * float32 exp/logistic approximations (an allowance, not derived). For the dyadic fixture, whose
 * weights are k/8 and inputs m/4, every float32 operation is exact, and ONNX Runtime's value must
 * EQUAL xcert's exact value.
 */
class OnnxFixturesTest {

  private static final double U32 = 0x1p-24;
  private static final double U64 = 0x1p-53;
  private static final double HEAD_ALLOWANCE = 0x1p-20;
  private static final int RANDOM_INPUTS = 200;

  /** What each fixture is, as tools/onnx/*.py built it. */
  record Fixture(String name, int inputs, int outputs, int layers, OutputHead head,
      boolean dyadic) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Fixture> fixtures() {
    return Stream.of(
        new Fixture("torch-regressor-12-16-8-1", 12, 1, 3, OutputHead.NONE, true),
        new Fixture("torch-classifier-10-8-3-softmax", 10, 3, 2, OutputHead.SOFTMAX, true),
        new Fixture("torch-dyadic-6-5-2", 6, 2, 2, OutputHead.NONE, true),
        new Fixture("torch-standardized-8-4-1-sigmoid", 8, 1, 2, OutputHead.SIGMOID, false),
        new Fixture("sklearn-breast-cancer-mlp", 12, 1, 3, OutputHead.SIGMOID, false),
        new Fixture("sklearn-diabetes-mlp", 10, 1, 3, OutputHead.NONE, true));
  }

  static Stream<Arguments> fixtureArgs() {
    return fixtures().map(Arguments::of);
  }

  static byte[] bytes(String name) {
    try (InputStream in = OnnxFixturesTest.class.getResourceAsStream(
        "/xcert/solvers/onnx/" + name)) {
      if (in == null) {
        throw new AssertionError("missing test resource xcert/solvers/onnx/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Path path(String name) {
    try {
      return Path.of(OnnxFixturesTest.class.getResource("/xcert/solvers/onnx/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static ModelProto proto(String name) {
    try {
      return ModelProto.parseFrom(bytes(name));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The reference rows: x (d values), y (K graph outputs), z (K pre-head scores). */
  record Row(double[] x, double[] y, double[] z) {}

  static List<Row> reference(Fixture f) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = OnnxFixturesTest.class.getResourceAsStream(
        "/xcert/solvers/onnx/" + f.name() + ".reference.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          assertEquals(f.inputs() + 2 * f.outputs(), line.split(",").length, line);
          continue;
        }
        String[] p = line.split(",");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          v[i] = Double.parseDouble(p[i]);
        }
        int d = f.inputs();
        int k = f.outputs();
        rows.add(new Row(java.util.Arrays.copyOfRange(v, 0, d),
            java.util.Arrays.copyOfRange(v, d, d + k),
            java.util.Arrays.copyOfRange(v, d + k, d + 2 * k)));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertTrue(rows.size() >= 40, f.name() + ": " + rows.size() + " reference rows");
    return rows;
  }

  static FeedForwardNetwork network(Fixture f) {
    return OnnxNetworks.parse(f.name() + ".onnx", bytes(f.name() + ".onnx"));
  }

  @ParameterizedTest
  @MethodSource("fixtureArgs")
  void structureIsWhatTheExporterWrote(Fixture f) {
    FeedForwardNetwork net = network(f);
    assertEquals(f.inputs(), net.inputs());
    assertEquals(f.outputs(), net.outputs());
    assertEquals(f.layers(), net.layers().size());
    assertEquals(f.head(), net.head());
    assertEquals(f.dyadic(), net.layers().stream().allMatch(l -> l.isDyadic()),
        "dyadic layers: a Div by a non-power-of-two scale adds odd denominators");
    NetworkFile nf = OnnxFormat.read(path(f.name() + ".onnx"));
    assertTrue(nf.threshold().isEmpty());
    assertEquals(f.outputs(), nf.network().outputs());
  }

  /** Checks one input against ONNX Runtime's pre-head scores z and outputs y. */
  private static void check(Fixture f, FeedForwardNetwork net, OnnxChain chain, double[] x,
      double[] y, double[] z, String where) {
    OnnxChain.Bound b = chain.bound(x);
    double[] exact = new double[f.outputs()];
    double maxErr = 0;
    for (int k = 1; k <= f.outputs(); k++) {
      ReluNetwork logit = net.logit(k, OptionalDouble.empty(), false);
      BigFraction e = logit.exactValue(x);
      exact[k - 1] = e.doubleValue();
      double ort = z[k - 1];
      double err = Math.abs(BigFraction.from(ort).subtract(e).doubleValue());
      double bound32 = b.at(k - 1, U32);
      maxErr = Math.max(maxErr, bound32);
      assertTrue(err <= bound32, () -> f.name() + " " + where + ", output " + "k: |ORT - exact| = "
          + err + " > bound " + bound32);
      double mine = logit.evaluate(x);
      double err64 = Math.abs(BigFraction.from(mine).subtract(e).doubleValue());
      double ku = (b.roundings() + 2) * U64;
      double bound64 = ku / (1 - ku) * b.magnitude()[k - 1] * (1 + 1e-12);
      assertTrue(err64 <= bound64, () -> f.name() + " " + where + ": |xcert float64 - exact| = "
          + err64 + " > bound " + bound64);
      if (f.dyadic() && f.name().contains("dyadic")) {
        assertEquals(e, Rationals.fromDouble(ort), f.name() + " " + where
            + ": float32 arithmetic is exact here, ONNX Runtime must equal the exact value");
      }
    }
    if (f.head() != OutputHead.NONE) {
      double lip = f.head() == OutputHead.SIGMOID ? 0.25 : 0.5;
      for (int k = 1; k <= f.outputs(); k++) {
        Model p = ModelFiles.select(f.name(), new NetworkFile(net, OptionalDouble.empty(), false),
            new ModelSelection(java.util.OptionalInt.of(k), java.util.Optional.of(
                HeadUse.PROBABILITY), OptionalDouble.empty(), java.util.Optional.empty()));
        assertTrue(p instanceof HeadProbability);
        assertFalse(p.hasExactValues());
        double pk = p.evaluate(x);
        double tol = lip * maxErr + HEAD_ALLOWANCE;
        int kk = k;
        assertTrue(Math.abs(pk - y[k - 1]) <= tol, () -> f.name() + " " + where + ", output "
            + kk + ": probability " + pk + " vs ONNX Runtime " + y[kk - 1] + ", tolerance " + tol);
      }
    } else {
      assertEquals(java.util.Arrays.toString(z), java.util.Arrays.toString(y));
    }
  }

  @ParameterizedTest
  @MethodSource("fixtureArgs")
  void agreesWithOnnxRuntimePythonReference(Fixture f) {
    FeedForwardNetwork net = network(f);
    OnnxChain chain = new OnnxChain(proto(f.name() + ".onnx"));
    List<Row> rows = reference(f);
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      check(f, net, chain, row.x(), row.y(), row.z(), "reference row " + (r + 1));
    }
  }

  @ParameterizedTest
  @MethodSource("fixtureArgs")
  void agreesWithOnnxRuntimeJavaOnSeededInputs(Fixture f) {
    ModelProto model = proto(f.name() + ".onnx");
    FeedForwardNetwork net = network(f);
    OnnxChain chain = new OnnxChain(model);
    List<Row> rows = reference(f);
    Random rnd = new Random(16_000L + f.name().hashCode());
    try (OrtRunner full = OrtRunner.of(model);
        OrtRunner pre = OrtRunner.of(OnnxChain.stripHead(model))) {
      for (int r = 0; r < RANDOM_INPUTS + rows.size(); r++) {
        double[] x = new double[f.inputs()];
        if (r >= RANDOM_INPUTS) {
          x = rows.get(r - RANDOM_INPUTS).x();
        } else if (f.name().contains("dyadic")) {
          for (int i = 0; i < x.length; i++) {
            x[i] = (rnd.nextInt(33) - 16) / 4.0;
          }
        } else if (f.name().startsWith("sklearn")) {
          // around a real data row: each feature scaled by 1 + N(0, 0.2^2)
          double[] base = rows.get(rnd.nextInt(rows.size())).x();
          for (int i = 0; i < x.length; i++) {
            x[i] = (float) (base[i] * (1 + 0.2 * rnd.nextGaussian()));
          }
        } else {
          for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rnd.nextGaussian());
          }
        }
        check(f, net, chain, x, full.run(x), pre.run(x),
            r < RANDOM_INPUTS ? "random input " + (r + 1) : "reference row "
                + (r - RANDOM_INPUTS + 1));
      }
    }
  }

  @Test
  void referenceOfTheDyadicFixtureIsExact() {
    Fixture f = fixtures().filter(x -> x.name().contains("dyadic")).findFirst().orElseThrow();
    FeedForwardNetwork net = network(f);
    for (Row row : reference(f)) {
      for (int k = 1; k <= f.outputs(); k++) {
        assertEquals(Rationals.fromDouble(row.z()[k - 1]),
            net.logit(k, OptionalDouble.empty(), false).exactValue(row.x()));
      }
    }
  }

  @Test
  void exampleFileIsTheBreastCancerFixture() throws IOException {
    Path example = Path.of(System.getProperty("user.dir")).resolveSibling("examples")
        .resolve("onnx").resolve("breast-cancer-mlp.onnx");
    if (!example.toFile().exists()) {
      return; // the module built on its own, outside the repository
    }
    assertEquals(java.util.Arrays.toString(java.nio.file.Files.readAllBytes(example)),
        java.util.Arrays.toString(bytes("sklearn-breast-cancer-mlp.onnx")));
    Model m = ModelFiles.read(example);
    assertEquals(12, m.dimension());
  }
}
