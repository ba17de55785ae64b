package xcert.explainers.agreement;

import java.util.ArrayList;
import java.util.List;
import xcert.explainers.api.Attribution;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.explainers.backend.Float32Bounds;
import xcert.explainers.lfa.LfaExplainer;
import xcert.explainers.lfa.LfaInstance;
import xcert.explainers.lfa.Loss;
import xcert.explainers.methods.MethodSettings;
import xcert.explainers.methods.Methods;
import xcert.solvers.model.ReluNetwork;

/**
 * Checks that a device backend that evaluates in float32 gives the same attributions as the float64
 * {@link CpuBackend} on the same samples, to a tolerance derived per method, for every method of
 * {@link Methods#NAMES} (each with its defaults, the given n and seed; Integrated Gradients keeps its
 * m = 64 midpoints, and n samples cycle through them, as {@link Methods} does).
 *
 * <p>Each method is explained twice: on the device, and on the CPU through a backend that records,
 * for every row it evaluates or differentiates, the {@link Float32Bounds} of that row: δ = the
 * largest value bound over the rows evaluated, and per coordinate the mean over the rows
 * differentiated of the gradient bound (mask-stable or not). The tolerance is then:
 *
 * <h2>Squared error, plain or ridge</h2>
 *
 * The fit is w = A⁻¹ Xᵀ Π y with S = Σ π a aᵀ = Xᵀ Π X and A = S + the ridge term (on the features,
 * not the intercept). An error δy in the targets moves it by δw = A⁻¹ Xᵀ Π^{1/2} · Π^{1/2} δy, and
 * ‖A⁻¹ Xᵀ Π^{1/2}‖₂² = λ_max(A⁻¹ S A⁻¹) ≤ λ_max(A⁻¹) because S ⪯ A, so
 *
 * <pre>
 *   ‖δw‖₂ ≤ ‖Π^{1/2} δy‖₂ / √λ_min(A) ≤ √(Σπ) · δ_y / √λ_min(A),
 * </pre>
 *
 * with δ_y a bound on every |δy_r|. The vector bounded includes the intercept when there is one.
 *
 * <h2>Squared error, lasso</h2>
 *
 * The minimiser of ½βᵀAβ − tᵀβ + λ‖β‖₁ (A = S) is (1/λ_min(A))-Lipschitz in t: subtracting the
 * optimality conditions t_k − Aβ_k ∈ ∂(λ‖·‖₁)(β_k) and using the monotonicity of the subdifferential
 * gives (t₁ − t₂)ᵀ(β₁ − β₂) ≥ (β₁ − β₂)ᵀA(β₁ − β₂) ≥ λ_min(A)‖β₁ − β₂‖². And ‖δt‖₂ = ‖Xᵀ Π δy‖₂ ≤
 * ‖Xᵀ Π^{1/2}‖₂ ‖Π^{1/2} δy‖₂ ≤ √λ_max(S) · √(Σπ) · δ_y, so ‖δw‖₂ ≤ √λ_max(S) √(Σπ) δ_y /
 * λ_min(A).
 *
 * <h2>The targets</h2>
 *
 * δ_y = δ for the value f(x0 ⊕ ξ); 2δ for Occlusion's drop f(x0) − f(x0 ⊕ (1 − ξ)) (two
 * evaluations); 2δ under KernelSHAP's efficiency constraint: y' = y − c0 − c1 ξ_d with c0 = f(x0 ⊕
 * 0) and c1 = f(x0) − c0 themselves evaluations is y − c0 (1 − ξ_d) − f(x0) ξ_d, and ξ_d ∈ {0, 1},
 * so one of c0 and f(x0) enters each target (bounding c1's error 2δ separately would give 4δ).
 * There the eliminated weight w_d = c1 − Σ_{i&lt;d} β_i moves by at most |δc1| + |1ᵀδβ| ≤ 2δ +
 * √(d−1)‖δβ‖₂ and the intercept b = c0 by δ; these sit in coordinates of their own, so
 * ‖(δw, δb)‖₂ ≤ √(‖δβ‖₂² + (2δ + √(d−1)‖δβ‖₂)² + δ²).
 *
 * <h2>Gradient matching</h2>
 *
 * w = (1/n) Σ_r J ⊙ ∇f(x0 ⊕ ξ_r) with π ≡ 1 for every gradient method (checked: a weighted gradient
 * method is refused), so |δw_i| ≤ |J_i| · (1/n) Σ_r bound_{r,i}, and ‖δw‖₂ is at most the 2-norm of
 * that vector.
 *
 * <h2>The float64 term (stated order, not proven)</h2>
 *
 * Both runs draw the same samples, from the same stream, but a device that draws and sums on its own
 * side may add in another order, and its double-precision log and cos may differ from Java's by an
 * ulp. For these float64 differences the tolerance adds c · n · 2^-52 · κ(A) · (‖w_cpu‖₂ + 1), c = 8,
 * κ(A) = λ_max(A)/λ_min(A), ‖w_cpu‖₂ taken over the weights and the intercept, for squared-error fits (it also covers the float64 rounding in S, in its
 * eigenvalues, and the stopping rule of the lasso's coordinate descent, all of that order), and n ·
 * 2^-52 · (‖w_cpu‖₂ + 1) for gradient matching. This is the one term that is a stated order of
 * magnitude rather than a proven bound; everything else follows from {@link Float32Bounds}.
 *
 * <p>S, Σπ and the eigenvalues come from the CPU run's normal equations,
 * {@link LfaExplainer#sums}.
 */
