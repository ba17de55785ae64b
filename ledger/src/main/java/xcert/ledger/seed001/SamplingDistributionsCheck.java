package xcert.ledger.seed001;

import java.util.List;
import xcert.explainers.backend.CounterStream;
import xcert.explainers.lfa.Neighbourhood;
import xcert.explainers.lfa.Noises;
import xcert.ledger.CheckContext;
import xcert.ledger.ClaimCheck;
import xcert.ledger.Finding;

/**
 * Seed 001 Section 4.2 and Section 5: GLIME-Gauss N(0, σ²I), -Laplace, -Uniform, with the
 * variance-matched Laplace(0, σ/√2) and Uni([−√3σ, √3σ]^d) of Section 5. Exact: Var Laplace(0, b)
 * = 2b² and Var Uni[−c, c] = c²/3, so both equal σ². Sampled: the library's samplers
 * ({@link Noises#gaussian}, {@link Noises#laplace}, {@link Noises#uniformBox}) at those parameters,
 * n·d draws; the sample variance within a Chebyshev tolerance √(Var(ξ²)/(nd·δ)), δ = 1e−3, of σ²
 * (Var(ξ²) = 2σ⁴, 5σ⁴, 4σ⁴/5), and the sample mean within √(σ²/(nd·δ)) of 0.
 */
public final class SamplingDistributionsCheck implements ClaimCheck {

  @Override
  public List<String> ids() {
    return List.of("001-§4.2-P");
  }

  @Override
  public List<Finding> run(CheckContext ctx) {
    double sigma = 0.7;
    int d = 8;
    long n = ctx.full() ? 200_000 : 20_000;
    double delta = 1e-3;
    Neighbourhood[] z = {Noises.gaussian(sigma), Noises.laplace(sigma / Math.sqrt(2)),
        Noises.uniformBox(Math.sqrt(3) * sigma)};
    double[] fourth = {2, 5, 0.8};
    String[] names = {"Gauss", "Laplace(σ/√2)", "Uniform(√3σ)"};
    boolean ok = true;
    StringBuilder ev = new StringBuilder("exact: 2(σ/√2)² = σ², (√3σ)²/3 = σ²; ");
    double s2 = sigma * sigma;
    for (int j = 0; j < z.length; j++) {
      CounterStream s = new CounterStream(ctx.seed() + j);
      double[] xi = new double[d];
      double sum = 0;
      double sq = 0;
      for (long i = 0; i < n; i++) {
        z[j].sample(s, i, xi);
        for (double v : xi) {
          sum += v;
          sq += v * v;
        }
      }
      double cnt = (double) n * d;
      double mean = sum / cnt;
      double var = sq / cnt;
      double tolV = Math.sqrt(fourth[j] * s2 * s2 / (cnt * delta));
      double tolM = Math.sqrt(s2 / (cnt * delta));
      boolean here = Math.abs(var - s2) <= tolV && Math.abs(mean) <= tolM;
      ok &= here;
      ev.append(names[j]).append(": E ξ² ≈ ").append(Grid.fmt(var)).append(" (σ² = ")
          .append(Grid.fmt(s2)).append(" ± ").append(Grid.fmt(tolV)).append("), mean ")
          .append(Grid.fmt(mean)).append(" (± ").append(Grid.fmt(tolM)).append("); ");
    }
    ev.append("note: Methods' glime-laplace/-uniform take σ as the Laplace scale and the box "
        + "half-width (Section 4.2's parametrisation), so the Section 5 comparison needs σ/√2 and "
        + "√3σ passed explicitly");
    return List.of(Finding.measured("001-§4.2-P", ok, "second moment within √(Var(ξ²)/(nd·δ)) of "
        + "σ² and mean within √(σ²/(nd·δ)) of 0, δ = 1e−3 (Chebyshev)", "Noises.gaussian(σ), "
        + "laplace(σ/√2), uniformBox(√3σ), σ = " + sigma + ", d = " + d + ", n = " + n + ", "
        + "CounterStream seeds " + ctx.seed() + "+j", ev.toString()));
  }
}
