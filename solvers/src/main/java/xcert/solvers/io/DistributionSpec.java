package xcert.solvers.io;

import xcert.solvers.errors.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.dist.ConditionalDistribution;
import xcert.solvers.dist.EmpiricalDistribution;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.num.Rationals;

/**
 * The command-line option {@code --dist}: which reference distribution V the features outside S are
 * drawn from (SPEC section 1, "Models and formats": uniform, product Bernoulli(p_i), product over finite
 * supports, empirical CSV rows; and the conditional distribution of seed 004 Corollary 5.1).
 *
 * <ul>
 *   <li>{@code uniform}: uniform on {0,1}^d;
 *   <li>{@code bernoulli:p1,...,pd}: feature i is 1 with probability p_i, each an exact rational in
 *       [0,1] ("1/3", "0.25"); a single probability applies to every feature;
 *   <li>{@code csv:FILE}: the empirical distribution of the rows of a CSV file ({@link CsvRows}) with
 *       d columns;
 *   <li>{@code product:FILE.json}: a product of finite supports ({@link ProductSupportJson});
 *   <li>{@code conditional:FILE.csv}: the empirical joint distribution of CSV rows, used
 *       conditionally ({@link ConditionalDistribution#ofRows(EmpiricalDistribution)}).
 * </ul>
 *
 * Relative file names resolve against a base directory. Errors in the option itself name
 * {@code --dist}; errors inside a file name the file, line and column.
 */
public final class DistributionSpec {

  /** The option name errors give. */
  public static final String OPTION = "--dist";

  private static final String FORMS = "uniform, bernoulli:p1,...,pd, csv:FILE, product:FILE.json"
      + " or conditional:FILE.csv";

  private DistributionSpec() {}

  /**
   * Parses a {@code --dist} value for a model with d features.
   *
   * @param baseDir where relative file names are resolved (null: the working directory)
   * @throws InputException for a malformed option, a missing file, or a file that does not fit d
   */
  public static ReferenceDistribution parse(String spec, int d, Path baseDir) {
    if (spec == null || spec.isBlank()) {
      throw InputException.of(OPTION, "empty; expected " + FORMS);
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String kind = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    String arg = colon < 0 ? null : s.substring(colon + 1).strip();
    switch (kind) {
      case "uniform" -> {
        if (arg != null) {
          throw InputException.of(OPTION, "'uniform' takes no argument, found 'uniform:" + arg
              + "'; expected just uniform");
        }
        return ProductDistribution.uniform(d);
      }
      case "bernoulli" -> {
        return bernoulli(need(kind, arg, "p1,...,pd"), d);
      }
      case "csv" -> {
        Path p = file(need(kind, arg, "FILE"), baseDir);
        return CsvRows.read(p, d).toEmpirical();
      }
      case "conditional" -> {
        Path p = file(need(kind, arg, "FILE.csv"), baseDir);
        return ConditionalDistribution.ofRows(CsvRows.read(p, d).toEmpirical());
      }
      case "product" -> {
        Path p = file(need(kind, arg, "FILE.json"), baseDir);
        ProductDistribution dist = ProductSupportJson.read(p);
        if (dist.dimension() != d) {
          throw InputException.of(OPTION, "'" + p + "' describes " + dist.dimension()
              + " feature" + (dist.dimension() == 1 ? "" : "s") + ", expected d=" + d
              + " (the model's number of features)");
        }
        return dist;
      }
      default -> throw InputException.of(OPTION, "unknown distribution " + Sources.quote(
          colon < 0 ? s : s.substring(0, colon)) + "; expected " + FORMS);
    }
  }

  private static String need(String kind, String arg, String what) {
    if (arg == null || arg.isEmpty()) {
      throw InputException.of(OPTION, "'" + kind + "' needs an argument; expected " + kind + ":"
          + what);
    }
    return arg;
  }

  private static Path file(String name, Path baseDir) {
    Path p;
    try {
      p = Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw InputException.of(OPTION, Sources.quote(name) + " is not a valid file name");
    }
    if (!p.isAbsolute() && baseDir != null) {
      p = baseDir.resolve(p);
    }
    if (!Files.exists(p)) {
      throw InputException.of(OPTION, "file '" + name + "' not found (looked for "
          + p.toAbsolutePath().normalize() + ")");
    }
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw InputException.of(OPTION, "'" + name + "' is not a readable file");
    }
    return p;
  }

  private static ProductDistribution bernoulli(String arg, int d) {
    String[] parts = arg.split(",", -1);
    if (parts.length != 1 && parts.length != d) {
      throw InputException.of(OPTION, "bernoulli has " + parts.length + " probabilities, expected"
          + " d=" + d + " (one per feature) or 1 (the same for every feature)");
    }
    BigFraction[] p = new BigFraction[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String t = parts[i].strip();
      String which = parts.length == 1 ? "the probability" : "probability " + (i + 1);
      try {
        p[i] = Sources.rational(t);
      } catch (NumberFormatException e) {
        throw InputException.of(OPTION, "bernoulli: " + which + " is "
            + (t.isEmpty() ? "empty" : Sources.quote(t)) + ", expected a number such as 1/3 or"
            + " 0.25");
      }
      if (p[i].signum() < 0 || p[i].compareTo(BigFraction.ONE) > 0) {
        throw InputException.of(OPTION, "bernoulli: " + which + " is " + Rationals.format(p[i])
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
}