public final class AgreementCheck {

  private final Backend device;
  private final CpuBackend cpu;

  /**
   * @param device the backend under test (float32 on a device)
   * @param cpu the float64 reference
   */
  public AgreementCheck(Backend device, CpuBackend cpu) {
    this.device = device;
    this.cpu = cpu;
  }

  /** Every method of {@link Methods#NAMES} with its defaults, n samples and the seed. */
  public List<AgreementRow> run(ReluNetwork f, double[] x0, long n, long seed) {
    return run(f, x0, MethodSettings.defaults().withSamples(n).withSeed(seed));
  }

  /** Every method of {@link Methods#NAMES} with the given settings. */
  public List<AgreementRow> run(ReluNetwork f, double[] x0, MethodSettings settings) {
    List<AgreementRow> rows = new ArrayList<>();
    for (String name : Methods.NAMES) {
      rows.add(method(name, f, x0, settings));
    }
    return rows;
  }

  /** One method. */
  public AgreementRow method(String name, ReluNetwork f, double[] x0, MethodSettings settings) {
    int d = f.dimension();
    LfaExplainer explainer = Methods.create(name, settings, d);
    LfaInstance inst = explainer.instance();
    Attribution dev = explainer.explain(f, x0, device);
    RecordingCpuBackend recording = new RecordingCpuBackend(cpu, f);
    Attribution host = explainer.explain(f, x0, recording);
    double[] wDev = dev.values();
    double[] wCpu = host.values();
    double dist = 0;
    double norm = 0;
    for (int i = 0; i < d; i++) {
      dist += (wDev[i] - wCpu[i]) * (wDev[i] - wCpu[i]);
      norm += wCpu[i] * wCpu[i];
    }
    double interceptDifference = Double.NaN;
    double joint = dist;
    if (host.intercept().isPresent()) {
      double bCpu = host.intercept().getAsDouble();
      interceptDifference = Math.abs(dev.intercept().orElse(Double.NaN) - bCpu);
      joint += interceptDifference * interceptDifference;
      norm += bCpu * bCpu;
    }
    dist = Math.sqrt(dist);
    joint = Math.sqrt(joint);
    norm = Math.sqrt(norm);
    long n = explainer.samples();
    Tolerance tol;
    if (inst.loss() == Loss.GRADIENT_MATCHING) {
      if (recording.gradientRows() != n) {
        throw new IllegalStateException(name + ": " + recording.gradientRows()
            + " rows differentiated for " + n + " samples");
      }
      double[] jac = new double[d];
      inst.combination().jacobianDiagonal(x0, jac);
      tol = AgreementTolerance.gradient(inst, jac, recording.meanGradientBound(), n, norm);
    } else {
      FitSpectrum sp = FitSpectrum.of(explainer.sums(f, x0, cpu), inst.modelClass());
      tol = AgreementTolerance.squaredError(inst, sp, recording.maxValueBound(), d, n, norm);
    }
    return new AgreementRow(name, dist, interceptDifference, tol, joint <= tol.total());
  }
}
