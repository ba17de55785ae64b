package xcert.solvers.io;

import java.util.OptionalDouble;
import xcert.solvers.model.FeedForwardNetwork;

/**
 * A network as a file holds it: the network with all its outputs and its head, and the classifier
 * threshold the file names, if any (JSON files may; ONNX files do not).
 *
 * @param network the network
 * @param threshold the threshold written in the file
 * @param strict true when the file's rule is score &gt; t rather than score ≥ t
 */
public record NetworkFile(FeedForwardNetwork network, OptionalDouble threshold, boolean strict) {}
