package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import xcert.solvers.io.JsonInput.Loc;
import xcert.solvers.model.AffineLayer;
import xcert.solvers.model.FeedForwardNetwork;
import xcert.solvers.model.OutputHead;
import xcert.solvers.model.ReluNetwork;

/**
 * Reads and writes small ReLU networks Φ(x) = W_L ρ(… ρ(W_1 x + b_1) …) + b_L as JSON, the
 * networks of seed 003 Section 4.1. The format:
 *
 * <pre>
 * {"type": "relu-network", "inputs": 3,
 *  "layers": [{"weights": [[1.0, -2.0, 0.5], [0.0, 1.0, 1.0]], "bias": [0.0, -1.0]},
 *             {"weights": [[1.0, 1.0]], "bias": [0.5]}],
 *  "threshold": 0.0}
 * </pre>
 *
 * A network with several outputs and a head (the last layer has one row per output):
 *
 * <pre>
 * {"type": "relu-network", "inputs": 2,
 *  "layers": [{"weights": [[1.0, -1.0], [0.5, 0.5]], "bias": [0.0, 0.25]},
 *             {"weights": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], "bias": [0.0, 0.0, -1.0]}],
 *  "head": "softmax", "threshold": 0.5, "threshold_rule": "&gt;"}
 * </pre>
 *
 * <ul>
 *   <li>{@code inputs} (required): d ≥ 1, the number of features;
 *   <li>{@code layers} (required): at least one layer; a layer's {@code weights} are its rows, one
 *       per output unit (out × in), each row as long as the previous layer's output (d for the
 *       first), and {@code bias} has one entry per row. ReLU follows every layer but the last, which is
 *       linear: its rows are the outputs (scores, logits), one row for a single score. With several
 *       outputs a {@link ModelSelection} chooses one ({@code --output K}, 1-based);
 *   <li>{@code head} (optional): what follows the last layer, {@code "none"} (the default),
 *       {@code "sigmoid"} (elementwise logistic) or {@code "softmax"} (over the outputs). xcert
 *       explains the pre-head scores exactly by default; the probability after the head is float64
 *       only ({@link xcert.solvers.model.HeadUse#PROBABILITY});
 *   <li>{@code threshold} (optional): makes the chosen output a classifier whose label is 1 iff
 *       value ≥ threshold (or &gt; threshold, see the next key);
 *   <li>{@code threshold_rule} (optional, needs {@code threshold}): {@code ">="} (the default:
 *       label 1 iff value ≥ threshold) or {@code ">"} (label 1 iff value &gt; threshold, the rule of
 *       scikit-learn's {@code predict}: p &gt; 0.5, i.e. logit &gt; 0);
 *   <li>{@code type} (required): the string {@code "relu-network"}.
 * </ul>
 *
 * Keys may come in any order; any other key is an error, as is a duplicate key, a non-finite number,
 * a nonzero number that underflows a double to 0, or a shape mismatch. A layer may have at most
 * {@link Limits#MAX_LAYER_WIDTH} rows and the layers together at most {@link Limits#MAX_WEIGHTS}
 * weights; both are checked as the rows are read, before they are held. Every error gives the line and column of the offending token (from Jackson's
 * streaming parser locations).
 */
public final class ReluJsonFormat {

  /** The value of the required {@code type} key. */
  public static final String TYPE = "relu-network";

  private static final List<String> TOP_KEYS = List.of("type", "inputs", "layers", "head",
      "threshold", "threshold_rule");

  /** The values of {@code threshold_rule}: non-strict (the default) and strict. */
  private static final List<String> RULES = List.of(">=", ">");
  private static final List<String> LAYER_KEYS = List.of("weights", "bias");

  private ReluJsonFormat() {}

  /** Reads a one-output network from a JSON file. */
  public static ReluNetwork read(Path file) {
    return Sources.read(file, ReluJsonFormat::read);
  }

  /** Reads a network with any number of outputs from a JSON file. */
  public static NetworkFile readNetwork(Path file) {
    return Sources.read(file, ReluJsonFormat::readNetwork);
  }

