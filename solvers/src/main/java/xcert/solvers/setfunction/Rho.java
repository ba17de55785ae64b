package xcert.solvers.setfunction;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The distance ρ used by Δsuf, Δnec and Δuni (seed 004 Definitions 2.1 and 2.2): |a − b| by default,
 * or the squared distance (a − b)². Only {@link #ABS} is a metric; the seed's Lemma 4.2, Theorem 4.1
 * and Theorem 5.1 assume a metric (their proofs use the triangle inequality).
 */
public enum Rho {
  ABS("abs", true),
  SQUARED("sq", false);

  private final String flag;
  private final boolean metric;

  Rho(String flag, boolean metric) {
    this.flag = flag;
    this.metric = metric;
  }

  /** The command-line name: "abs" or "sq". */
  public String flag() {
    return flag;
  }

  /** True when ρ satisfies the triangle inequality. */
  public boolean isMetric() {
    return metric;
  }

  public double apply(double a, double b) {
    double t = a - b;
    return this == ABS ? Math.abs(t) : t * t;
  }

  /** ρ(a, b) in exact arithmetic. */
  public BigFraction apply(BigFraction a, BigFraction b) {
    BigFraction t = a.subtract(b);
    return this == ABS ? t.abs() : t.multiply(t);
  }

  /** Parses "abs" or "sq"/"squared"; null when neither. */
  public static Rho parse(String s) {
    return switch (s) {
      case "abs" -> ABS;
      case "sq", "squared" -> SQUARED;
      default -> null;
    };
  }
}
