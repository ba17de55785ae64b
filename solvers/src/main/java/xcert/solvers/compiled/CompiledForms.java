package xcert.solvers.compiled;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import xcert.solvers.count.CircuitFormulas;
import xcert.solvers.count.WeightedModelCounter;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

/**
 * Makes the {@link DecomposableCircuit} of one circuit output, by one of three routes, and records
 * how determinism is established:
 *
 * <ul>
 *   <li>{@link Route#GIVEN}: the circuit itself, when its cone is already a negation normal form
 *       (AND, OR, constants, inputs and NOTs of inputs) whose AND gates are decomposable (checked by
 *       {@link DecomposableCircuit}) and whose OR gates pass the syntactic determinism test below.
 *       This is how a c2d or d4 {@code .nnf} file ({@code xcert.solvers.io.NnfFormat}) is used as
 *       compiled, and any other file holding such a circuit is too.
 *   <li>{@link Route#DDNNF}: LogicNG's d-DNNF compiler ({@link WeightedModelCounter#dnnf}), for
 *       CNF-shaped outputs; its OR nodes are Shannon decisions by construction, and the syntactic
 *       test is run as well (the provenance says which holds).
 *   <li>{@link Route#BDD}: an OBDD by LogicNG's jBuddy kernel ({@link WeightedModelCounter#bdd});
 *       decision nodes are deterministic by construction. Any circuit.
 * </ul>
 *
 * <p><b>Syntactic determinism test.</b> For a node g let lits(g) be the literals reachable from g
 * through AND nodes only (g's conjuncts, transitively): every model of g satisfies all of them. Two
 * children a, b of an OR are inconsistent when some literal ℓ ∈ lits(a) has ¬ℓ ∈ lits(b). The test
 * asks this of every pair of children of every OR node with two or more children: a sufficient
 * condition for determinism, which holds for the decision OR nodes c2d, d4 and LogicNG produce
 * (each child conjoins the decision literal or its negation). The walk is iterative and bounded
 * ({@link #LITERAL_WALK_LIMIT} nodes per child); an OR that fails it is not trusted.
 */
public final class CompiledForms {

  /** The routes. */
  public enum Route {
    /** The given route if it applies, else d-DNNF for CNF-shaped circuits, else OBDD. */
    AUTO,
    /** The circuit as it is, if it is a decomposable NNF with syntactically deterministic ORs. */
    GIVEN,
    /** LogicNG's d-DNNF compiler (CNF-shaped outputs only). */
    DDNNF,
    /** LogicNG OBDD with the FORCE order. */
    BDD
  }

  /** Default node budget of the compiled form. */
  public static final int DEFAULT_NODE_BUDGET = 2_000_000;

  /** Largest number of nodes the syntactic determinism test walks below one OR child. */
  public static final int LITERAL_WALK_LIMIT = 10_000;

  private static final String SYNTACTIC = "checked syntactically (the children of every OR node "
      + "conjoin complementary literals)";

  // Marks a child that conjoins the constant false: inconsistent with every other child.
  private static final int UNSATISFIABLE = Integer.MIN_VALUE;

  private CompiledForms() {}

  /**
   * The compiled form of output k (0-based) of c by {@code route}.
   *
   * @param nodeBudget the largest compiled form accepted (BDD node table, d-DNNF nodes)
   * @throws TooLargeException when compilation exceeds the budget (with the size reached)
   * @throws IllegalArgumentException when the route does not apply (GIVEN to a circuit that is not
   *     a checked d-DNNF, DDNNF to a non-CNF); the message says why
   */
  public static DecomposableCircuit compile(Circuit c, int k, Route route, int nodeBudget) {
    Circuit one = c.withOutput(k);
    if (route == Route.AUTO || route == Route.GIVEN) {
      long t0 = System.nanoTime();
      StringBuilder why = new StringBuilder();
      Optional<DecomposableCircuit> g = given(one, why);
      if (g.isPresent()) {
        return g.get().describedAs(g.get().route(), g.get().determinism(), millis(t0));
      }
      if (route == Route.GIVEN) {
        throw new IllegalArgumentException("the circuit is not usable as a d-DNNF: " + why);
      }
      route = CircuitFormulas.cnfClauses(one, 0).isPresent() ? Route.DDNNF : Route.BDD;
    }
    long t0 = System.nanoTime();
    if (route == Route.DDNNF) {
      WeightedModelCounter w = WeightedModelCounter.dnnfAsCompiled(one, 0,
          WeightedModelCounter.DEFAULT_SHANNON_LIMIT, nodeBudget);
      DecomposableCircuit dc = fromCounter(w, "d-DNNF (LogicNG DnnfFactory on the CNF)",
          "by construction (LogicNG's compiler splits on Shannon decisions)");
      String fails = syntacticFailure(dc);
      return dc.describedAs(dc.route(), fails == null ? SYNTACTIC + ", and by construction"
          : dc.determinism(), millis(t0));
    }
    WeightedModelCounter w = WeightedModelCounter.bdd(one, 0,
        WeightedModelCounter.VariableOrder.AUTO, nodeBudget);
    DecomposableCircuit dc = fromCounter(w, "OBDD (LogicNG jBuddy kernel, order "
        + (CircuitFormulas.cnfClauses(one, 0).isPresent() ? "FORCE on the clauses" : "depth-first")
        + ")",
        "by construction (OBDD decision nodes)");
    return dc.describedAs(dc.route(), dc.determinism(), millis(t0));
  }