  /**
   * Reads a network with any number of outputs from JSON text.
   *
   * @throws InputException as {@link #read(String, Reader)}
   */
  public static NetworkFile readNetwork(String source, Reader in) {
    try (JsonInput json = new JsonInput(source, in)) {
      return parse(json, false);
    }
  }

  /**
   * Reads a network from JSON text.
   *
   * @throws InputException for malformed JSON, wrong types, missing or unknown keys, shape
   *     mismatches and non-finite numbers, with line and column
   */
  public static ReluNetwork read(String source, Reader in) {
    try (JsonInput json = new JsonInput(source, in)) {
      NetworkFile nf = parse(json, true);
      return nf.network().logit(1, nf.threshold(), nf.strict());
    }
  }

  private static final class Layer {
    Loc at;
    Loc weightsAt;
    Loc biasAt;
    final List<double[]> rows = new ArrayList<>();
    final List<Loc> rowAt = new ArrayList<>();
    double[] bias;
  }

  private static NetworkFile parse(JsonInput json, boolean oneOutput) {
    JsonToken first = json.next();
    if (first == null) {
      throw json.error(new Loc(0, 0), "empty file; expected a JSON object"
          + " {\"type\": \"relu-network\", \"inputs\": d, \"layers\": [...]}");
    }
    if (first != JsonToken.START_OBJECT) {
      throw json.error("expected a JSON object {\"type\": \"relu-network\", \"inputs\": d,"
          + " \"layers\": [...]}, found " + JsonInput.describe(first));
    }
    Loc objAt = json.loc();
    Set<String> seen = new HashSet<>();
    long inputs = -1;
    List<Layer> layers = null;
    Loc layersAt = null;
    OptionalDouble threshold = OptionalDouble.empty();
    OutputHead head = OutputHead.NONE;
    boolean strict = false;
    Loc ruleAt = null;
    while (json.next() == JsonToken.FIELD_NAME) {
      String key = json.text();
      if (!TOP_KEYS.contains(key)) {
        throw json.unknownKey(key, "", TOP_KEYS);
      }
      if (!seen.add(key)) {
        throw json.error("key " + Excerpt.quoteJson(key) + " appears twice; expected each key once");
      }
      JsonToken t = json.next();
      switch (key) {
        case "type" -> {
          if (t != JsonToken.VALUE_STRING || !json.text().equals(TYPE)) {
            throw json.error("\"type\" must be \"" + TYPE + "\", found "
                + (t == JsonToken.VALUE_STRING ? Excerpt.quoteJson(json.text()) : JsonInput.describe(t)));
          }
        }
        case "inputs" -> {
          inputs = json.integer("\"inputs\"", Limits.MAX_INPUTS);
          if (inputs < 1) {
            throw json.error("\"inputs\" is 0; expected the number of features d >= 1");
          }
        }
        case "threshold" -> threshold = OptionalDouble.of(json.number("\"threshold\""));
        case "head" -> head = head(json, t);
        case "threshold_rule" -> {
          String found = t == JsonToken.VALUE_STRING ? json.text() : null;
          if (found == null || !RULES.contains(found)) {
            throw json.error("\"threshold_rule\" must be \">=\" (label 1 iff value >= threshold,"
                + " the default) or \">\" (value > threshold), found "
                + (found != null ? Excerpt.quoteJson(found) : JsonInput.describe(t)));
          }
          strict = found.equals(">");
          ruleAt = json.loc();
        }
        default -> {
          layersAt = json.loc();
          layers = layers(json, t);
        }
      }
    }
    if (json.current() != JsonToken.END_OBJECT) {
      throw json.error("expected a key or '}', found " + JsonInput.describe(json.current()));
    }
    json.expectEnd("network object");
    if (inputs < 0) {
      throw json.error(objAt, "missing key \"inputs\"; a network needs \"inputs\" (d) and"
          + " \"layers\"");
    }
    if (layers == null) {
      throw json.error(objAt, "missing key \"layers\"; a network needs \"inputs\" (d) and"
          + " \"layers\"");
    }
    if (ruleAt != null && threshold.isEmpty()) {
      throw json.error(ruleAt, "\"threshold_rule\" needs a \"threshold\"; add one, or drop the"
          + " rule");
    }
    NetworkFile nf = build(json, (int) inputs, layers, layersAt, threshold, strict, head,
        oneOutput);
    if (!seen.contains("type")) {
      throw json.error(objAt, "missing key \"type\"; expected \"type\": \"" + TYPE + "\" in the"
          + " network object");
    }
    return nf;
  }

