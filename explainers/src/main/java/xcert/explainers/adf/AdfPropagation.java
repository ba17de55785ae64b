package xcert.explainers.adf;

import java.util.ArrayList;
import java.util.List;
import xcert.solvers.model.ReluNetwork;

/**
 * Assumed density filtering through a ReLU network's score Φ(x) = W_L ρ(… ρ(W_1 x + b_1) …) + b_L
 * (seed 003 Sections 4.1 and 4.3; a classifier's threshold is ignored): {@link AffineRule} (Eq. (5))
 * and {@link ReluRule} (Eq. (6) and [8, Eq. 10]) alternately, layer by layer, from the moments of
 * the input. Every intermediate layer is kept, for comparisons and for the backward pass of RDE.
 */
public final class AdfPropagation {

  private AdfPropagation() {}

  /**
   * The trace of the network on an input with the given moments.
   *
   * @param pre pre[l]: the moments of W_{l+1} a_l + b_{l+1}, l = 0..L−1 (the last is the output)
   * @param post post[l]: the moments of a_{l+1} = ρ(pre[l]), l = 0..L−2
   */
  public record Trace(Moments input, List<Moments> pre, List<Moments> post) {

    public Trace {
      pre = List.copyOf(pre);
      post = List.copyOf(post);
    }

    /** The moments of the score (dimension 1). */
    public Moments output() {
      return pre.get(pre.size() - 1);
    }

    /** The input of layer l (0-based): the network input for l = 0, else post[l−1]. */
    public Moments layerInput(int l) {
      return l == 0 ? input : post.get(l - 1);
    }
  }

  public static Trace propagate(ReluNetwork net, Moments input) {
    if (input.dimension() != net.dimension()) {
      throw new IllegalArgumentException("moments of dimension " + input.dimension() + " for a "
          + net.dimension() + "-input network");
    }
    List<Moments> pre = new ArrayList<>();
    List<Moments> post = new ArrayList<>();
    Moments a = input;
    for (int l = 0; l < net.layerCount(); l++) {
      Moments z = AffineRule.apply(net, l, a);
      pre.add(z);
      if (l < net.layerCount() - 1) {
        a = ReluRule.apply(z);
        post.add(a);
      }
    }
    return new Trace(input, pre, post);
  }
}
