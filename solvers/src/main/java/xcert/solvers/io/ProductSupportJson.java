package xcert.solvers.io;

import xcert.solvers.errors.Excerpt;
import xcert.solvers.errors.InputException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.FeatureSupport;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.io.JsonInput.Loc;
import xcert.solvers.num.Rationals;

/**
 * Reads a product of finite per-feature supports, the "product over finite supports" reference
 * distribution V of seed 004 Eq. 1, from JSON:
 *
 * <pre>
 * {"features": [{"values": [0, 1, 2], "probabilities": ["1/4", "1/2", "1/4"]},
 *               {"values": [0, 1],    "probabilities": [0.5, 0.5]}]}
 * </pre>
 *
 * <p>One entry per feature, in order x1..xd. {@code values} are distinct finite numbers;
 * {@code probabilities} has one entry per value, each in [0,1], given as a string ("1/3", "0.25") or a
 * JSON number, and each feature's probabilities must sum to exactly 1. Probabilities are exact: a
 * number is read from its literal text ({@code 0.1} is 1/10, never the nearest double) with
 * {@link Rationals#parse(String)}. Unknown keys, duplicate keys and duplicate values are errors, each
 * reported at its line and column.
 */
public final class ProductSupportJson {

  private static final List<String> TOP_KEYS = List.of("features");
  private static final List<String> FEATURE_KEYS = List.of("values", "probabilities");

  private ProductSupportJson() {}

  /** Reads a product distribution from a JSON file. */
  public static ProductDistribution read(Path file) {
    return Sources.read(file, ProductSupportJson::read);
  }

  /**
   * Reads a product distribution from JSON text.
   *
   * @throws InputException for malformed input, with line and column
   */
  public static ProductDistribution read(String source, Reader in) {
    try (JsonInput json = new JsonInput(source, in)) {
      return parse(json);
    }
  }

  private static ProductDistribution parse(JsonInput json) {
    JsonToken first = json.next();
    String shape = "{\"features\": [{\"values\": [...], \"probabilities\": [...]}, ...]}";
    if (first == null) {
      throw json.error(new Loc(0, 0), "empty file; expected a JSON object " + shape);
    }
    if (first != JsonToken.START_OBJECT) {
      throw json.error("expected a JSON object " + shape + ", found " + JsonInput.describe(first));
    }
    Loc objAt = json.loc();
    List<FeatureSupport> features = null;
    while (json.next() == JsonToken.FIELD_NAME) {
      String key = json.text();
      if (!TOP_KEYS.contains(key)) {
        throw json.unknownKey(key, "", TOP_KEYS);
      }
      if (features != null) {
        throw json.error("key \"features\" appears twice; expected it once");
      }
      JsonToken t = json.next();
      Loc at = json.loc();
      if (t != JsonToken.START_ARRAY) {
        throw json.error("\"features\" must be an array with one entry per feature, found "
            + JsonInput.describe(t));
      }
      features = new ArrayList<>();
      JsonToken e;
      while ((e = json.next()) != JsonToken.END_ARRAY) {
        if (features.size() == Limits.MAX_INPUTS) {
          throw Limits.tooLarge(json.source, json.loc().line(), json.loc().column(),
              "more than " + Limits.MAX_INPUTS + " features, the most xcert reads");
        }
        features.add(feature(json, e, features.size() + 1));
      }
      if (features.isEmpty()) {
        throw json.error(at, "\"features\" is empty; expected one entry per feature (d >= 1)");
      }
    }
    if (json.current() != JsonToken.END_OBJECT) {
      throw json.error("expected a key or '}', found " + JsonInput.describe(json.current()));
    }
    json.expectEnd("distribution object");
    if (features == null) {
      throw json.error(objAt, "missing key \"features\"; expected " + shape);
    }
    return ProductDistribution.of(features);
  }