  private static OutputHead head(JsonInput json, JsonToken t) {
    if (t == JsonToken.VALUE_STRING) {
      for (OutputHead h : OutputHead.values()) {
        if (h.id().equals(json.text())) {
          return h;
        }
      }
    }
    throw json.error("\"head\" must be one of \"" + String.join("\", \"", OutputHead.ids())
        + "\", found " + (t == JsonToken.VALUE_STRING ? Excerpt.quoteJson(json.text())
        : JsonInput.describe(t)));
  }

  /** The number of weights read so far, over all layers. */
  private static final class Budget {
    long weights;
  }

  private static List<Layer> layers(JsonInput json, JsonToken t) {
    Budget budget = new Budget();
    if (t != JsonToken.START_ARRAY) {
      throw json.error("\"layers\" must be an array of layers, found " + JsonInput.describe(t));
    }
    List<Layer> out = new ArrayList<>();
    JsonToken e;
    while ((e = json.next()) != JsonToken.END_ARRAY) {
      int number = out.size() + 1;
      if (e != JsonToken.START_OBJECT) {
        throw json.error("layer " + number + " must be an object {\"weights\": [[...]],"
            + " \"bias\": [...]}, found " + JsonInput.describe(e));
      }
      Layer layer = new Layer();
      layer.at = json.loc();
      Set<String> seen = new HashSet<>();
      while (json.next() == JsonToken.FIELD_NAME) {
        String key = json.text();
        if (!LAYER_KEYS.contains(key)) {
          throw json.unknownKey(key, " in layer " + number, LAYER_KEYS);
        }
        if (!seen.add(key)) {
          throw json.error("key " + Excerpt.quoteJson(key) + " appears twice in layer " + number
              + "; expected each key once");
        }
        JsonToken v = json.next();
        if (key.equals("weights")) {
          layer.weightsAt = json.loc();
          if (v != JsonToken.START_ARRAY) {
            throw json.error("layer " + number + ": \"weights\" must be an array of rows, found "
                + JsonInput.describe(v));
          }
          JsonToken r;
          while ((r = json.next()) != JsonToken.END_ARRAY) {
            int row = layer.rows.size() + 1;
            if (row > Limits.MAX_LAYER_WIDTH) {
              throw Limits.tooLarge(json.source, json.loc().line(), json.loc().column(), "layer "
                  + number + " has more than " + Limits.MAX_LAYER_WIDTH + " rows (units), the"
                  + " widest layer xcert reads");
            }
            Loc rowAt = json.loc();
            double[] weights = numbers(json, r, "layer " + number + ", row " + row, "weight");
            budget.weights += weights.length;
            if (budget.weights > Limits.MAX_WEIGHTS) {
              throw Limits.tooLarge(json.source, rowAt.line(), rowAt.column(), "the layers have"
                  + " more than " + Limits.MAX_WEIGHTS + " weights by layer " + number + ", row "
                  + row + ", the most xcert reads");
            }
            layer.rowAt.add(rowAt);
            layer.rows.add(weights);
          }
        } else {
          layer.biasAt = json.loc();
          layer.bias = numbers(json, v, "layer " + number + ": \"bias\"", "bias");
        }
      }
      if (json.current() != JsonToken.END_OBJECT) {
        throw json.error("expected a key or '}' in layer " + number + ", found "
            + JsonInput.describe(json.current()));
      }
      if (layer.weightsAt == null) {
        throw json.error(layer.at, "layer " + number + " is missing key \"weights\"; a layer needs"
            + " \"weights\" and \"bias\"");
      }
      if (layer.bias == null) {
        throw json.error(layer.at, "layer " + number + " is missing key \"bias\"; a layer needs"
            + " \"weights\" and \"bias\"");
      }
      out.add(layer);
    }
    return out;
  }

