package xcert.solvers.model;

/**
 * Evaluates a {@link Circuit} on 64 inputs per {@code long} word, a block of words at a time: word w
 * of feature i holds x_{i+1} for 64 different inputs, and the result word holds the 64 outputs. The
 * gate dispatch is paid once per node and block, not per input. Not thread-safe: one per thread.
 */
public final class BitSlicedEvaluator {

  /** Words per block: the scratch is nodes × BLOCK longs, small enough for a core's cache. */
  public static final int BLOCK = 32;

  private static final byte INPUT = 0;
  private static final byte FALSE = 1;
  private static final byte TRUE = 2;
  private static final byte NOT = 3;
  private static final byte AND = 4;
  private static final byte OR = 5;
  private static final byte XOR = 6;

  private final int d;
  private final byte[] op;
  private final int[] childStart;
  private final int[] childList;
  private final int output;
  private final long[] vals;

  /** An evaluator of output k of the circuit. */
  public BitSlicedEvaluator(Circuit c, int k) {
    this.d = c.dimension();
    int n = c.nodeCount();
    this.op = new byte[n];
    this.childStart = new int[n + 1];
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += c.childrenUnsafe(i).length;
    }
    this.childList = new int[total];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      op[i] = switch (c.op(i)) {
        case INPUT -> INPUT;
        case FALSE -> FALSE;
        case TRUE -> TRUE;
        case NOT -> NOT;
        case AND -> AND;
        case OR -> OR;
        case XOR -> XOR;
      };
      childStart[i] = pos;
      for (int ch : c.childrenUnsafe(i)) {
        childList[pos++] = ch;
      }
    }
    childStart[n] = pos;
    this.output = c.outputNode(k);
    this.vals = new long[n * BLOCK];
  }

  /**
   * Evaluates {@code words} (at most {@link #BLOCK}) words. {@code inputs[i * BLOCK + w]} is word w of
   * feature i+1; {@code out[outOffset + w]} receives the output word.
   */
  public void evaluate(long[] inputs, int words, long[] out, int outOffset) {
    if (words > BLOCK) {
      throw new IllegalArgumentException("at most " + BLOCK + " words per call");
    }
    final long[] v = vals;
    System.arraycopy(inputs, 0, v, 0, d * BLOCK);
    for (int n = d; n < op.length; n++) {
      final int base = n * BLOCK;
      final int cs = childStart[n];
      final int ce = childStart[n + 1];
      switch (op[n]) {
        case FALSE -> {
          for (int w = 0; w < words; w++) {
            v[base + w] = 0L;
          }
        }
        case TRUE -> {
          for (int w = 0; w < words; w++) {
            v[base + w] = -1L;
          }
        }
        case NOT -> {
          final int a = childList[cs] * BLOCK;
          for (int w = 0; w < words; w++) {
            v[base + w] = ~v[a + w];
          }
        }
        case AND -> {
          if (cs == ce) {
            for (int w = 0; w < words; w++) {
              v[base + w] = -1L;
            }
          } else {
            final int a = childList[cs] * BLOCK;
            System.arraycopy(v, a, v, base, words);
            for (int c = cs + 1; c < ce; c++) {
              final int b = childList[c] * BLOCK;
              for (int w = 0; w < words; w++) {
                v[base + w] &= v[b + w];
              }
            }
          }
        }
        case OR -> {
          if (cs == ce) {
            for (int w = 0; w < words; w++) {
              v[base + w] = 0L;
            }
          } else {
            final int a = childList[cs] * BLOCK;
            System.arraycopy(v, a, v, base, words);
            for (int c = cs + 1; c < ce; c++) {
              final int b = childList[c] * BLOCK;
              for (int w = 0; w < words; w++) {
                v[base + w] |= v[b + w];
              }
            }
          }
        }
        case XOR -> {
          for (int w = 0; w < words; w++) {
            v[base + w] = 0L;
          }
          for (int c = cs; c < ce; c++) {
            final int b = childList[c] * BLOCK;
            for (int w = 0; w < words; w++) {
              v[base + w] ^= v[b + w];
            }
          }
        }
        default -> throw new AssertionError("input node after the inputs: " + n);
      }
    }
    System.arraycopy(v, output * BLOCK, out, outOffset, words);
  }
}
