package xcert.explainers.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.explainers.explain.Explanations;
import xcert.solvers.dist.ReferenceDistribution;
import xcert.solvers.errors.InputException;
import xcert.solvers.model.Model;
import xcert.solvers.num.Rationals;
import xcert.solvers.result.Scalar;

/**
 * Grades a whole matrix of attributions, row i of the attributions against input i, as {@link
 * Oracle#grade} grades one; the exact values are computed once per distinct input and reused. With
 * base values (shap's {@code base_values}), each row also checks b = f_∅(x) and b + Σφ = f(x)
 * ({@link BatchGrade.BaseCheck}); those need the game values.
 */
public final class OracleBatch {

  private OracleBatch() {}

  /**
   * Grades every row.
   *
   * @param inputs one input per row, d values each
   * @param attributions one attribution per row, d values each (read exactly: a double is the
   *     rational it holds)
   * @param baseValues one base value per row, or null
   * @param progress receives a line every 10 distinct inputs
   * @throws InputException for shapes that do not match, base values against a limit, or anything
   *     {@link Oracle#grade} refuses
   */
  public static BatchGrade grade(Model f, double[][] inputs, ReferenceDistribution distribution,
      double[][] attributions, double[] baseValues, Against against, OracleSettings s,
      Consumer<String> progress) {
    return grade(f, inputs, distribution, attributions, baseValues, against, s, false, progress);
  }

  /**
   * Grades every row; with {@code complementReference} the limits' reference is r = 1 − x per row
   * (lime's LimeTabularExplainer on 0/1 features), refused for a row that is not 0/1.
   */
  public static BatchGrade grade(Model f, double[][] inputs, ReferenceDistribution distribution,
      double[][] attributions, double[] baseValues, Against against, OracleSettings s,
      boolean complementReference, Consumer<String> progress) {
    Oracle.check(against, s, distribution != null);
    if (complementReference && (against.isGame() || distribution != null)) {
      throw InputException.setting("reference", "1-x is the reference point of the limits and"
          + " ig; " + (against.isGame() ? against.id() + " takes a distribution"
          : "it conflicts with the background distribution (dist)"));
    }
    int d = f.dimension();
    int n = inputs.length;
    if (n == 0) {
      throw InputException.setting("inputs", "has no rows; expected one input per row");
    }
    if (attributions.length != n) {
      throw InputException.setting("attributions", "has " + attributions.length + " rows but"
          + " the inputs have " + n + "; expected one attribution per input");
    }
    if (baseValues != null && baseValues.length != n) {
      throw InputException.setting("baseValues", "has " + baseValues.length + " values but the"
          + " inputs have " + n + " rows; expected one base value per input");
    }
    if (baseValues != null && !against.isGame()) {
      throw InputException.setting("baseValues", "apply to shapley and banzhaf (b = f_∅(x));"
          + " " + against.id() + " has no base value");
    }
    for (int i = 0; i < n; i++) {
      if (inputs[i].length != d) {
        throw InputException.setting("inputs", "row " + (i + 1) + " has " + inputs[i].length
            + " values, expected d=" + d);
      }
      if (attributions[i].length != d) {
        throw InputException.setting("attributions", "row " + (i + 1) + " has "
            + attributions[i].length + " values, expected d=" + d);
      }
    }
    int k = s.top() == null ? Math.min(3, d) : s.top();
    if (k < 1 || k > d) {
      throw InputException.setting("top", k + " is out of range; expected 1.." + d);
    }
    Map<List<Double>, Oracle.Counterpart> cache = new HashMap<>();
    List<BatchGrade.Row> rows = new ArrayList<>();
    int passed = 0;
    for (int i = 0; i < n; i++) {
      double[] x = inputs[i];
      List<Double> key = new ArrayList<>();
      for (double v : x) {
        key.add(v);
      }
      Oracle.Counterpart cp = cache.get(key);
      if (cp == null) {
        OracleSettings sx = s;
        if (complementReference) {
          try {
            sx = s.withLimit(s.limit().withReference(Explanations.complement(x)));
          } catch (InputException e) {
            throw InputException.setting("reference", "row " + (i + 1) + ": " + e.problem());
          }
        }
        cp = Oracle.counterpart(f, x, distribution, against, sx);
        cache.put(key, cp);
        if (cache.size() % 10 == 0) {
          progress.accept(cache.size() + " distinct inputs computed (row " + (i + 1) + " of " + n
              + ")");
        }
      }
      BigFraction[] given = new BigFraction[d];
      for (int j = 0; j < d; j++) {
        given[j] = Rationals.fromDouble(attributions[i][j]);
      }
      Grade g = Oracle.grade(against, given, cp, k, s);
      Optional<BatchGrade.BaseCheck> base = baseValues == null ? Optional.empty()
          : Optional.of(baseCheck(Rationals.fromDouble(baseValues[i]), given, cp, s));
      BatchGrade.Row row = new BatchGrade.Row(i + 1, g, base);
      passed += row.pass() ? 1 : 0;
      rows.add(row);
    }
    return new BatchGrade(against, rows, cache.size(), passed, n - passed);
  }

  private static BatchGrade.BaseCheck baseCheck(BigFraction b, BigFraction[] given,
      Oracle.Counterpart cp, OracleSettings s) {
    BigFraction sum = b;
    for (BigFraction g : given) {
      sum = sum.add(g);
    }
    Scalar baseError = difference(b, cp.fEmpty());
    Scalar sumError = difference(sum, cp.fx());
    BigFraction baseTol = s.toleranceFor(exactOf(cp.fEmpty()));
    BigFraction sumTol = s.toleranceFor(exactOf(cp.fx()));
    return new BatchGrade.BaseCheck(Scalar.exact(b), cp.fEmpty(), baseError, baseTol,
        Oracle.within(baseError, baseTol), cp.fx(), sumError, sumTol,
        Oracle.within(sumError, sumTol));
  }

  private static Scalar difference(BigFraction given, Scalar expected) {
    return expected.isExact() ? Scalar.exact(given.subtract(expected.exact()).abs())
        : Scalar.approximate(Math.abs(given.doubleValue() - expected.value()));
  }

  private static BigFraction exactOf(Scalar v) {
    return v.isExact() ? v.exact() : Rationals.fromDouble(v.value());
  }
}
