package xcert.explainers.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xcert.explainers.api.Attribution;
import xcert.explainers.lfa.Combination;
import xcert.explainers.lfa.Kernel;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.lfa.ModelClass;
import xcert.explainers.lfa.Neighbourhood;
import xcert.explainers.lfa.Noises;
import xcert.explainers.lfa.Target;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.instances.RandomInstances;
import xcert.solvers.model.Circuit;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The plan contract against the host loop: every sampled method explained through
 * {@link PlanReferenceBackend} (the sums computed from the Javadoc of {@link LfaPlan} and
 * {@link LfaSums}) equals the same method explained on the host (samples drawn by the neighbourhoods,
 * evaluated on the CPU backend) to 1e-9 relative to the largest coefficient. A device that computes
 * what the reference computes therefore gives the host's answers.
 */
class PlanContractTest {

  private static final double REL = 1e-9;
  private static final CpuBackend CPU = new CpuBackend(1);

  @Test
  void everyMethodOnAReluNetworkAgreesWithTheHostLoop() {
    SplittableRandom rnd = new SplittableRandom(2024);
    int d = 5;
    ReluNetwork f = RandomInstances.relu(rnd, d, 6, 2, false);
    double[] x = RandomInstances.input(rnd, d, false);
    double[] ref = RandomInstances.input(rnd, d, false);
    for (String m : Methods.NAMES) {
      for (long n : new long[] {1, 2, 601}) {
        MethodSettings s = MethodSettings.defaults().withSeed(17).withSamples(n);
        if (Methods.BINARY.contains(m) || m.equals("integrated-gradients")
            || m.equals("gradient-x-input")) {
          s = s.withReference(ref);
        }
        agree(m, n, Methods.create(m, s, d), f, x);
      }
    }
  }

  @Test
  void everyBinaryMethodOnACircuitAgreesWithTheHostLoop() {
    SplittableRandom rnd = new SplittableRandom(7);
    int d = 6;
    Circuit c = RandomInstances.circuit(rnd, d, 12);
    double[] x = RandomInstances.input(rnd, d, true);
    double[] ref = new double[d];
    for (int i = 0; i < d; i++) {
      ref[i] = 1 - x[i];
    }
    for (String m : Methods.BINARY) {
      MethodSettings s = MethodSettings.defaults().withSeed(5).withSamples(400).withReference(ref);
      agree(m, 400, Methods.create(m, s, d), c, x);
    }
  }

  /** The other LIME distance and the continuous neighbourhoods with a multiplicative combination. */
  @Test
  void otherKernelsAndCombinationsAgree() {
    SplittableRandom rnd = new SplittableRandom(31);
    int d = 4;
    ReluNetwork f = RandomInstances.relu(rnd, d, 5, 2, false);
    double[] x = RandomInstances.input(rnd, d, false);
    agree("lime-l2", 300, Methods.create("lime", MethodSettings.defaults().withSeed(2)
        .withSamples(300).withDistance("l2").withKernelWidth(0.75), d), f, x);
    List<Neighbourhood> zs = List.of(Noises.gaussian(0.3), Noises.laplace(0.3),
        Noises.uniformBox(0.3), Noises.uniformScale(0.2, 0.9), Noises.bernoulli(0.3),
        Noises.oneHot(), Noises.riemannMidpoints(7), Noises.limeMask(),
        Noises.shapleyCoalitions());
    for (Neighbourhood z : zs) {
      for (Combination c : List.of(Combination.multiplicative(), Combination.additive())) {
        LfaInstance fit = new LfaInstance("fit", z, c, Kernel.NONE, Loss.SQUARED_ERROR,
            Target.VALUE, ModelClass.ridge(true, 0.5, ModelClass.Scale.MEAN), false);
        agree(z.describe() + ", " + c.describe(), 250, new LfaExplainer(fit, 250, 9), f, x);
        LfaInstance grad = new LfaInstance("grad", z, c, Kernel.NONE, Loss.GRADIENT_MATCHING,
            Target.VALUE, ModelClass.linear(), false);
        agree(z.describe() + ", " + c.describe() + " (gradients)", 250,
            new LfaExplainer(grad, 250, 9), f, x);
      }
    }
  }

