package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.numbers.fraction.BigFraction;
import xcert.solvers.model.Circuit;

/**
 * P(Φ(y) = 1) for y drawn from a product distribution (input i is 1 with probability p_i), exactly,
 * by decomposing the circuit before compiling anything:
 *
 * <ol>
 *   <li>a gate whose children have pairwise disjoint input supports combines its children's
 *       probabilities directly: their values are independent, so P(AND) = Π P, P(OR) = 1 − Π (1 − P),
 *       and XOR folds P(a ⊕ b) = P(a)(1 − P(b)) + P(b)(1 − P(a));
 *   <li>otherwise, inside the gate's cone, every fanout-free tree (a node each of whose children is an
 *       input or such a tree, and is read by that node alone) depends on inputs that nothing else in the
 *       cone reads; its value is therefore independent of everything outside it, and it is replaced by
 *       one fresh variable carrying its own probability (computed by step 1, since a tree's children
 *       have disjoint supports). The rest is compiled into a BDD ({@link WeightedModelCounter}) over
 *       those variables and the remaining inputs.
 * </ol>
 *
 * <p>Both steps only ever combine independent quantities, so the result is the exact probability; on
 * a circuit with no such structure it is one BDD over all inputs. For circuits built from a CNF by
 * substitution, such as the instances Φ'(u, v) = Φ(∧_j u^(j)) ∨ ∧_i v_i of seed 003 Lemma 3.6, the BDD
 * is over the CNF's variables only, however many copies and v-inputs there are.
 */
public final class ModularCounter {

  private final Circuit c;
  private final BigFraction[] p;
  private final Map<Integer, BigFraction> memo = new HashMap<>();

  private ModularCounter(Circuit c, BigFraction[] p) {
    this.c = c;
    this.p = p;
  }

  /** P(output k = 1) under independent inputs with P(x_i = 1) = p[i]. */
  public static BigFraction probability(Circuit c, int k, BigFraction[] p) {
    if (p.length != c.dimension()) {
      throw new IllegalArgumentException("expected " + c.dimension() + " probabilities, got "
          + p.length);
    }
    return new ModularCounter(c, p).prob(c.outputNode(k));
  }

  /** P(output k = 1 | y_S = x_S) under the product distribution p. */
  public static BigFraction conditional(Circuit c, int k, BigFraction[] p, boolean[] x,
      FeatureSet s) {
    BigFraction[] q = p.clone();
    for (int f : s.features()) {
      q[f - 1] = x[f - 1] ? BigFraction.ONE : BigFraction.ZERO;
    }
    return probability(c, k, q);
  }

  private BigFraction prob(int n) {
    BigFraction known = memo.get(n);
    if (known != null) {
      return known;
    }
    int[] ch = c.children(n);
    BigFraction r = switch (c.op(n)) {
      case INPUT -> p[n];
      case TRUE -> BigFraction.ONE;
      case FALSE -> BigFraction.ZERO;
      case NOT -> BigFraction.ONE.subtract(prob(ch[0]));
      default -> disjointSupports(ch) ? combine(c.op(n), ch) : viaBdd(n);
    };
    memo.put(n, r);
    return r;
  }

  private BigFraction combine(Circuit.Op op, int[] ch) {
    if (op == Circuit.Op.XOR) {
      BigFraction acc = BigFraction.ZERO;
      for (int x : ch) {
        BigFraction px = prob(x);
        acc = acc.multiply(BigFraction.ONE.subtract(px))
            .add(px.multiply(BigFraction.ONE.subtract(acc)));
      }
      return acc;
    }
    // AND: product of P(child); OR: 1 − product of (1 − P(child)); a balanced product tree keeps a
    // gate with hundreds of thousands of children near-linear
    BigFraction[] factors = new BigFraction[ch.length];
    for (int k = 0; k < ch.length; k++) {
      BigFraction px = prob(ch[k]);
      factors[k] = op == Circuit.Op.AND ? px : BigFraction.ONE.subtract(px);
    }
    BigFraction product = product(factors, 0, factors.length);
    return op == Circuit.Op.OR ? BigFraction.ONE.subtract(product) : product;
  }

  private static BigFraction product(BigFraction[] f, int from, int to) {
    if (to - from == 0) {
      return BigFraction.ONE;
    }
    if (to - from == 1) {
      return f[from];
    }
    int mid = (from + to) >>> 1;
    return product(f, from, mid).multiply(product(f, mid, to));
  }

