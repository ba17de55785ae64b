package xcert.solvers.result;

/**
 * How a result was obtained, carried by every result so that a user can tell a proof from an
 * estimate.
 *
 * @param kind exact rational arithmetic, complete enumeration in float64, certified, or sampled
 * @param method the algorithm, e.g. "butterfly over the product grid, O(d·2^d)"
 * @param samples the number of samples n for sampled results, else 0
 * @param seed the random seed for sampled results, else 0
 * @param tolerance the stated tolerance and the bound it comes from, for sampled results, else ""
 */
public record Provenance(Kind kind, String method, long samples, long seed, String tolerance) {

  /** The ways a number can be obtained. */
  public enum Kind {
    /** Exact rational arithmetic, no rounding anywhere. */
    EXACT,
    /** Every point enumerated, but the model's outputs are float64 and so is the arithmetic. */
    ENUMERATED_FLOAT64,
    /** A bound proved by a certificate checked in exact arithmetic. */
    CERTIFIED,
    /** Estimated from n random samples with a seed, within a stated tolerance. */
    SAMPLED,
    /**
     * The output of a heuristic (a relaxation solved by local optimisation, a moment approximation)
     * that carries no error bound; any seed and sample count are recorded.
     */
    HEURISTIC
  }

  public static Provenance exact(String method) {
    return new Provenance(Kind.EXACT, method, 0, 0, "");
  }

  public static Provenance float64(String method) {
    return new Provenance(Kind.ENUMERATED_FLOAT64, method, 0, 0, "");
  }

  /** A heuristic result: no error bound; samples and seed where it drew any (else 0). */
  public static Provenance heuristic(String method, long samples, long seed) {
    return new Provenance(Kind.HEURISTIC, method, samples, seed, "none (no error bound)");
  }

  /** True for exact and certified results. */
  public boolean isExact() {
    return kind == Kind.EXACT || kind == Kind.CERTIFIED;
  }

  /** The same provenance with a different method text. */
  public Provenance withMethod(String m) {
    return new Provenance(kind, m, samples, seed, tolerance);
  }

  /** One line for tables: "exact (rational): method". */
  public String describe() {
    return switch (kind) {
      case EXACT -> "exact (rational arithmetic): " + method;
      case ENUMERATED_FLOAT64 -> "complete enumeration, float64 arithmetic (not exact): " + method;
      case CERTIFIED -> "certified (checked in exact arithmetic): " + method;
      case SAMPLED -> "sampled, n=" + samples + ", seed=" + seed + ", tolerance " + tolerance + ": "
          + method;
      case HEURISTIC -> "heuristic, no error bound" + (samples > 0 ? ", n=" + samples : "")
          + (samples > 0 ? ", seed=" + seed : "") + ": " + method;
    };
  }
}