  private static void agree(String what, long n, LfaExplainer e, Model f, double[] x) {
    PlanReferenceBackend reference = new PlanReferenceBackend();
    Attribution host;
    try {
      host = e.withBatch(1).explain(f, x, CPU);
    } catch (IllegalStateException singular) {
      // Too few samples for the fit: the plan path must fail the same way.
      assertThrows(IllegalStateException.class, () -> e.explain(f, x, reference), what);
      assertEquals(1, reference.plansRun(), what + ": the plan path was not taken");
      return;
    }
    Attribution device = e.explain(f, x, reference);
    assertEquals(1, reference.plansRun(), what + ": the plan path was not taken");
    double[] a = host.values();
    double[] b = device.values();
    double scale = Double.MIN_NORMAL;
    for (double v : a) {
      scale = Math.max(scale, Math.abs(v));
    }
    if (host.intercept().isPresent()) {
      scale = Math.max(scale, Math.abs(host.intercept().getAsDouble()));
    }
    for (int j = 0; j < a.length; j++) {
      assertEquals(a[j], b[j], REL * scale, what + ", n = " + n + ", coefficient " + (j + 1));
    }
    assertEquals(host.intercept().isPresent(), device.intercept().isPresent(), what);
    if (host.intercept().isPresent()) {
      assertEquals(host.intercept().getAsDouble(), device.intercept().getAsDouble(), REL * scale,
          what + ", n = " + n + ", intercept");
    }
  }

  /** The sums themselves, entry by entry, for KernelSHAP (efficiency, paired) and LIME (weights). */
  @Test
  void sumsHaveTheDocumentedLayout() {
    SplittableRandom rnd = new SplittableRandom(8);
    int d = 4;
    ReluNetwork f = RandomInstances.relu(rnd, d, 5, 2, false);
    double[] x = RandomInstances.input(rnd, d, false);
    for (String m : List.of("kernelshap", "lime", "occlusion", "smoothgrad", "c-lime")) {
      LfaExplainer e = Methods.create(m, MethodSettings.defaults().withSeed(4).withSamples(101), d);
      LfaSums host = e.withBatch(3).sums(f, x, CPU);
      LfaSums device = e.sums(f, x, new PlanReferenceBackend());
      close(m + " gram", host.gram(), device.gram());
      close(m + " moment", host.moment(), device.moment());
      assertEquals(host.weightSum(), device.weightSum(), 1e-12 * host.weightSum(), m);
      assertEquals(101, host.count(), m);
      assertEquals(101, device.count(), m);
      assertEquals(host.fx0(), device.fx0(), 0.0, m);
      assertEquals(host.fBase(), device.fBase(), 0.0, m);
    }
  }

