package xcert.explainers.backend;

/**
 * The counter-based random stream of the sampled explainers: sample i's random numbers are a pure
 * function of (seed, i), so a host and a device (which draws the samples itself, {@link LfaPlan})
 * draw bit-identical uniforms, and samples can be drawn in any order or in parallel. This class is
 * the contract the device code implements; every step below is exact.
 *
 * <p><b>Generator.</b> Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as
 * easy as 1, 2, 3", SC'11, Section 4; the Random123 library), on unsigned 32-bit words with
 * M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85. One round on the counter
 * (c0, c1, c2, c3) with key (k0, k1): (hi0, lo0) = the high and low 32 bits of the 64-bit product
 * M0·c0, (hi1, lo1) = those of M1·c2, and the new counter is
 * (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0). The 10 rounds are: one round with the key, then nine
 * times: bump the key (k0 += W0, k1 += W1, mod 2^32), then one round. The output is the final
 * counter (w0, w1, w2, w3) ({@link #philox}).
 *
 * <p><b>Stream.</b> The key is (low 32 bits of the seed, high 32 bits of the seed). Block c ≥ 0 of
 * sample i ≥ 0 is Philox applied to the counter (low 32 bits of i, high 32 bits of i, c, 0)
 * ({@link #block}).
 *
 * <p><b>Uniform k of sample i</b> ({@link #uniform}): block c = ⌊k/2⌋; the words (a, b) = (w0, w1)
 * for even k, (w2, w3) for odd k; u52 = (a · 2^20) | (b &gt;&gt; 12), a 52-bit unsigned integer
 * (a, b unsigned); the uniform is (2·u52 + 1) · 2^−53, computed in double precision as
 * {@code (double) (2 * u52 + 1) * 0x1p-53}. Both steps are exact, so it is an odd multiple of
 * 2^−53 in (0, 1): never 0, 1 or 1/2.
 *
 * <p><b>Normal k of sample i</b> ({@link #normal}, Box–Muller): block c = ⌊k/2⌋; u0 from (w0, w1)
 * and u1 from (w2, w3) of that block as above; r = {@code Math.sqrt(-2 * Math.log(u0))},
 * θ = {@code 2 * Math.PI * u1}; the normal is r·{@code Math.cos(θ)} for even k and
 * r·{@code Math.sin(θ)} for odd k. (The uniforms are exact; log, cos and sin are correct to within
 * an ulp or so, on a device as on the host.)
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class CounterStream {

  /** The Philox4x32 multipliers and Weyl key increments (Salmon et al., Section 4; Random123). */
  static final int M0 = 0xD2511F53;
  static final int M1 = 0xCD9E8D57;
  static final int W0 = 0x9E3779B9;
  static final int W1 = 0xBB67AE85;

  /** Philox4x32's number of rounds. */
  public static final int ROUNDS = 10;

  private static final long MASK = 0xFFFF_FFFFL;

  private final long seed;
  private final int k0;
  private final int k1;

  /** The stream keyed by seed: key (low 32 bits, high 32 bits). */
  public CounterStream(long seed) {
    this.seed = seed;
    this.k0 = (int) seed;
    this.k1 = (int) (seed >>> 32);
  }

  public long seed() {
    return seed;
  }

  /**
   * Philox4x32-10 of the counter (c0, c1, c2, c3) under the key (k0, k1), into out[0..3] (words as
   * Java ints holding unsigned 32-bit values).
   */
  public static void philox(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
    for (int r = 0; r < ROUNDS; r++) {
      if (r > 0) {
        k0 += W0;
        k1 += W1;
      }
      long p0 = (M0 & MASK) * (c0 & MASK);
      long p1 = (M1 & MASK) * (c2 & MASK);
      int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
      int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
      c1 = (int) p1;
      c3 = (int) p0;
      c0 = n0;
      c2 = n2;
    }
    out[0] = c0;
    out[1] = c1;
    out[2] = c2;
    out[3] = c3;
  }

  /** Block c of sample i: the four words w0..w3 into out[0..3]. */
  public void block(long i, int c, int[] out) {
    if (i < 0 || c < 0) {
      throw new IllegalArgumentException("sample index and block must be non-negative, got i = "
          + i + ", c = " + c);
    }
    philox((int) i, (int) (i >>> 32), c, 0, k0, k1, out);
  }

  /** The uniform (2·u52 + 1)·2^−53 of the word pair (a, b); see the class comment. */
  public static double uniformOf(int a, int b) {
    long u52 = ((a & MASK) << 20) | ((b & MASK) >>> 12);
    return (double) (2 * u52 + 1) * 0x1p-53;
  }

  /** Uniform k ≥ 0 of sample i, in (0, 1). */
  public double uniform(long i, int k) {
    int[] w = new int[4];
    block(i, checkK(k) >>> 1, w);
    return (k & 1) == 0 ? uniformOf(w[0], w[1]) : uniformOf(w[2], w[3]);
  }

  /** Normal k ≥ 0 of sample i (Box–Muller on the block ⌊k/2⌋; see the class comment). */
  public double normal(long i, int k) {
    int[] w = new int[4];
    block(i, checkK(k) >>> 1, w);
    return normalOf(w, (k & 1) == 1);
  }

  /** Box–Muller on one block's words: r·cos θ, or r·sin θ when {@code odd}. */
  public static double normalOf(int[] w, boolean odd) {
    double u0 = uniformOf(w[0], w[1]);
    double u1 = uniformOf(w[2], w[3]);
    double r = Math.sqrt(-2 * Math.log(u0));
    double theta = 2 * Math.PI * u1;
    return odd ? r * Math.sin(theta) : r * Math.cos(theta);
  }

  /** Uniforms from .. from + count − 1 of sample i into out[0 .. count − 1]. */
  public void uniforms(long i, int from, int count, double[] out) {
    checkK(from);
    int[] w = new int[4];
    int current = -1;
    for (int j = 0; j < count; j++) {
      int k = from + j;
      if (k >>> 1 != current) {
        current = k >>> 1;
        block(i, current, w);
      }
      out[j] = (k & 1) == 0 ? uniformOf(w[0], w[1]) : uniformOf(w[2], w[3]);
    }
  }

  /** Normals from .. from + count − 1 of sample i into out[0 .. count − 1]. */
  public void normals(long i, int from, int count, double[] out) {
    checkK(from);
    int[] w = new int[4];
    int current = -1;
    double r = 0;
    double theta = 0;
    for (int j = 0; j < count; j++) {
      int k = from + j;
      if (k >>> 1 != current) {
        current = k >>> 1;
        block(i, current, w);
        r = Math.sqrt(-2 * Math.log(uniformOf(w[0], w[1])));
        theta = 2 * Math.PI * uniformOf(w[2], w[3]);
      }
      out[j] = (k & 1) == 0 ? r * Math.cos(theta) : r * Math.sin(theta);
    }
  }

  private static int checkK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("the number's position k must be non-negative, got " + k);
    }
    return k;
  }
}
