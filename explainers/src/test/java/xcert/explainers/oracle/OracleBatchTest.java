package xcert.explainers.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Model;
import xcert.solvers.result.Scalar;

/**
 * Batches against single grades ({@link Oracle#grade}, tested on its own) and against facts of the
 * game v(S) = f_S(x): v(∅) = E f = 1/2 for majority of three under the uniform distribution, and
 * efficiency Σφ = f(x) − v(∅) (seed 004, Section 5).
 */
class OracleBatchTest {

  private static final Model MAJORITY = ModelFiles.read(Path.of("..", "examples",
      "majority3.expr"));

  private static double[][] allInputsTwice() {
    List<double[]> rows = new ArrayList<>();
    for (int rep = 0; rep < 2; rep++) {
      for (int m = 0; m < 8; m++) {
        rows.add(new double[] {m & 1, (m >> 1) & 1, (m >> 2) & 1});
      }
    }
    return rows.toArray(new double[0][]);
  }

  /** The exact Shapley values of each row, rounded to doubles (errors of order 1e-17). */
  private static double[][] exactShapley(double[][] inputs) {
    double[][] out = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      BigFraction[] zeros = {BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO};
      Grade g = Oracle.grade(MAJORITY, inputs[i], null, zeros, Against.SHAPLEY,
          OracleSettings.defaults());
      out[i] = g.exactValues().stream().mapToDouble(Scalar::value).toArray();
    }
    return out;
  }

  @Test
  void eachRowGetsTheSingleGradeAndRepeatedInputsAreComputedOnce() {
    double[][] x = allInputsTwice();
    double[][] phi = exactShapley(x);
    phi[5][2] += 0.25; // one wrong attribution
    BatchGrade b = OracleBatch.grade(MAJORITY, x, null, phi, null, Against.SHAPLEY,
        OracleSettings.defaults(), line -> { });
    assertEquals(8, b.distinctInputs());
    assertEquals(15, b.passed());
    assertEquals(1, b.failed());
    assertFalse(b.rows().get(5).pass());
    assertEquals(3, b.rows().get(5).grade().worstFeature());
    assertEquals(0.25, b.rows().get(5).grade().maxError().value(), 1e-15);
    for (BatchGrade.Row r : b.rows()) {
      BigFraction[] given = new BigFraction[3];
      for (int j = 0; j < 3; j++) {
        given[j] = BigFraction.from(phi[r.row() - 1][j]);
      }
      Grade single = Oracle.grade(MAJORITY, x[r.row() - 1], null, given, Against.SHAPLEY,
          OracleSettings.defaults());
      assertEquals(single.pass(), r.grade().pass(), "row " + r.row());
      assertEquals(single.maxError(), r.grade().maxError(), "row " + r.row());
    }
  }

  @Test
  void baseValuesAreCheckedAgainstTheExpectationAndEfficiency() {
    double[][] x = allInputsTwice();
    double[][] phi = exactShapley(x);
    double[] base = new double[x.length];
    java.util.Arrays.fill(base, 0.5); // E f for majority of three, uniform
    base[3] = 0.4;
    BatchGrade b = OracleBatch.grade(MAJORITY, x, null, phi, base, Against.SHAPLEY,
        OracleSettings.defaults(), line -> { });
    assertEquals(15, b.passed());
    BatchGrade.BaseCheck wrong = b.rows().get(3).base().orElseThrow();
    assertFalse(wrong.basePass());
    assertFalse(wrong.sumPass()); // 0.4 + Σφ = f(x) − 0.1
    assertEquals(BigFraction.of(1, 2), wrong.fEmpty().exact());
    assertTrue(b.rows().get(3).grade().pass()); // the attribution itself is right
    for (BatchGrade.Row r : b.rows()) {
      BatchGrade.BaseCheck c = r.base().orElseThrow();
      double[] xi = x[r.row() - 1];
      boolean majority = xi[0] + xi[1] + xi[2] >= 2;
      assertEquals(majority ? 1.0 : 0.0, c.fx().value(), "f(x) of row " + r.row());
    }
  }

  @Test
  void relativeToleranceFollowsTheAllcloseRule() {
    double[][] x = {{1, 1, 0}};
    double[][] phi = exactShapley(x);
    phi[0][0] *= 1.001; // a 0.1% error on a value of magnitude at most 1/2
    OracleSettings tight = OracleSettings.defaults();
    assertEquals(0, OracleBatch.grade(MAJORITY, x, null, phi, null, Against.SHAPLEY, tight,
        l -> { }).passed());
    OracleSettings relative = tight.withRelativeTolerance(BigFraction.of(1, 100));
    assertEquals(1, OracleBatch.grade(MAJORITY, x, null, phi, null, Against.SHAPLEY, relative,
        l -> { }).passed());
  }

  @Test
  void shapesThatDoNotMatchAreRefused() {
    double[][] x = {{1, 1, 0}, {0, 0, 1}};
    double[][] phi = exactShapley(x);
    assertThrows(InputException.class, () -> OracleBatch.grade(MAJORITY, x, null,
        new double[][] {phi[0]}, null, Against.SHAPLEY, OracleSettings.defaults(), l -> { }));
    assertThrows(InputException.class, () -> OracleBatch.grade(MAJORITY,
        new double[][] {{1, 1}, {0, 0}}, null, phi, null, Against.SHAPLEY,
        OracleSettings.defaults(), l -> { }));
    assertThrows(InputException.class, () -> OracleBatch.grade(MAJORITY, x, null, phi,
        new double[] {0.5}, Against.SHAPLEY, OracleSettings.defaults(), l -> { }));
    InputException e = assertThrows(InputException.class, () -> OracleBatch.grade(MAJORITY, x,
        null, phi, new double[] {0.5, 0.5}, Against.OCCLUSION_LIMIT, OracleSettings.defaults(),
        l -> { }));
    assertTrue(e.getMessage().contains("no base value"), e.getMessage());
  }
}