  /** True when no input lies in the supports of two different children. */
  private boolean disjointSupports(int[] ch) {
    Map<Integer, Integer> owner = new HashMap<>();
    for (int k = 0; k < ch.length; k++) {
      for (int in : support(ch[k])) {
        Integer prev = owner.put(in, k);
        if (prev != null && prev != k) {
          return false;
        }
      }
    }
    return true;
  }

  private final Map<Integer, int[]> supports = new HashMap<>();

  /** The inputs a node depends on structurally. */
  private int[] support(int n) {
    int[] s = supports.get(n);
    if (s != null) {
      return s;
    }
    if (c.op(n) == Circuit.Op.INPUT) {
      return new int[] {n};
    }
    BitSet seen = new BitSet();
    BitSet inputs = new BitSet();
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(n);
    while (!stack.isEmpty()) {
      int x = stack.pop();
      if (seen.get(x)) {
        continue;
      }
      seen.set(x);
      if (c.op(x) == Circuit.Op.INPUT) {
        inputs.set(x);
      }
      for (int y : c.children(x)) {
        stack.push(y);
      }
    }
    s = inputs.stream().toArray();
    supports.put(n, s);
    return s;
  }

  /** Collapses fanout-free trees of n's cone into variables and compiles the rest as a BDD. */
  private BigFraction viaBdd(int root) {
    // the cone of root in post-order (children before parents), each node once
    List<Integer> cone = new ArrayList<>();
    BitSet seen = new BitSet();
    Deque<int[]> stack = new ArrayDeque<>();
    stack.push(new int[] {root, 0});
    seen.set(root);
    while (!stack.isEmpty()) {
      int[] top = stack.peek();
      int[] ch = c.children(top[0]);
      if (top[1] < ch.length) {
        int next = ch[top[1]++];
        if (!seen.get(next)) {
          seen.set(next);
          stack.push(new int[] {next, 0});
        }
      } else {
        stack.pop();
        cone.add(top[0]);
      }
    }
    Map<Integer, Integer> parentsInCone = new HashMap<>();
    for (int x : cone) {
      for (int y : c.children(x)) {
        parentsInCone.merge(y, 1, Integer::sum);
      }
    }
    // fanout-free trees: every child is an input or a tree, read by this node only
    BitSet tree = new BitSet();
    for (int x : cone) {
      boolean isTree = x != root && c.op(x) != Circuit.Op.INPUT;
      if (isTree) {
        for (int y : c.children(x)) {
          isTree &= parentsInCone.getOrDefault(y, 0) == 1
              && (c.op(y) == Circuit.Op.INPUT || tree.get(y));
        }
      }
      if (isTree) {
        tree.set(x);
      }
    }
    // the BDD's variables: trees and inputs read by a node that is not a tree
    Map<Integer, Integer> varOf = new HashMap<>();
    List<BigFraction> probs = new ArrayList<>();
    for (int y : cone) {
      if (tree.get(y) || c.op(y) == Circuit.Op.INPUT) {
        continue;
      }
      for (int x : c.children(y)) {
        if ((tree.get(x) || c.op(x) == Circuit.Op.INPUT) && !varOf.containsKey(x)) {
          varOf.put(x, probs.size());
          probs.add(prob(x));
        }
      }
    }
    // rebuild the part that is not a tree over those variables
    Circuit.Builder b = Circuit.builder(probs.size());
    Map<Integer, Integer> nodeOf = new HashMap<>();
    for (Map.Entry<Integer, Integer> e : varOf.entrySet()) {
      nodeOf.put(e.getKey(), b.input(e.getValue() + 1));
    }
    for (int x : cone) {
      if (nodeOf.containsKey(x) || c.op(x) == Circuit.Op.INPUT || tree.get(x)) {
        continue;
      }
      int[] ch = c.children(x);
      int[] mapped = new int[ch.length];
      for (int k = 0; k < ch.length; k++) {
        mapped[k] = nodeOf.get(ch[k]);
      }
      nodeOf.put(x, switch (c.op(x)) {
        case TRUE -> b.constant(true);
        case FALSE -> b.constant(false);
        case NOT -> b.not(mapped[0]);
        default -> b.gate(c.op(x), mapped);
      });
    }
    Circuit reduced = b.output(nodeOf.get(root)).build();
    return WeightedModelCounter.bdd(reduced, 0).probability(probs.toArray(new BigFraction[0]));
  }

}
