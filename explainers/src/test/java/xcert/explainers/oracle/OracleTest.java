package xcert.explainers.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.explainers.explain.BackendChoice;
import xcert.explainers.explain.ExplainMethod;
import xcert.explainers.explain.ExplainSettings;
import xcert.explainers.explain.Explanation;
import xcert.explainers.explain.Explanations;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/** Grading attributions against exact game values and exact limits. */
class OracleTest {

  private static final Model NET = ModelFiles.read(Path.of("..", "examples", "net.json"));
  private static final Model MAJORITY = ModelFiles.read(Path.of("..", "examples",
      "majority3.expr"));

  @Test
  void theExactLimitPassesAgainstItself() {
    double[] x = {1, 0, 1};
    Explanation limit = Explanations.explain(NET, x, null, ExplainMethod.KERNELSHAP_LIMIT,
        ExplainSettings.defaults());
    Grade g = Oracle.grade(NET, x, null, limit, Against.KERNELSHAP_LIMIT,
        OracleSettings.defaults());
    assertTrue(g.pass());
    assertTrue(g.exact());
    assertEquals(BigFraction.ZERO, g.maxError().exact());
    assertTrue(g.top1Agree());
    assertTrue(g.topKAgree());
    assertEquals(Provenance.Kind.EXACT, g.reference().kind());
    assertTrue(g.verdict().startsWith("PASS"));
    assertEquals("kernelshap-limit", g.settings().get("method"));
  }

  @Test
  void sampledKernelShapIsCloseButNotWithinOneMillionth() {
    double[] x = {1, 0, 1};
    Explanation sampled = Explanations.explain(NET, x, null, ExplainMethod.KERNELSHAP,
        ExplainSettings.defaults().withSamples(2048).withSeed(7).withBackend(BackendChoice.CPU));
    Grade loose = Oracle.grade(NET, x, null, sampled, Against.KERNELSHAP_LIMIT,
        OracleSettings.defaults().withTolerance(BigFraction.of(1, 2)));
    assertTrue(loose.pass());
    assertTrue(loose.maxError().exact().compareTo(BigFraction.ZERO) >= 0);
    assertEquals(3, loose.topK());
    Grade tight = Oracle.grade(NET, x, null, sampled, Against.KERNELSHAP_LIMIT,
        OracleSettings.defaults().withTolerance(BigFraction.ZERO));
    assertEquals(!loose.maxError().exact().equals(BigFraction.ZERO), !tight.pass());
  }

  @Test
  void shapleyOfMajorityAndAWrongAttribution() {
    double[] x = {1, 1, 0};
    Grade g = Oracle.grade(MAJORITY, x, null, new BigFraction[] {BigFraction.ZERO,
        BigFraction.ZERO, BigFraction.ONE}, Against.SHAPLEY, OracleSettings.defaults().withTop(1));
    assertFalse(g.pass());
    assertFalse(g.top1Agree());
    assertEquals(3, g.worstFeature());
    assertTrue(g.verdict().startsWith("FAIL"), g.verdict());
    assertTrue(g.distribution() != null);
    // the exact values graded against themselves pass
    List<Scalar> exact = g.exactValues();
    BigFraction[] again = exact.stream().map(Scalar::exact).toArray(BigFraction[]::new);
    assertTrue(Oracle.grade(MAJORITY, x, null, again, Against.SHAPLEY,
        OracleSettings.defaults()).pass());
  }

  @Test
  void refusals() {
    InputException a = assertThrows(InputException.class, () -> Against.fromId("bogus"));
    assertEquals("against", a.source());
    assertEquals("'bogus' has no exact counterpart here; expected one of shapley, banzhaf, "
        + "lime-limit, glime-limit, kernelshap-limit, occlusion-limit, ig, smoothgrad-limit",
        a.problem());
    InputException top = assertThrows(InputException.class, () -> Oracle.grade(NET,
        new double[] {1, 0, 1}, null, new BigFraction[3], Against.IG,
        OracleSettings.defaults().withTop(4)));
    assertEquals("top", top.source());
    InputException ref = assertThrows(InputException.class, () -> Oracle.check(Against.SHAPLEY,
        OracleSettings.defaults().withLimit(ExplainSettings.defaults()
            .withReference(new double[3])), false));
    assertEquals("reference", ref.source());
  }
}
