package xcert.solvers.stream;

/** Counts one block of a stream into the counts of its group. One per thread: not thread-safe. */
interface BlockCounter {

  /** Adds the counts of block {@code block} of {@code part} to {@code sink}. */
  void count(StreamPart part, long block, StreamCounts sink);

  /**
   * Evaluates the model on the block's inputs and nothing else: the evaluation floor of the
   * benchmark. Returns a checksum of the values, so that the work cannot be skipped.
   */
  long evaluateOnly(StreamPart part, long block);
}
