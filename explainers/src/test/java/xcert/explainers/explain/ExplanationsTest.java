package xcert.explainers.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.errors.InputException;
import xcert.solvers.io.ModelFiles;
import xcert.solvers.model.Model;
import xcert.solvers.result.Provenance;
import xcert.solvers.result.Scalar;

/** The one entry point: every kind of method, provenance, and the settings it refuses. */
class ExplanationsTest {

  private static final Model NET = ModelFiles.read(Path.of("..", "examples", "net.json"));
  private static final Model MAJORITY = ModelFiles.read(Path.of("..", "examples",
      "majority3.expr"));
  private static final double[] X = {1, 0, 1};

  @Test
  void methodIdsRoundTripAndUnknownNamesListEveryKind() {
    for (String id : ExplainMethod.ids()) {
      assertEquals(id, ExplainMethod.fromId(id).id());
    }
    assertEquals(23, ExplainMethod.ids().size());
    assertEquals(ExplainMethod.Kind.LIMIT, ExplainMethod.fromId("ig-exact").kind());
    InputException e = assertThrows(InputException.class, () -> ExplainMethod.fromId("glime"));
    assertTrue(e.isSetting());
    assertEquals("method", e.source());
    assertTrue(e.problem().contains("an exact limit: lime-limit"), e.problem());
    assertTrue(e.problem().endsWith("or a relaxation: rde, mask-suf, mask-nec, mask-uni"));
  }

  @Test
  void kernelShapLimitIsExactAndEfficient() {
    Explanation e = Explanations.explain(NET, X, null, ExplainMethod.KERNELSHAP_LIMIT,
        ExplainSettings.defaults());
    assertTrue(e.isExact());
    assertEquals(Provenance.Kind.EXACT, e.provenance().kind());
    BigFraction sum = BigFraction.ZERO;
    for (Scalar s : e.values()) {
      sum = sum.add(s.exact());
    }
    // efficiency: the weights sum to f(x) − f(r) = 2.5 − 0.25
    assertEquals(BigFraction.of(9, 4), sum);
    assertEquals("kernelshap-limit", e.settings().get("method"));
    assertEquals("0,0,0", e.settings().get("reference"));
  }

  @Test
  void sampledKernelShapCarriesNAndSeedAndRepeats() {
    ExplainSettings s = ExplainSettings.defaults().withSamples(2048).withSeed(7)
        .withBackend(BackendChoice.CPU);
    Explanation a = Explanations.explain(NET, X, null, ExplainMethod.KERNELSHAP, s);
    Explanation b = Explanations.explain(NET, X, null, ExplainMethod.KERNELSHAP, s);
    assertEquals(Provenance.Kind.SAMPLED, a.provenance().kind());
    assertEquals(2048, a.provenance().samples());
    assertEquals(7, a.provenance().seed());
    assertFalse(a.isExact());
    assertArrayEquals(a.attribution().values(), b.attribution().values());
    double sum = 0;
    for (double v : a.attribution().values()) {
      sum += v;
    }
    assertEquals(2.25, sum, 1e-9); // kernelshap keeps the efficiency constraint
  }

  @Test
  void relaxationsTakeADistributionAndOnlyTheirSettings() {
    Explanation e = Explanations.explain(MAJORITY, new double[] {1, 1, 0}, null,
        ExplainMethod.MASK_NEC, ExplainSettings.defaults().withSeed(3)
            .withBackend(BackendChoice.CPU));
    assertEquals(3, e.values().length);
    assertTrue(e.settings().containsKey("distribution"));
    InputException rank = assertThrows(InputException.class, () -> Explanations.explain(MAJORITY,
        new double[] {1, 1, 0}, null, ExplainMethod.MASK_NEC,
        ExplainSettings.defaults().withRank(2)));
    assertEquals("rank", rank.source());
    assertEquals("does not apply to mask-nec", rank.problem());
  }

  @Test
  void settingsOutOfRangeOrNotApplyingAreRefusedByName() {
    assertRefused("samples", "0 is out of range; expected n >= 1", ExplainMethod.LIME,
        ExplainSettings.defaults().withSamples(0), false);
    assertRefused("kernelWidth", "-1.0 is out of range; expected a finite width > 0",
        ExplainMethod.LIME, ExplainSettings.defaults().withKernelWidth(-1), false);
    assertRefused("dist", "applies to the relaxations rde, mask-suf, mask-nec, mask-uni and, as "
        + "background data, to the mask methods lime, kernelshap, occlusion, glime-binomial, "
        + "permutation, lime-limit, glime-limit, kernelshap-limit, occlusion-limit; not to c-lime",
        ExplainMethod.C_LIME, ExplainSettings.defaults(), true);
    assertRefused("steps", "does not apply to rde", ExplainMethod.RDE,
        ExplainSettings.defaults().withSteps(4), false);
    assertRefused("lasso", "the exact limits are ridge (or unpenalised) fits; the lasso applies "
        + "to the sampled methods", ExplainMethod.LIME_LIMIT,
        ExplainSettings.defaults().withLasso(true), false);
    InputException d = assertThrows(InputException.class,
        () -> ExplainSettings.distortion("bogus"));
    assertEquals("distortion", d.source());
    assertEquals("unknown distortion mode 'bogus', expected one of diag, low-rank, full, samples",
        d.problem());
    assertEquals("backend", assertThrows(InputException.class,
        () -> BackendChoice.fromId("tpu")).source());
  }

  @Test
  void circuitsTakeBinaryInputsAndHaveNoGradients() {
    InputException x = assertThrows(InputException.class, () -> Explanations.explain(MAJORITY,
        new double[] {1, 0.5, 0}, null, ExplainMethod.KERNELSHAP_LIMIT,
        ExplainSettings.defaults()));
    assertEquals("x", x.source());
    InputException ig = assertThrows(InputException.class, () -> Explanations.explain(MAJORITY,
        new double[] {1, 1, 0}, null, ExplainMethod.IG_EXACT, ExplainSettings.defaults()));
    assertEquals("ig-exact", ig.source());
    assertFalse(ig.problem().contains("xcert"), ig.problem());
  }

  private static void assertRefused(String setting, String problem, ExplainMethod m,
      ExplainSettings s, boolean distribution) {
    InputException e = assertThrows(InputException.class,
        () -> Explanations.check(m, s, distribution));
    assertTrue(e.isSetting());
    assertEquals(setting, e.source());
    assertEquals(problem, e.problem());
  }
}