  /** An array of finite numbers starting at token t. */
  private static double[] numbers(JsonInput json, JsonToken t, String where, String what) {
    if (t != JsonToken.START_ARRAY) {
      throw json.error(where + " must be an array of numbers, found " + JsonInput.describe(t));
    }
    double[] buf = new double[8];
    int n = 0;
    JsonToken e;
    while ((e = json.next()) != JsonToken.END_ARRAY) {
      if (e == JsonToken.START_ARRAY || e == JsonToken.START_OBJECT || e == JsonToken.VALUE_STRING
          || e == JsonToken.VALUE_NULL || e == JsonToken.VALUE_TRUE || e == JsonToken.VALUE_FALSE) {
        throw json.error(where + ": entry " + (n + 1) + " must be a number, found "
            + JsonInput.describe(e));
      }
      if (n == Limits.MAX_INPUTS) {
        throw Limits.tooLarge(json.source, json.loc().line(), json.loc().column(), where
            + " has more than " + Limits.MAX_INPUTS + " entries, the most xcert reads");
      }
      double v = json.number(where + ": " + what + " " + (n + 1));
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, 2 * n);
      }
      buf[n++] = v;
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  private static NetworkFile build(JsonInput json, int d, List<Layer> layers, Loc layersAt,
      OptionalDouble threshold, boolean strict, OutputHead head, boolean oneOutput) {
    if (layers.isEmpty()) {
      throw json.error(layersAt, "\"layers\" is empty; expected at least one layer (the last one"
          + " has one row, the score)");
    }
    int in = d;
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      int number = l + 1;
      if (layer.rows.isEmpty()) {
        throw json.error(layer.weightsAt, "layer " + number + " has no weight rows; expected at"
            + " least one row of " + in + " weights");
      }
      String width = l == 0 ? "\"inputs\" = " + d : "the " + in + " rows of layer " + l;
      for (int j = 0; j < layer.rows.size(); j++) {
        int got = layer.rows.get(j).length;
        if (got != in) {
          throw json.error(layer.rowAt.get(j), "layer " + number + ", row " + (j + 1) + " has "
              + got + " weight" + (got == 1 ? "" : "s") + ", expected " + in + " (" + width + ")");
        }
      }
      if (layer.bias.length != layer.rows.size()) {
        throw json.error(layer.biasAt, "layer " + number + " has " + layer.rows.size()
            + " weight row" + (layer.rows.size() == 1 ? "" : "s") + " but " + layer.bias.length
            + " bias" + (layer.bias.length == 1 ? "" : "es") + "; expected one bias per row");
      }
      in = layer.rows.size();
    }
    Layer last = layers.get(layers.size() - 1);
    if (oneOutput && last.rows.size() != 1) {
      throw json.error(last.weightsAt, "the last layer (layer " + layers.size() + ") has "
          + last.rows.size() + " rows; expected exactly one row, the score");
    }
    double[][][] w = new double[layers.size()][][];
    double[][] b = new double[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      w[l] = layers.get(l).rows.toArray(new double[0][]);
      b[l] = layers.get(l).bias;
    }
    List<AffineLayer> exact = new ArrayList<>();
    for (int l = 0; l < w.length; l++) {
      exact.add(AffineLayer.ofDoubles(w[l], b[l]));
    }
    return new NetworkFile(new FeedForwardNetwork(exact, head), threshold, strict);
  }

  /**
   * Writes a network with any number of outputs, its head and its threshold rule as JSON in the
   * documented format (one layer per line); {@code head} and {@code threshold_rule} only where they
   * differ from the defaults.
   *
   * @throws IllegalArgumentException when a weight or bias is not a double (a layer with an exact
   *     Div by a constant folded in), which JSON numbers cannot hold
   */
  public static void write(NetworkFile nf, Writer out) throws IOException {
    FeedForwardNetwork net = nf.network();
    for (int l = 0; l < net.layers().size(); l++) {
      if (!net.layers().get(l).isDoubleExact()) {
        throw new IllegalArgumentException("layer " + (l + 1) + " has a weight or bias that is not"
            + " a double (an exact division); the JSON format holds doubles");
      }
    }
    List<double[][]> w = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (AffineLayer a : net.layers()) {
      double[][] wl = new double[a.outputs()][a.inputs()];
      double[] bl = new double[a.outputs()];
      for (int j = 0; j < a.outputs(); j++) {
        for (int i = 0; i < a.inputs(); i++) {
          wl[j][i] = a.weightDouble(j, i);
        }
        bl[j] = a.biasDouble(j);
      }
      w.add(wl);
      b.add(bl);
    }
    write(net.inputs(), w, b, net.head(), nf.threshold(), nf.strict(), out);
  }

  /** Writes a network file to a JSON file. */
  public static void write(NetworkFile nf, Path file) throws IOException {
    Sources.toFile(file, w -> write(nf, w));
  }

  /** A network file as JSON text. */
  public static String toString(NetworkFile nf) {
    return Sources.render(w -> write(nf, w));
  }

  /** Writes a one-output network as JSON in the documented format (one layer per line). */
  public static void write(ReluNetwork net, Writer out) throws IOException {
    List<double[][]> w = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (int l = 0; l < net.layerCount(); l++) {
      int in = l == 0 ? net.dimension() : net.width(l - 1);
      double[][] wl = new double[net.width(l)][in];
      double[] bl = new double[net.width(l)];
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < in; i++) {
          wl[j][i] = net.weight(l, j, i);
        }
        bl[j] = net.bias(l, j);
      }
      w.add(wl);
      b.add(bl);
    }
    write(net.dimension(), w, b, OutputHead.NONE, net.threshold(), net.isStrictThreshold(), out);
  }

  private static void write(int inputs, List<double[][]> weights, List<double[]> biases,
      OutputHead head, OptionalDouble threshold, boolean strict, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"type\": \"").append(TYPE).append("\",\n");
    sb.append("  \"inputs\": ").append(inputs).append(",\n");
    sb.append("  \"layers\": [\n");
    int layers = weights.size();
    for (int l = 0; l < layers; l++) {
      double[][] w = weights.get(l);
      double[] b = biases.get(l);
      sb.append("    {\"weights\": [");
      for (int j = 0; j < w.length; j++) {
        sb.append(j == 0 ? "[" : ", [");
        for (int i = 0; i < w[j].length; i++) {
          sb.append(i == 0 ? "" : ", ").append(number(w[j][i]));
        }
        sb.append(']');
      }
      sb.append("], \"bias\": [");
      for (int j = 0; j < b.length; j++) {
        sb.append(j == 0 ? "" : ", ").append(number(b[j]));
      }
      sb.append("]}").append(l + 1 < layers ? ",\n" : "\n");
      if (sb.length() > 1 << 16) {
        out.write(sb.toString());
        sb.setLength(0);
      }
    }
    sb.append("  ]");
    if (head != OutputHead.NONE) {
      sb.append(",\n  \"head\": \"").append(head.id()).append('"');
    }
    if (threshold.isPresent()) {
      sb.append(",\n  \"threshold\": ").append(number(threshold.getAsDouble()));
      if (strict) {
        sb.append(",\n  \"threshold_rule\": \">\"");
      }
    }
    sb.append("\n}\n");
    out.write(sb.toString());
    out.flush();
  }

  /** Writes a network to a JSON file. */
  public static void write(ReluNetwork net, Path file) throws IOException {
    Sources.toFile(file, w -> write(net, w));
  }

  /** A network as JSON text. */
  public static String toString(ReluNetwork net) {
    return Sources.render(w -> write(net, w));
  }

  /** The shortest decimal that reads back as the same double (valid JSON: finite only). */
  private static String number(double v) {
    return Double.toString(v);
  }
}
