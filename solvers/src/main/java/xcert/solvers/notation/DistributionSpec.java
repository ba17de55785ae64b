package xcert.solvers.notation;

import xcert.solvers.errors.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.io.CsvRows;
import xcert.solvers.io.ProductSupportJson;
import xcert.solvers.num.RationalSizeException;
import xcert.solvers.num.Rationals;

/**
 * The written form of a reference distribution V, from which the features outside S are drawn in
 * f_S(x) = E_{X_{S^c} ~ V} f(x_S, X_{S^c}) (seed 004 Eq. 1): uniform, product Bernoulli(p_i), a
 * point mass (the baseline of masking explainers), a product over finite supports, empirical CSV rows,
 * and the conditional distribution of seed 004 Corollary 5.1.
 *
 * <ul>
 *   <li>{@code uniform}: uniform on {0,1}^d;
 *   <li>{@code bernoulli:p1,...,pd}: feature i is 1 with probability p_i, each an exact rational in
 *       [0,1] ("1/3", "0.25"); a single probability applies to every feature;
 *   <li>{@code point:r1,...,rd}: the point mass at r ({@link ProductDistribution#pointMass}), so
 *       that f_S(x) = f(x_S, r_{S^c});
 *   <li>{@code csv:FILE}: the empirical distribution of the rows of a CSV file ({@link CsvRows}) with
 *       d columns;
 *   <li>{@code product:FILE.json}: a product of finite supports ({@link ProductSupportJson});
 *   <li>{@code conditional:FILE.csv}: the empirical joint distribution of CSV rows, used
 *       conditionally ({@link ConditionalDistribution#ofRows(EmpiricalDistribution)}).
 * </ul>
 *
 * Relative file names resolve against a base directory. Errors in the text itself name the caller's
 * {@code where} (an option name, say); errors inside a file name the file, line and column.
 */
public final class DistributionSpec {

  private static final String FORMS = "uniform, bernoulli:p1,...,pd, point:r1,...,rd, csv:FILE, "
      + "product:FILE.json or conditional:FILE.csv";

  private DistributionSpec() {}

  /**
   * Parses the written form of a distribution for a model with d features.
   *
   * @param where what errors name (an option such as "--dist", or a file and line)
   *
   * @param baseDir where relative file names are resolved (null: the working directory)
   * @throws InputException for a malformed option, a missing file, or a file that does not fit d
   */
  public static ReferenceDistribution parse(String where, String spec, int d, Path baseDir) {
    if (spec == null || spec.isBlank()) {
      throw InputException.of(where, "empty; expected " + FORMS);
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String kind = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    String arg = colon < 0 ? null : s.substring(colon + 1).strip();
    switch (kind) {
      case "uniform" -> {
        if (arg != null) {
          throw InputException.of(where, "'uniform' takes no argument, found 'uniform:" + arg
              + "'; expected just uniform");
        }
        return ProductDistribution.uniform(d);
      }
      case "bernoulli" -> {
        return bernoulli(where, need(where, kind, arg, "p1,...,pd"), d);
      }
      case "point" -> {
        String r = need(where, kind, arg, "r1,...,rd");
        try {
          return ProductDistribution.pointMass(InputVector.parse(where, r, d));
        } catch (InputException e) {
          throw InputException.of(where, "point: " + e.problem());
        }
      }
      case "csv" -> {
        Path p = file(where, need(where, kind, arg, "FILE"), baseDir);
        return CsvRows.read(p, d).toEmpirical();
      }
      case "conditional" -> {
        Path p = file(where, need(where, kind, arg, "FILE.csv"), baseDir);
        return ConditionalDistribution.ofRows(CsvRows.read(p, d).toEmpirical());
      }
      case "product" -> {
        Path p = file(where, need(where, kind, arg, "FILE.json"), baseDir);
        ProductDistribution dist = ProductSupportJson.read(p);
        if (dist.dimension() != d) {
          throw InputException.of(where, "'" + p + "' describes " + dist.dimension()
              + " feature" + (dist.dimension() == 1 ? "" : "s") + ", expected d=" + d
              + " (the model's number of features)");
        }
        return dist;
      }
      default -> throw InputException.of(where, "unknown distribution " + quote(
          colon < 0 ? s : s.substring(0, colon)) + "; expected " + FORMS);
    }
  }

  private static String need(String where, String kind, String arg, String what) {
    if (arg == null || arg.isEmpty()) {
      throw InputException.of(where, "'" + kind + "' needs an argument; expected " + kind + ":"
          + what);
    }
    return arg;
  }

  private static Path file(String where, String name, Path baseDir) {
    Path p;
    try {
      p = Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw InputException.of(where, quote(name) + " is not a valid file name");
    }
    if (!p.isAbsolute() && baseDir != null) {
      p = baseDir.resolve(p);
    }
    if (!Files.exists(p)) {
      throw InputException.of(where, "file '" + name + "' not found (looked for "
          + p.toAbsolutePath().normalize() + ")");
    }
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw InputException.of(where, "'" + name + "' is not a readable file");
    }
    return p;
  }

  private static ProductDistribution bernoulli(String where, String arg, int d) {
    String[] parts = arg.split(",", -1);
    if (parts.length != 1 && parts.length != d) {
      throw InputException.of(where, "bernoulli has " + parts.length + " probabilities, expected"
          + " d=" + d + " (one per feature) or 1 (the same for every feature)");
    }
    BigFraction[] p = new BigFraction[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String t = parts[i].strip();
      String which = parts.length == 1 ? "the probability" : "probability " + (i + 1);
      try {
        p[i] = Rationals.parse(t);
      } catch (RationalSizeException e) {
        throw InputException.of(where, "bernoulli: " + which + ": " + e.getMessage());
      } catch (NumberFormatException e) {
        throw InputException.of(where, "bernoulli: " + which + " is "
            + (t.isEmpty() ? "empty" : quote(t)) + ", expected a number such as 1/3 or"
            + " 0.25");
      }
      if (p[i].signum() < 0 || p[i].compareTo(BigFraction.ONE) > 0) {
        throw InputException.of(where, "bernoulli: " + which + " is " + Rationals.format(p[i])
            + ", expected a probability in [0,1]");
      }
    }
    if (parts.length == 1 && d != 1) {
      BigFraction[] all = new BigFraction[d];
      java.util.Arrays.fill(all, p[0]);
      p = all;
    }
    return ProductDistribution.bernoulli(p);
  }

  private static String quote(String token) {
    return xcert.solvers.errors.Excerpt.quote(token);
  }
}