  /** The compiled form of output 1 by the automatic route with the default budget. */
  public static DecomposableCircuit compile(Circuit c) {
    return compile(c, 0, Route.AUTO, DEFAULT_NODE_BUDGET);
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000L;
  }

  /**
   * The node arrays of a compiled counter as a checked {@link DecomposableCircuit}; AND nodes that
   * repeat a literal child's variable below another child are repaired ({@link RawNnf}) and the
   * provenance's route says how many.
   */
  public static DecomposableCircuit fromCounter(WeightedModelCounter w, String route,
      String determinism) {
    int n = w.nodeCount();
    int[] id = new int[n];
    int[] bddId = new int[n];
    boolean decisions = false;
    for (int g = 0; g < n && !decisions; g++) {
      decisions = w.nodeKind(g) == WeightedModelCounter.NodeKind.DECISION;
    }
    if (decisions) {
      DecomposableCircuit.Builder b = DecomposableCircuit.builder(w.dimension());
      for (int g = 0; g < n; g++) {
        bddId[g] = switch (w.nodeKind(g)) {
          case FALSE -> b.constant(false);
          case TRUE -> b.constant(true);
          case DECISION -> b.decision(w.nodeVariable(g), bddId[w.lowChild(g)],
              bddId[w.highChild(g)]);
          default -> throw new IllegalStateException("an OBDD with a " + w.nodeKind(g) + " node");
        };
      }
      return b.build(bddId[w.root()], route, determinism, 0);
    }
    RawNnf raw = new RawNnf(w.dimension());
    for (int g = 0; g < n; g++) {
      id[g] = switch (w.nodeKind(g)) {
        case FALSE -> raw.add(RawNnf.FALSE, -1, false, new int[0]);
        case TRUE -> raw.add(RawNnf.TRUE, -1, false, new int[0]);
        case LITERAL -> raw.add(RawNnf.LITERAL, w.nodeVariable(g), w.literalPhase(g), new int[0]);
        case AND -> raw.add(RawNnf.AND, -1, false, map(w.gateChildren(g), id));
        case OR -> raw.add(RawNnf.OR, -1, false, map(w.gateChildren(g), id));
        case DECISION -> throw new AssertionError();
      };
    }
    return repaired(raw, id[w.root()], route, determinism);
  }

  /** The raw form checked, with the repairs counted in the route text. */
  static DecomposableCircuit repaired(RawNnf raw, int root, String route, String determinism) {
    RawNnf.Outcome o = raw.toDecomposable(root, route, determinism);
    if (o.repaired() == 0) {
      return o.circuit();
    }
    return o.circuit().describedAs(route + "; " + o.repaired() + " AND node(s) made decomposable "
        + "by conditioning a child on the AND's literals", determinism, 0);
  }

  private static int[] map(int[] ch, int[] id) {
    int[] out = new int[ch.length];
    for (int j = 0; j < ch.length; j++) {
      out[j] = id[ch[j]];
    }
    return out;
  }

