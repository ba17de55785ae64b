package xcert.reductions.emajsat;

import java.util.PrimitiveIterator;
import xcert.solvers.count.ScaledUniformCounts;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.features.KSubsets;
import xcert.solvers.model.Circuit;

/**
 * Exact conditional model counts of a circuit under the uniform distribution on {0,1}^d, in
 * {@code long} arithmetic, for the many sets S that an exhaustive RELEVANT-INPUT check visits (seed
 * 003 Section 3): val = 2^d · P(Φ(y) = 1 | y_S = x_S) and the agreement variant, and every candidate
 * set of size at most k in the order of {@link GuessAndCount}.
 *
 * <p>The counting itself is {@link ScaledUniformCounts} (where the exactness argument is written out)
 * over the BDD that {@link WeightedModelCounter#bdd} compiles; this class only fixes how that BDD is
 * compiled and enumerates the candidate sets. The order is x1 &lt; x2 &lt; ... &lt; xd: the reduced
 * E-MAJSAT instances lay their blocks out consecutively, and on them this order gives smaller
 * diagrams than the FORCE heuristic and spares its cost (about a millisecond per compilation, more
 * than the compilation itself).
 *
 * <p>Instances are immutable once compiled and safe to share between threads.
 */
public final class UniformCounts {

  /** Largest dimension served: values up to 2^d must fit a long with room for one sum. */
  public static final int MAX_DIMENSION = ScaledUniformCounts.MAX_DIMENSION;

  /** Default ceiling on the BDD kernel's node table while compiling. */
  public static final int DEFAULT_NODE_LIMIT = 2_000_000;

  private final ScaledUniformCounts counts;

  private UniformCounts(ScaledUniformCounts counts) {
    this.counts = counts;
  }

  /** Compiles the first output of c with the default node limit. */
  public static UniformCounts compile(Circuit c) {
    return compile(c, DEFAULT_NODE_LIMIT);
  }

  /**
   * Compiles the first output of c.
   *
   * @param nodeLimit the largest node table the BDD kernel may grow to, see {@link
   *     WeightedModelCounter#bdd(Circuit, int, WeightedModelCounter.VariableOrder, int)}
   * @throws IllegalArgumentException when d &gt; {@value #MAX_DIMENSION}
   * @throws TooLargeException when the diagram needs more than nodeLimit nodes
   */
  public static UniformCounts compile(Circuit c, int nodeLimit) {
    ScaledUniformCounts.checkDimension(c.dimension());
    return new UniformCounts(ScaledUniformCounts.of(WeightedModelCounter.bdd(c, 0,
        WeightedModelCounter.VariableOrder.INPUT, nodeLimit)));
  }

  /** Number of inputs d. */
  public int dimension() {
    return counts.dimension();
  }

  /** Number of decision nodes of the diagram (0 for a constant). */
  public int size() {
    return counts.size();
  }

  /** Φ(x). */
  public boolean evaluate(boolean[] x) {
    return counts.evaluate(x);
  }

  /**
   * 2^d · P_{y uniform}(Φ(y) = 1 | y_S = x_S), bit i−1 of {@code mask} standing for feature i; this is
   * 2^{|S|} times the number of y ∈ {0,1}^d with y_S = x_S and Φ(y) = 1.
   */
  public long scaledProbability(boolean[] x, long mask) {
    return counts.scaledProbability(x, mask);
  }

  /**
   * 2^d · P_{y uniform}(Φ(y) = Φ(x) | y_S = x_S): the agreement probability of δ-relevance (seed 003
   * Section 3), scaled to an integer.
   */
  public long scaledAgreement(boolean[] x, long mask) {
    return counts.scaledAgreement(x, mask);
  }

  /** Receives one set and its scaled agreement probability. */
  @FunctionalInterface
  public interface SetVisitor {
    void visit(long mask, long scaledAgreement);
  }

  /**
   * Visits every S ⊆ [d] with |S| ≤ k, by size and then in the report order of {@link KSubsets}, with
   * 2^d · P(Φ(y) = Φ(x) | y_S = x_S). Returns the number of sets visited.
   */
  public long forEachSet(boolean[] x, int k, SetVisitor visitor) {
    if (k < 0) {
      throw new IllegalArgumentException("negative set size bound " + k);
    }
    ScaledUniformCounts.Cursor at = counts.at(x);
    int d = counts.dimension();
    long visited = 0;
    for (int s = 0; s <= Math.min(k, d); s++) {
      for (PrimitiveIterator.OfLong it = KSubsets.masks(d, s); it.hasNext(); ) {
        long mask = it.nextLong();
        visitor.visit(mask, at.scaledAgreement(mask));
        visited++;
      }
    }
    return visited;
  }

  @Override
  public String toString() {
    return "UniformCounts[d=" + dimension() + ", nodes=" + size() + "]";
  }
}