  private static FeatureSupport feature(JsonInput json, JsonToken t, int number) {
    String name = "feature " + number;
    if (t != JsonToken.START_OBJECT) {
      throw json.error(name + " must be an object {\"values\": [...], \"probabilities\": [...]},"
          + " found " + JsonInput.describe(t));
    }
    Loc at = json.loc();
    double[] values = null;
    BigFraction[] probs = null;
    Set<String> seen = new HashSet<>();
    while (json.next() == JsonToken.FIELD_NAME) {
      String key = json.text();
      if (!FEATURE_KEYS.contains(key)) {
        throw json.unknownKey(key, " in " + name, FEATURE_KEYS);
      }
      if (!seen.add(key)) {
        throw json.error("key " + Excerpt.quoteJson(key) + " appears twice in " + name + "; expected it once");
      }
      JsonToken v = json.next();
      if (v != JsonToken.START_ARRAY) {
        throw json.error(name + ": " + Excerpt.quoteJson(key) + " must be an array, found "
            + JsonInput.describe(v));
      }
      if (key.equals("values")) {
        values = values(json, name);
      } else {
        probs = probabilities(json, name);
      }
    }
    if (json.current() != JsonToken.END_OBJECT) {
      throw json.error("expected a key or '}' in " + name + ", found "
          + JsonInput.describe(json.current()));
    }
    if (values == null || probs == null) {
      throw json.error(at, name + " is missing key \"" + (values == null ? "values"
          : "probabilities") + "\"; a feature needs \"values\" and \"probabilities\"");
    }
    if (values.length == 0) {
      throw json.error(at, name + " has no values; expected at least one");
    }
    if (values.length != probs.length) {
      throw json.error(at, name + " has " + values.length + " value" + (values.length == 1 ? ""
          : "s") + " but " + probs.length + " probabilit" + (probs.length == 1 ? "y" : "ies")
          + "; expected one probability per value");
    }
    BigFraction sum = BigFraction.ZERO;
    for (BigFraction p : probs) {
      sum = sum.add(p);
    }
    if (!sum.equals(BigFraction.ONE)) {
      throw json.error(at, name + ": probabilities sum to " + Rationals.format(sum)
          + ", expected exactly 1 (they are read exactly: write \"1/3\" rather than 0.333)");
    }
    return new FeatureSupport(values, probs);
  }

  private static double[] values(JsonInput json, String name) {
    List<Double> out = new ArrayList<>();
    Set<Double> seen = new HashSet<>();
    JsonToken e;
    while ((e = json.next()) != JsonToken.END_ARRAY) {
      if (e != JsonToken.VALUE_NUMBER_INT && e != JsonToken.VALUE_NUMBER_FLOAT) {
        throw json.error(name + ": value " + (out.size() + 1) + " must be a number, found "
            + JsonInput.describe(e));
      }
      double v = json.number(name + ": value " + (out.size() + 1));
      if (!seen.add(v == 0.0 ? 0.0 : v)) {
        throw json.error(name + ": value " + Excerpt.show(json.text()) + " is listed twice; expected distinct"
            + " values");
      }
      out.add(v);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static BigFraction[] probabilities(JsonInput json, String name) {
    List<BigFraction> out = new ArrayList<>();
    JsonToken e;
    while ((e = json.next()) != JsonToken.END_ARRAY) {
      String what = name + ": probability " + (out.size() + 1);
      String text;
      if (e == JsonToken.VALUE_STRING || e == JsonToken.VALUE_NUMBER_INT
          || e == JsonToken.VALUE_NUMBER_FLOAT) {
        text = json.text();
      } else {
        throw json.error(what + " must be a string such as \"1/3\" or a number, found "
            + JsonInput.describe(e));
      }
      BigFraction p;
      try {
        p = Sources.rational(text);
      } catch (xcert.solvers.num.RationalSizeException ex) {
        throw json.error(what + ": " + ex.getMessage());
      } catch (NumberFormatException ex) {
        throw json.error(what + " is " + Sources.quote(text) + ", expected a rational such as"
            + " \"1/3\" or 0.25");
      }
      if (p.signum() < 0 || p.compareTo(BigFraction.ONE) > 0) {
        throw json.error(what + " is " + Sources.quote(text) + ", expected a probability in"
            + " [0,1]");
      }
      out.add(p);
    }
    return out.toArray(new BigFraction[0]);
  }
}
