package xcert.explainers.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterStreamTest {

  /**
   * Random123's known-answer vectors for Philox4x32 with 10 rounds: the three lines beginning
   * "philox4x32 10" of the file tests/kat_vectors of the Random123 distribution (D. E. Shaw
   * Research, github.com/DEShawResearch/random123, release 1.14.0). Each line is the counter
   * (4 words), the key (2 words), then the expected output (4 words), in hexadecimal.
   */
  private static final int[][] KAT = {
      {0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
          0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
      {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
          0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
      {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
          0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}};

  @Test
  void philoxMatchesRandom123KnownAnswers() {
    for (int[] v : KAT) {
      int[] out = new int[4];
      CounterStream.philox(v[0], v[1], v[2], v[3], v[4], v[5], out);
      assertArrayEquals(new int[] {v[6], v[7], v[8], v[9]}, out);
    }
  }

  /**
   * The stream's layout on the all-zero vector: seed 0 is key (0, 0) and sample 0, block 0 is the
   * counter (0, 0, 0, 0), so uniform 0 is built from the first two output words and uniform 1 from
   * the last two, as (2·u52 + 1)·2^−53 with u52 = (a·2^20) | (b &gt;&gt; 12).
   */
  @Test
  void streamLayoutOnTheZeroVector() {
    CounterStream s = new CounterStream(0);
    int[] w = new int[4];
    s.block(0, 0, w);
    assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, w);
    long u0 = (0x6627e8d5L << 20) | (0xe169c58dL >>> 12);
    long u1 = (0xbc57ac4cL << 20) | (0x9b00dbd8L >>> 12);
    assertEquals((2 * u0 + 1) / Math.pow(2, 53), s.uniform(0L, 0), 0.0);
    assertEquals((2 * u1 + 1) / Math.pow(2, 53), s.uniform(0L, 1), 0.0);
    double r = Math.sqrt(-2 * Math.log((2 * u0 + 1) / Math.pow(2, 53)));
    double theta = 2 * Math.PI * ((2 * u1 + 1) / Math.pow(2, 53));
    assertEquals(r * Math.cos(theta), s.normal(0L, 0), 0.0);
    assertEquals(r * Math.sin(theta), s.normal(0L, 1), 0.0);
  }

  /** The key is (low, high) 32 bits of the seed and the counter (low, high) bits of i, then c. */
  @Test
  void keyAndCounterWords() {
    long seed = 0x299f31d0_a4093822L;
    long i = 0x05a308d3_243f6a88L;
    int[] got = new int[4];
    int[] want = new int[4];
    new CounterStream(seed).block(i, 0x13198a2e, got);
    CounterStream.philox(0x243f6a88, 0x05a308d3, 0x13198a2e, 0, 0xa4093822, 0x299f31d0, want);
    assertArrayEquals(want, got);
    assertThrows(IllegalArgumentException.class, () -> new CounterStream(1).block(-1, 0, got));
    assertThrows(IllegalArgumentException.class, () -> new CounterStream(1).uniform(0L, -1));
  }

  /** Uniforms are odd multiples of 2^−53, hence in (0, 1) and never 1/2. */
  @Test
  void uniformsAreOddMultiplesOfTwoToTheMinus53() {
    CounterStream s = new CounterStream(12345);
    for (long i = 0; i < 2000; i++) {
      for (int k = 0; k < 5; k++) {
        double u = s.uniform(i, k);
        assertTrue(u > 0 && u < 1, "u = " + u);
        double scaled = u * 0x1p53;
        assertEquals(Math.rint(scaled), scaled, 0.0);
        assertEquals(1L, ((long) scaled) & 1L, "u·2^53 is odd");
      }
    }
    // The extreme words give the extreme values 2^−53 and 1 − 2^−53.
    assertEquals(0x1p-53, CounterStream.uniformOf(0, 0), 0.0);
    assertEquals(1 - 0x1p-53, CounterStream.uniformOf(-1, -1), 0.0);
  }

  @Test
  void aPureFunctionOfSeedAndIndex() {
    CounterStream a = new CounterStream(7);
    CounterStream b = new CounterStream(7);
    double[] bulk = new double[9];
    double[] normals = new double[9];
    a.uniforms(31, 3, 9, bulk);
    a.normals(31, 3, 9, normals);
    for (int j = 0; j < 9; j++) {
      assertEquals(b.uniform(31, 3 + j), bulk[j], 0.0);
      assertEquals(b.normal(31, 3 + j), normals[j], 0.0);
    }
    // Drawing other samples first changes nothing.
    double before = a.uniform(1000, 4);
    for (long i = 0; i < 100; i++) {
      a.uniform(i, 0);
    }
    assertEquals(before, a.uniform(1000, 4), 0.0);
    assertNotEquals(a.uniform(1000, 4), new CounterStream(8).uniform(1000, 4));
    assertNotEquals(a.uniform(1000, 4), a.uniform(1001, 4));
    assertNotEquals(a.uniform(1000, 4), a.uniform(1000, 5));
  }

  /**
   * Sample mean and variance of N = 10^5 uniforms against 1/2 and 1/12, within 5 standard errors:
   * σ/√N with σ² = 1/12 for the mean, and √(Var(U − 1/2)² / N) = √((1/80 − 1/144)/N) for the variance
   * (E(U − 1/2)^4 = 1/80). A correct generator fails one with probability about 6e-7 (normal
   * approximation); the seed is fixed.
   */
  @Test
  void uniformsHaveTheRightMeanAndVariance() {
    CounterStream s = new CounterStream(20240611L);
    int n = 100_000;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double u = s.uniform((long) (i / 4), i % 4);
      sum += u;
      sq += (u - 0.5) * (u - 0.5);
    }
    double mean = sum / n;
    assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / n));
    assertEquals(1.0 / 12, sq / n, 5 * Math.sqrt((1.0 / 80 - 1.0 / 144) / n));
  }

  /**
   * Sample mean and second moment of N = 10^5 normals (both members of each Box–Muller pair) against
   * 0 and 1, within 5 standard errors: 1/√N for the mean and √(2/N) for E z² (Var z² = 2). The
   * product of the pair's members has mean 0 and variance 1, so its mean is also held to 5/√(N/2).
   */
  @Test
  void normalsHaveTheRightMoments() {
    CounterStream s = new CounterStream(99);
    int n = 100_000;
    double sum = 0;
    double sq = 0;
    double cross = 0;
    for (int i = 0; i < n / 2; i++) {
      double z0 = s.normal(i, 0);
      double z1 = s.normal(i, 1);
      sum += z0 + z1;
      sq += z0 * z0 + z1 * z1;
      cross += z0 * z1;
    }
    assertEquals(0, sum / n, 5 / Math.sqrt(n));
    assertEquals(1, sq / n, 5 * Math.sqrt(2.0 / n));
    assertEquals(0, cross / (n / 2), 5 / Math.sqrt(n / 2.0));
  }
}