  private static void close(String what, double[] a, double[] b) {
    assertEquals(a.length, b.length, what);
    double scale = Double.MIN_NORMAL;
    for (double v : a) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-12 * scale, what + "[" + i + "]");
    }
  }

  /** A neighbourhood without a device form has no plan; the host loop runs instead. */
  @Test
  void noPlanWithoutADeviceForm() {
    Neighbourhood hostOnly = new Neighbourhood() {
      @Override
      public void sample(CounterStream s, long index, double[] xi) {
        for (int f = 0; f < xi.length; f++) {
          xi[f] = s.uniform(index, f) - 0.5;
        }
      }

      @Override
      public boolean isBinary() {
        return false;
      }

      @Override
      public String describe() {
        return "host only";
      }
    };
    LfaInstance inst = new LfaInstance("host-only", hostOnly, Combination.additive(), Kernel.NONE,
        Loss.SQUARED_ERROR, Target.VALUE, ModelClass.linearWithIntercept(), false);
    assertTrue(inst.plan(new double[3], 10, 1).isEmpty());
    SplittableRandom rnd = new SplittableRandom(3);
    ReluNetwork f = RandomInstances.relu(rnd, 3, 4, 2, false);
    double[] x = RandomInstances.input(rnd, 3, false);
    PlanReferenceBackend reference = new PlanReferenceBackend();
    LfaExplainer e = new LfaExplainer(inst, 50, 1);
    assertEquals(0, java.util.Arrays.compare(e.explain(f, x, CPU).values(),
        e.explain(f, x, reference).values()));
    assertEquals(0, reference.plansRun());
  }

  /** The plan of a method carries its codes, parameters and x0. */
  @Test
  void planOfKernelShapAndLime() {
    double[] x = {0.5, -1, 2};
    double[] r = {0, 1, 0};
    MethodSettings s = MethodSettings.defaults().withReference(r);
    LfaPlan shap = Methods.instance("kernelshap", s, 3).plan(x, 64, 9).orElseThrow();
    assertEquals(LfaPlan.Noise.SHAPLEY, shap.noise());
    assertTrue(shap.paired());
    assertEquals(LfaPlan.Combine.MASK, shap.combine());
    assertEquals(0, java.util.Arrays.compare(r, shap.reference()));
    assertEquals(LfaPlan.Fit.VALUE, shap.fit());
    assertTrue(shap.efficiency());
    assertEquals(2, shap.columns());
    // Mask: J = x0 − r and x0 ⊕ 0 = r.
    assertEquals(0, java.util.Arrays.compare(new double[] {0.5, -2, 2}, shap.jacobian()));
    assertEquals(0, java.util.Arrays.compare(r, shap.base()));
    LfaPlan lime = Methods.instance("lime", s.withKernelWidth(0.4), 3).plan(x, 10, 9).orElseThrow();
    assertEquals(LfaPlan.Noise.LIME_MASK, lime.noise());
    assertEquals(LfaPlan.Weight.LIME_COSINE, lime.weight());
    assertEquals(0.4, lime.width(), 0.0);
    assertTrue(lime.intercept());
    assertEquals(4, lime.columns());
    LfaPlan occ = Methods.instance("occlusion", s, 3).plan(x, 3, 9).orElseThrow();
    assertEquals(LfaPlan.Fit.DROP, occ.fit());
    LfaPlan sg = Methods.instance("smoothgrad", s.withSigma(0.2), 3).plan(x, 3, 9).orElseThrow();
    assertEquals(LfaPlan.Fit.GRADIENT, sg.fit());
    assertEquals(LfaPlan.Noise.GAUSSIAN, sg.noise());
    assertEquals(0.2, sg.p0(), 0.0);
    assertEquals(LfaPlan.Combine.ADDITIVE, sg.combine());
    assertEquals(0, java.util.Arrays.compare(new double[3], sg.reference()));
    // Additive: J = 1 and x0 ⊕ 0 = x0.
    assertEquals(0, java.util.Arrays.compare(new double[] {1, 1, 1}, sg.jacobian()));
    assertEquals(0, java.util.Arrays.compare(x, sg.base()));
  }

  /** A mask reference of another length than x0 is refused with an IllegalArgumentException. */
  @Test
  void planRefusesAReferenceOfAnotherLength() {
    MethodSettings s = MethodSettings.defaults().withReference(new double[] {0, 1});
    LfaInstance shap = Methods.instance("kernelshap", s, 2);
    assertThrows(IllegalArgumentException.class, () -> shap.plan(new double[] {1, 2, 3}, 8, 1));
  }

  /** A backend whose sums do not have the plan's layout is refused. */
  @Test
  void wrongShapedSumsAreRefused() {
    Backend bad = new Backend() {
      @Override
      public String name() {
        return "bad";
      }

      @Override
      public double[] evaluate(Model f, double[] rows, int n) {
        return CPU.evaluate(f, rows, n);
      }

      @Override
      public double[] gradients(ReluNetwork f, double[] rows, int n) {
        return CPU.gradients(f, rows, n);
      }

      @Override
      public Optional<LfaSums> runPlan(Model f, LfaPlan plan) {
        return Optional.of(new LfaSums(new double[1], new double[1], 1, plan.n(), 0, 0));
      }
    };
    SplittableRandom rnd = new SplittableRandom(3);
    ReluNetwork f = RandomInstances.relu(rnd, 3, 4, 2, false);
    double[] x = RandomInstances.input(rnd, 3, false);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Methods.create("c-lime", MethodSettings.defaults(), 3).explain(f, x, bad));
    assertTrue(e.getMessage().contains("wrong shape"), e.getMessage());
  }
}