  /**
   * The one-output circuit as it is, when its cone is a decomposable NNF whose ORs pass the
   * syntactic determinism test; otherwise empty, with the reason appended to {@code why}.
   */
  static Optional<DecomposableCircuit> given(Circuit c, StringBuilder why) {
    int out = c.outputNode(0);
    int total = c.nodeCount();
    boolean[] inCone = new boolean[total];
    inCone[out] = true;
    for (int n = total - 1; n >= 0; n--) {
      if (inCone[n]) {
        for (int ch : c.children(n)) {
          inCone[ch] = true;
        }
      }
    }
    RawNnf b = new RawNnf(c.dimension());
    int[] id = new int[total];
    Arrays.fill(id, -1);
    int[] neg = new int[c.dimension()];
    Arrays.fill(neg, -1);
    int[] none = new int[0];
    for (int n = 0; n < total; n++) {
      if (!inCone[n]) {
        continue;
      }
      int[] ch = c.children(n);
      switch (c.op(n)) {
        case INPUT -> id[n] = b.add(RawNnf.LITERAL, n, true, none);
        case TRUE -> id[n] = b.add(RawNnf.TRUE, -1, false, none);
        case FALSE -> id[n] = b.add(RawNnf.FALSE, -1, false, none);
        case NOT -> {
          if (c.op(ch[0]) != Circuit.Op.INPUT) {
            why.append("node ").append(n).append(" negates a gate (not a negation normal form)");
            return Optional.empty();
          }
          int v = ch[0];
          if (neg[v] < 0) {
            neg[v] = b.add(RawNnf.LITERAL, v, false, none);
          }
          id[n] = neg[v];
        }
        case AND -> id[n] = b.add(RawNnf.AND, -1, false, map(ch, id));
        case OR -> id[n] = b.add(RawNnf.OR, -1, false, map(ch, id));
        case XOR -> {
          why.append("node ").append(n).append(" is an XOR gate (not a negation normal form)");
          return Optional.empty();
        }
        default -> throw new AssertionError(c.op(n));
      }
    }
    DecomposableCircuit dc;
    try {
      dc = repaired(b, id[out], "the circuit as given (a negation normal form)", SYNTACTIC);
    } catch (IllegalArgumentException e) {
      why.append(e.getMessage());
      return Optional.empty();
    }
    String fails = syntacticFailure(dc);
    if (fails != null) {
      why.append(fails);
      return Optional.empty();
    }
    return Optional.of(dc);
  }

  /**
   * Null when every OR node of dc reachable from the root passes the syntactic determinism test;
   * otherwise which node fails.
   */
  static String syntacticFailure(DecomposableCircuit dc) {
    int n = dc.size();
    boolean[] reach = new boolean[n];
    reach[dc.root()] = true;
    for (int g = n - 1; g >= 0; g--) {
      if (reach[g]) {
        for (int ch : dc.children(g)) {
          reach[ch] = true;
        }
      }
    }
    for (int g = 0; g < n; g++) {
      if (!reach[g] || dc.kind(g) != DecomposableCircuit.Kind.OR) {
        continue;
      }
      int[] ch = dc.children(g);
      if (ch.length < 2) {
        continue;
      }
      java.util.List<Set<Integer>> lits = new java.util.ArrayList<>(ch.length);
      for (int a : ch) {
        Set<Integer> s = conjunctLiterals(dc, a);
        if (s == null) {
          return "OR node " + g + ": more than " + LITERAL_WALK_LIMIT + " nodes below a child "
              + "(determinism not established)";
        }
        lits.add(s);
      }
      for (int i = 0; i < ch.length; i++) {
        for (int j = i + 1; j < ch.length; j++) {
          if (!conflict(lits.get(i), lits.get(j))) {
            return "OR node " + g + ": children " + ch[i] + " and " + ch[j] + " conjoin no "
                + "complementary literals (determinism not established)";
          }
        }
      }
    }
    return null;
  }

  private static boolean conflict(Set<Integer> a, Set<Integer> b) {
    if (a.contains(UNSATISFIABLE) || b.contains(UNSATISFIABLE)) {
      return true;
    }
    Set<Integer> small = a.size() <= b.size() ? a : b;
    Set<Integer> large = small == a ? b : a;
    for (int l : small) {
      if (large.contains(-l)) {
        return true;
      }
    }
    return false;
  }

  /** Literals ±(v+1) reachable from g through AND nodes; null past the walk limit. */
  private static Set<Integer> conjunctLiterals(DecomposableCircuit dc, int g) {
    Set<Integer> out = new HashSet<>();
    Set<Integer> seen = new HashSet<>();
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = g;
    while (top > 0) {
      int n = stack[--top];
      if (!seen.add(n)) {
        continue;
      }
      if (seen.size() > LITERAL_WALK_LIMIT) {
        return null;
      }
      switch (dc.kind(n)) {
        case LITERAL -> out.add(dc.phase(n) ? dc.variable(n) + 1 : -(dc.variable(n) + 1));
        case FALSE -> out.add(UNSATISFIABLE);
        case AND -> {
          for (int ch : dc.children(n)) {
            if (top == stack.length) {
              stack = Arrays.copyOf(stack, 2 * top);
            }
            stack[top++] = ch;
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** A TooLargeException for a compiled form beyond a budget (used by callers that check sizes). */
  static TooLargeException tooLarge(String what, long reached, long budget) {
    return new TooLargeException(what + " reached " + reached + " nodes, past the budget of "
        + budget);
  }
}
