package xcert.solvers.stream;

/**
 * One game of a stream: the players (the features that move, in increasing order), the value each
 * takes when it does not agree with x, the class of each player in its {@link WeightGroup}, and how
 * many times the game counts (a background row's multiplicity). Its 2^m inputs are enumerated by
 * agreement bits: bit t of an input's number is 1 when player t takes x's value. Bits 0..k−1 vary
 * inside a block, bits k..m−1 number the blocks.
 */
final class StreamPart {

  final int[] players;
  final double[] x;
  final double[] alt;
  final int group;
  final long multiplicity;
  /** State increment of each player: the radix of its class in its group. */
  final int[] step;
  final int blockBits;

  StreamPart(int[] players, double[] x, double[] alt, int group, long multiplicity, int[] step,
      int blockBits) {
    this.players = players.clone();
    this.x = x.clone();
    this.alt = alt.clone();
    this.group = group;
    this.multiplicity = multiplicity;
    this.step = step.clone();
    this.blockBits = blockBits;
  }

  int m() {
    return players.length;
  }

  long blocks() {
    return 1L << (players.length - blockBits);
  }

  /** The agreement state offset contributed by the block's high bits. */
  int highOffset(long block) {
    int o = 0;
    for (int t = blockBits; t < players.length; t++) {
      if (((block >>> (t - blockBits)) & 1) != 0) {
        o += step[t];
      }
    }
    return o;
  }
}
