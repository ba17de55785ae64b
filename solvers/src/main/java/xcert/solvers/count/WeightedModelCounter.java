package xcert.solvers.count;

import xcert.solvers.features.FeatureSet;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;
import org.logicng.formulas.Literal;
import org.logicng.formulas.Variable;
import org.logicng.handlers.DnnfCompilationHandler;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDConstruction;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDKernel;
import org.logicng.knowledgecompilation.bdds.orderings.ForceOrdering;
import org.logicng.knowledgecompilation.dnnf.DnnfFactory;
import org.logicng.knowledgecompilation.dnnf.datastructures.Dnnf;
import xcert.solvers.dist.ProductDistribution;
import xcert.solvers.errors.TooLargeException;
import xcert.solvers.model.Circuit;

/**
 * Exact weighted model counting of one circuit output Φ under a product Bernoulli distribution, by
 * knowledge compilation: compile once, then answer P_{y~V}(Φ(y) = 1 | y_S = x_S) for many sets S by
 * one linear pass each. This is the quantity behind δ-relevance (seed 003 Section 3, Macdonald et al.,
 * Definition of δ-relevance): S is δ-relevant for x when P(Φ(y) = Φ(x) | y_S = x_S) ≥ δ, see {@link
 * #agreementProbability} and {@link #isDeltaRelevant}. For δ = 1 the SAT check of {@link
 * SufficientReasons} is the cheaper test.
 *
 * <h2>Routes</h2>
 *
 * <ul>
 *   <li>{@link #bdd}: an ordered BDD built with LogicNG's jBuddy kernel ({@link BDDKernel}), node by
 *       node from the circuit so that shared subcircuits are compiled once (LogicNG's {@code
 *       BDDFactory.build} walks a formula as a tree and would repeat shared work). Any circuit.
 *   <li>{@link #dnnf}: a d-DNNF produced by LogicNG's {@link DnnfFactory} (a Darwiche-style CNF to
 *       d-DNNF compiler). Only for CNF-shaped outputs (see {@link CircuitFormulas#cnfClauses}); for
 *       any other formula LogicNG would first run its CNF encoder, which may introduce auxiliary
 *       (Plaisted-Greenbaum/Tseitin) variables, and the weighted pass below is not valid over those.
 *       This route refuses such circuits, and also checks after compilation that the d-DNNF mentions
 *       no variable other than x1..xd.
 * </ul>
 *
 * <h2>Why one pass is exact</h2>
 *
 * Let V be a product of Bernoulli(p_i). Both compiled forms are DAGs whose nodes g denote Boolean
 * functions over a set vars(g) of variables, and the pass computes P(g) = P_{y~V}(g(y) = 1):
 *
 * <ul>
 *   <li>BDD decision node on x_v with children lo, hi: g = (¬x_v ∧ lo) ∨ (x_v ∧ hi), the disjuncts are
 *       disjoint and x_v occurs in neither child, so by independence P(g) = p_v·P(hi) + (1−p_v)·P(lo).
 *   <li>d-DNNF AND: the children have pairwise disjoint variable sets (decomposability), so under the
 *       product distribution they are independent events and P = Π P(children).
 *   <li>d-DNNF OR: the children are pairwise logically inconsistent (determinism), so the events are
 *       disjoint and P = Σ P(children).
 *   <li>Literal x_v: p_v; literal ¬x_v: 1 − p_v; constants 1 and 0.
 * </ul>
 *
 * No smoothing or correction for variables a node does not mention (skipped BDD levels, OR children
 * with different variable sets, features Φ does not depend on) is needed: P(g) as a probability does
 * not depend on which superset of vars(g) it is taken over, because each absent variable's two weights
 * p_v and 1 − p_v sum to 1. This is the step that fails for auxiliary variables of a CNF encoding
 * (their two "weights" would have to be 1 and 1), hence the restriction of the d-DNNF route.
 *
 * <p>Conditioning on y_S = x_S: since V is a product, conditioning on the coordinates in S leaves the
 * other coordinates' law unchanged and fixes y_i = x_i for i ∈ S, so P(Φ = 1 | y_S = x_S) is the same
 * pass with p_i replaced by 1 or 0 (x_i) for i ∈ S. When the conditioning event has probability 0 (some
 * p_i ∈ {0,1} contradicts x_i) the conditional probability is undefined; these methods then return
 * E_{y~V}[Φ(x_S, y_{S^c})], the substitution value that Macdonald et al. use to define δ-relevance,
 * which equals the conditional probability whenever that is defined.
 *
 * <p>Under the uniform distribution with d ≤ 62, {@link ScaledUniformCounts} runs the same pass over
 * the BDD route's diagram in {@code long} arithmetic, for the many sets of an exhaustive check.
 *
 * <p>Instances are immutable once compiled and safe to query from several threads.
 */
public final class WeightedModelCounter {

  /** The compilation route. */
  public enum Route {
    /** Ordered binary decision diagram (LogicNG jBuddy kernel). */
    BDD,
    /** Deterministic decomposable negation normal form (LogicNG DnnfFactory), CNF input only. */
    DDNNF
  }

  /** Variable order for the BDD route (top of the diagram first). */
  public enum VariableOrder {
    /**
     * {@link #FORCE} for a CNF-shaped circuit (on its clauses, a hypergraph as large as the CNF), and
     * {@link #DFS} otherwise: FORCE on a Tseitin encoding works on one variable per gate and grows
     * with the circuit rather than its inputs — more than 10 minutes for a 400-input circuit of
     * threshold blocks with 8,000 gates, whose OBDD under the DFS order has 6,300 nodes and is built
     * in about a second. The default.
     */
    AUTO,
    /**
     * LogicNG's FORCE heuristic (Aloul, Markov, Sakallah) on the clause hypergraph: on the clauses
     * themselves for CNF-shaped circuits, on a Tseitin encoding of the circuit otherwise (the auxiliary
     * variables are dropped from the resulting order).
     */
    FORCE,
    /** Order of first occurrence in a left-to-right depth-first walk of the circuit DAG. */
    DFS,
    /** x1, x2, ..., xd. */
    INPUT
  }

  /** Default limit on the BDD kernel's node table (about 100 MB of node table at the limit). */
  public static final int DEFAULT_BDD_NODE_LIMIT = 4_000_000;

  /** Default limit on Shannon expansions of the d-DNNF compiler. */
  public static final long DEFAULT_SHANNON_LIMIT = 200_000L;

  /** Default limit on the number of nodes of a compiled d-DNNF. */
  public static final int DEFAULT_DNNF_NODE_LIMIT = 4_000_000;

  private static final byte K_FALSE = 0;
  private static final byte K_TRUE = 1;
  private static final byte K_DECISION = 2;
  private static final byte K_LITERAL = 3;
  private static final byte K_AND = 4;
  private static final byte K_OR = 5;

  private static final BigFraction HALF = BigFraction.of(1, 2);

  // Smallest initial node table and operation caches of the BDD kernel. The kernel allocates one
  // object per cache slot in each of its six caches, so fixed sizes of 10,000 cost more than the
  // whole compilation of a small circuit; both grow with the node table (LimitedKernel).
  private static final long MIN_NODE_TABLE = 1_024L;
  private static final long MIN_CACHE = 1_024L;

  private final Route route;
  private final int d;
  // The compiled DAG; children precede parents, node 0 is false and node 1 is true.
  private final byte[] kind;
  private final int[] var; // 0-based feature of a decision node or literal
  private final int[] lo; // decision: low child; literal: 1 for x_v, 0 for ¬x_v
  private final int[] hi; // decision: high child
  private final int[][] kids; // AND / OR children
  private final int root;
  private final int[] order; // BDD: 1-based features, top first; d-DNNF: empty
  private volatile BigInteger modelCount;
  /** Why the route differs from the one asked for, or null. */
  private String note;

  private WeightedModelCounter(Route route, int d, Dag dag, int root, int[] order) {
    this.route = route;
    this.d = d;
    this.kind = Arrays.copyOf(dag.kind, dag.size);
    this.var = Arrays.copyOf(dag.var, dag.size);
    this.lo = Arrays.copyOf(dag.lo, dag.size);
    this.hi = Arrays.copyOf(dag.hi, dag.size);
    this.kids = Arrays.copyOf(dag.kids, dag.size);
    this.root = root;
    this.order = order;
  }

  // ---------------------------------------------------------------------------------------------
  // BDD route

  /** The BDD route with the {@link VariableOrder#AUTO} order and the default node limit. */
  public static WeightedModelCounter bdd(Circuit c, int k) {
    return bdd(c, k, VariableOrder.AUTO, DEFAULT_BDD_NODE_LIMIT);
  }

  /**
   * Compiles output k (0-based) of c into an ordered BDD over the inputs it depends on structurally.
   *
   * @param nodeLimit the largest node table the BDD kernel may grow to (it grows by doubling, at most
   *     50,000 nodes at a time, so the table may end up to that much above the limit)
   * @throws TooLargeException when the kernel would need a larger node table
   */
  public static WeightedModelCounter bdd(Circuit c, int k, VariableOrder order, int nodeLimit) {
    CircuitFormulas.checkOutput(c, k);
    if (nodeLimit < 16) {
      throw new IllegalArgumentException("BDD node limit " + nodeLimit + " is below 16");
    }
    int d = c.dimension();
    int out = c.outputNode(k);
    int[] cone = CircuitFormulas.cone(c, out);
    int[] features = orderFeatures(c, k, cone, order);
    FormulaFactory f = new FormulaFactory();
    List<Variable> vars = new ArrayList<>(features.length);
    for (int i : features) {
      vars.add(CircuitFormulas.variable(f, i));
    }
    int initial = (int) Math.min(nodeLimit,
        Math.max(MIN_NODE_TABLE, Math.max(2L * features.length + 16, 8L * cone.length)));
    int cacheSize = (int) Math.min(200_000L, Math.max(MIN_CACHE, 8L * cone.length));
    LimitedKernel kernel = new LimitedKernel(f, vars, initial, cacheSize, nodeLimit);
    int[] indexOf = new int[d];
    Arrays.fill(indexOf, -1);
    for (int j = 0; j < features.length; j++) {
      indexOf[features[j] - 1] = kernel.getIndexForVariable(vars.get(j));
    }
    int rootNode;
    int[] built = new int[1];
    try {
      rootNode = buildBdd(c, out, cone, kernel, indexOf, built);
    } catch (NodeLimitReached e) {
      throw new TooLargeException("the BDD of output " + (k + 1) + " (d = " + d + ", "
          + cone.length + " circuit nodes, " + order + " order) reached the node limit of "
          + nodeLimit + ": its node table (" + kernel.tableSize() + " slots) was full after garbage"
          + " collection with " + (built[0] - 1) + " of " + cone.length + " circuit nodes built; try another variable order"
          + " or, for a CNF, the d-DNNF route");
    }
    int[] featureOfIndex = new int[features.length];
    for (int j = 0; j < features.length; j++) {
      featureOfIndex[indexOf[features[j] - 1]] = features[j] - 1;
    }
    Dag dag = new Dag();
    int r = exportBdd(kernel, rootNode, featureOfIndex, dag);
    return new WeightedModelCounter(Route.BDD, d, dag, r, features);
  }

  private static int buildBdd(Circuit c, int out, int[] cone, LimitedKernel kernel, int[] indexOf,
      int[] built) {
    BDDConstruction con = new BDDConstruction(kernel);
    int[] lastUse = new int[c.nodeCount()];
    for (int n : cone) {
      for (int ch : c.children(n)) {
        lastUse[ch] = Math.max(lastUse[ch], n);
      }
    }
    // The highest (closest to the root) BDD level each node depends on; inputs outside the order
    // cannot occur in the cone.
    int[] topLevel = new int[c.nodeCount()];
    for (int n : cone) {
      if (c.op(n) == Circuit.Op.INPUT) {
        topLevel[n] = indexOf[n];
      } else {
        int t = Integer.MAX_VALUE;
        for (int ch : c.children(n)) {
          t = Math.min(t, topLevel[ch]);
        }
        topLevel[n] = t;
      }
    }
    int[] bdd = new int[c.nodeCount()];
    for (int n : cone) {
      built[0]++;
      int[] ch = c.children(n);
      switch (c.op(n)) {
        case INPUT -> bdd[n] = con.ithVar(indexOf[n]); // variable nodes are never collected
        case TRUE -> bdd[n] = BDDKernel.BDD_TRUE;
        case FALSE -> bdd[n] = BDDKernel.BDD_FALSE;
        case NOT -> bdd[n] = kernel.addRef(con.not(bdd[ch[0]]), null);
        case AND, OR -> {
          boolean and = c.op(n) == Circuit.Op.AND;
          int acc = and ? BDDKernel.BDD_TRUE : BDDKernel.BDD_FALSE;
          for (int x : bottomUp(ch, topLevel)) {
            int next = kernel.addRef(and ? con.and(acc, bdd[x]) : con.or(acc, bdd[x]), null);
            kernel.delRef(acc);
            acc = next;
          }
          bdd[n] = acc;
        }
        case XOR -> {
          // TRUE <-> a1 <-> ... <-> am equals XOR(a) when m is odd and its negation when m is even.
          int acc = BDDKernel.BDD_TRUE;
          for (int x : ch) {
            int next = kernel.addRef(con.equivalence(acc, bdd[x]), null);
            kernel.delRef(acc);
            acc = next;
          }
          if (ch.length % 2 == 0) {
            int neg = kernel.addRef(con.not(acc), null);
            kernel.delRef(acc);
            acc = neg;
          }
          bdd[n] = acc;
        }
        default -> throw new AssertionError(c.op(n));
      }
      for (int j = 0; j < ch.length; j++) {
        int x = ch[j];
        if (lastUse[x] == n && x != out && firstOccurrence(ch, j)) {
          kernel.delRef(bdd[x]);
        }
      }
    }
    return bdd[out];
  }

  /**
   * The children sorted so that those depending only on variables near the bottom of the order come
   * first. Conjoining (or disjoining) in this order keeps every intermediate result inside the lower
   * levels until the upper variables arrive, the usual bucket order for building a BDD from clauses;
   * the circuit's own order can create intermediate BDDs orders of magnitude larger than the result.
   */
  private static int[] bottomUp(int[] ch, int[] topLevel) {
    Integer[] boxed = new Integer[ch.length];
    for (int j = 0; j < ch.length; j++) {
      boxed[j] = ch[j];
    }
    Arrays.sort(boxed, (a, b) -> Integer.compare(topLevel[b], topLevel[a]));
    int[] out = new int[ch.length];
    for (int j = 0; j < ch.length; j++) {
      out[j] = boxed[j];
    }
    return out;
  }

  private static boolean firstOccurrence(int[] a, int j) {
    for (int i = 0; i < j; i++) {
      if (a[i] == a[j]) {
        return false;
      }
    }
    return true;
  }

  /** Copies the BDD below rootNode out of the kernel, children before parents. */
  private static int exportBdd(LimitedKernel kernel, int rootNode, int[] featureOfIndex, Dag dag) {
    if (rootNode < 2) {
      return rootNode;
    }
    int[] ids = new int[kernel.tableSize()];
    Arrays.fill(ids, -1);
    ids[0] = 0;
    ids[1] = 1;
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = rootNode;
    while (top > 0) {
      int n = stack[top - 1];
      if (ids[n] >= 0) {
        top--;
        continue;
      }
      int l = kernel.lowOf(n);
      int h = kernel.highOf(n);
      if (ids[l] >= 0 && ids[h] >= 0) {
        top--;
        ids[n] = dag.decision(featureOfIndex[kernel.varOf(n)], ids[l], ids[h]);
        continue;
      }
      if (top + 2 > stack.length) {
        stack = Arrays.copyOf(stack, 2 * stack.length);
      }
      if (ids[l] < 0) {
        stack[top++] = l;
      }
      if (ids[h] < 0) {
        stack[top++] = h;
      }
    }
    return ids[rootNode];
  }

  private static int[] orderFeatures(Circuit c, int k, int[] cone, VariableOrder order) {
    int d = c.dimension();
    boolean[] inSupport = new boolean[d];
    int count = 0;
    for (int n : cone) {
      if (c.op(n) == Circuit.Op.INPUT) {
        inSupport[n] = true;
        count++;
      }
    }
    int[] out = new int[count];
    int m = 0;
    if (order == VariableOrder.AUTO) {
      order = CircuitFormulas.cnfClauses(c, k).isPresent() ? VariableOrder.FORCE
          : VariableOrder.DFS;
    }
    switch (order) {
      case INPUT -> {
        for (int i = 0; i < d; i++) {
          if (inSupport[i]) {
            out[m++] = i + 1;
          }
        }
      }
      case DFS -> {
        boolean[] seen = new boolean[c.nodeCount()];
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(c.outputNode(k));
        while (!stack.isEmpty()) {
          int n = stack.pop();
          if (seen[n]) {
            continue;
          }
          seen[n] = true;
          if (c.op(n) == Circuit.Op.INPUT) {
            out[m++] = n + 1;
          }
          int[] ch = c.children(n);
          for (int j = ch.length - 1; j >= 0; j--) {
            if (!seen[ch[j]]) {
              stack.push(ch[j]);
            }
          }
        }
      }
      case FORCE -> {
        FormulaFactory f = new FormulaFactory();
        Formula cnf = CircuitFormulas.cnfClauses(c, k)
            .map(cl -> CircuitFormulas.cnfFormula(cl, f))
            .orElseGet(() -> tseitinFormula(c, cone, c.outputNode(k), f));
        boolean[] placed = new boolean[d];
        if (cnf.variables().size() > 1) {
          for (Variable v : new ForceOrdering().getOrder(cnf)) {
            int i = CircuitFormulas.featureOf(v);
            if (i >= 1 && i <= d && inSupport[i - 1] && !placed[i - 1]) {
              placed[i - 1] = true;
              out[m++] = i;
            }
          }
        }
        for (int i = 0; i < d; i++) {
          if (inSupport[i] && !placed[i]) {
            out[m++] = i + 1;
          }
        }
      }
      default -> throw new AssertionError(order);
    }
    if (m != count) {
      throw new AssertionError("variable order lists " + m + " of " + count + " inputs");
    }
    return out;
  }

  /** A Tseitin CNF of the cone, used only to feed the FORCE ordering heuristic. */
  private static Formula tseitinFormula(Circuit c, int[] cone, int out, FormulaFactory f) {
    Literal[] lit = new Literal[c.nodeCount()];
    List<Formula> clauses = new ArrayList<>();
    for (int n : cone) {
      lit[n] = c.op(n) == Circuit.Op.INPUT
          ? CircuitFormulas.variable(f, c.inputIndex(n)) : f.variable("t" + n);
      Literal g = lit[n];
      int[] ch = c.children(n);
      switch (c.op(n)) {
        case INPUT -> { }
        case TRUE -> clauses.add(g);
        case FALSE -> clauses.add(g.negate());
        case NOT -> {
          clauses.add(f.or(g, lit[ch[0]]));
          clauses.add(f.or(g.negate(), lit[ch[0]].negate()));
        }
        case AND, OR -> {
          boolean and = c.op(n) == Circuit.Op.AND;
          List<Literal> big = new ArrayList<>();
          big.add(and ? g : g.negate());
          for (int x : ch) {
            clauses.add(and ? f.or(g.negate(), lit[x]) : f.or(g, lit[x].negate()));
            big.add(and ? lit[x].negate() : lit[x]);
          }
          clauses.add(f.or(big));
        }
        case XOR -> {
          // Only the variable interaction matters for the ordering: one hyperedge per gate.
          List<Literal> edge = new ArrayList<>();
          edge.add(g);
          for (int x : ch) {
            edge.add(lit[x]);
          }
          clauses.add(f.or(edge));
        }
        default -> throw new AssertionError(c.op(n));
      }
    }
    clauses.add(lit[out]);
    return f.and(clauses);
  }

  // ---------------------------------------------------------------------------------------------
  // d-DNNF route

  /** The d-DNNF route with the default limits. */
  public static WeightedModelCounter dnnf(Circuit c, int k) {
    return dnnf(c, k, DEFAULT_SHANNON_LIMIT, DEFAULT_DNNF_NODE_LIMIT);
  }

  /**
   * Compiles CNF-shaped output k (0-based) of c into a d-DNNF with LogicNG's DnnfFactory.
   *
   * @param shannonLimit the largest number of Shannon expansions the compiler may make
   * @param nodeLimit the largest number of nodes the compiled d-DNNF may have
   * @throws IllegalArgumentException when output k is not CNF-shaped (use {@link #bdd})
   * @throws TooLargeException when a limit is reached
   */
  public static WeightedModelCounter dnnf(Circuit c, int k, long shannonLimit, int nodeLimit) {
    WeightedModelCounter w = dnnfAsCompiled(c, k, shannonLimit, nodeLimit);
    int bad = firstNonDecomposableAnd(w.dagView(), w.root, w.d);
    if (bad < 0) {
      return w;
    }
    // LogicNG's compiler can leave an AND whose children share a variable (seen on random 3-CNFs
    // at d = 100: 3389176 models counted where 3389614 exist); a weighted count over it is wrong,
    // so the BDD route answers instead.
    WeightedModelCounter b = bdd(c, k);
    b.note = "the d-DNNF from LogicNG had an AND whose children share a variable (node " + bad
        + " of " + w.size() + "), over which counts are wrong; a BDD instead";
    return b;
  }

  /**
   * The d-DNNF exactly as LogicNG's compiler gives it, which may contain AND nodes whose children
   * share a variable (its counts are then wrong): for callers that check and repair them, such as
   * {@code xcert.solvers.compiled.CompiledForms}. Everyone else uses {@link #dnnf}.
   */
  public static WeightedModelCounter dnnfAsCompiled(Circuit c, int k, long shannonLimit,
      int nodeLimit) {
    CircuitFormulas.checkOutput(c, k);
    int d = c.dimension();
    List<int[]> clauses = CircuitFormulas.cnfClauses(c, k).orElseThrow(() ->
        new IllegalArgumentException("the d-DNNF route takes CNF-shaped circuits (an AND of ORs of "
            + "literals); output " + (k + 1) + " is not, use the BDD route"));
    FormulaFactory f = new FormulaFactory();
    Formula cnf = CircuitFormulas.cnfFormula(clauses, f);
    if (!cnf.isCNF()) {
      throw new IllegalStateException("clause list did not give a CNF formula: " + cnf);
    }
    Formula ddnnf;
    if (cnf.isConstantFormula()) {
      ddnnf = cnf;
    } else {
      ShannonLimit handler = new ShannonLimit(shannonLimit);
      Dnnf compiled = new DnnfFactory().compile(cnf, handler);
      if (compiled == null) {
        throw new TooLargeException("the d-DNNF compilation of output " + (k + 1) + " (d = " + d
            + ", " + clauses.size() + " clauses) needs more than " + shannonLimit
            + " Shannon expansions (limit)");
      }
      ddnnf = compiled.formula();
    }
    for (Variable v : ddnnf.variables()) {
      int i = CircuitFormulas.featureOf(v);
      if (i < 1 || i > d) {
        throw new IllegalStateException("the d-DNNF mentions variable " + v.name()
            + ", which is not one of x1..x" + d + "; its weighted count would not be a probability");
      }
    }
    Dag dag = new Dag();
    int r = exportDnnf(ddnnf, dag, nodeLimit, k);
    return new WeightedModelCounter(Route.DDNNF, d, dag, r, new int[0]);
  }

  /**
   * The first AND node below {@code root} two of whose children mention a common variable, or −1
   * when every AND is decomposable. Variable sets are bit sets computed children first (the DAG's
   * nodes are numbered after their children), so the check is one iterative pass.
   */
  private static int firstNonDecomposableAnd(Dag dag, int root, int d) {
    int words = (d + 63) >>> 6;
    long[][] vars = new long[dag.size][];
    for (int n = 0; n <= root; n++) {
      long[] v = new long[words];
      switch (dag.kind[n]) {
        case K_LITERAL, K_DECISION -> v[dag.var[n] >>> 6] |= 1L << (dag.var[n] & 63);
        default -> { }
      }
      if (dag.kind[n] == K_DECISION) {
        or(v, vars[dag.lo[n]]);
        or(v, vars[dag.hi[n]]);
      }
      if (dag.kind[n] == K_AND || dag.kind[n] == K_OR) {
        for (int ch : dag.kids[n]) {
          long[] cv = vars[ch];
          if (dag.kind[n] == K_AND) {
            for (int w = 0; w < words; w++) {
              if ((v[w] & cv[w]) != 0) {
                return n;
              }
            }
          }
          or(v, cv);
        }
      }
      vars[n] = v;
    }
    return -1;
  }

  private static void or(long[] into, long[] from) {
    for (int w = 0; w < into.length; w++) {
      into[w] |= from[w];
    }
  }

  private static int exportDnnf(Formula root, Dag dag, int nodeLimit, int k) {
    IdentityHashMap<Formula, Integer> ids = new IdentityHashMap<>();
    ArrayDeque<Formula> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Formula g = stack.peek();
      if (ids.containsKey(g)) {
        stack.pop();
        continue;
      }
      switch (g.type()) {
        case TRUE -> ids.put(g, 1);
        case FALSE -> ids.put(g, 0);
        case LITERAL -> {
          Literal l = (Literal) g;
          ids.put(g, dag.literal(CircuitFormulas.featureOf(l.variable()) - 1, l.phase()));
        }
        case AND, OR -> {
          boolean ready = true;
          for (Formula op : g) {
            if (!ids.containsKey(op)) {
              stack.push(op);
              ready = false;
            }
          }
          if (ready) {
            int[] ch = new int[g.numberOfOperands()];
            int j = 0;
            for (Formula op : g) {
              ch[j++] = ids.get(op);
            }
            ids.put(g, dag.gate(g.type() == org.logicng.formulas.FType.AND ? K_AND : K_OR, ch));
          }
        }
        default -> throw new IllegalStateException(
            "unexpected " + g.type() + " node in a d-DNNF from LogicNG");
      }
      if (dag.size > nodeLimit + 2) {
        throw new TooLargeException("the d-DNNF of output " + (k + 1) + " has "
            + root.numberOfNodes() + " formula nodes, over the node limit of " + nodeLimit);
      }
    }
    return ids.get(root);
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /** The route this counter was compiled by. */
  public Route route() {
    return route;
  }

  /** Why the route differs from the one asked for (a d-DNNF that was not decomposable), or null. */
  public String note() {
    return note;
  }

  /** The node arrays as a {@link Dag} (shared, not copied), for the decomposability check. */
  private Dag dagView() {
    Dag g = new Dag();
    g.kind = kind;
    g.var = var;
    g.lo = lo;
    g.hi = hi;
    g.kids = kids;
    g.size = kind.length;
    return g;
  }

  /** Number of inputs d of the circuit. */
  public int dimension() {
    return d;
  }

  /**
   * Number of nodes of the compiled form other than the two constants: decision nodes of the BDD, or
   * AND, OR and literal nodes of the d-DNNF.
   */
  public int size() {
    return kind.length - 2;
  }

  /**
   * BDD route: the 1-based features the BDD is ordered by, top first (only those output k depends on
   * structurally). d-DNNF route: empty.
   */
  public int[] variableOrder() {
    return order.clone();
  }

  /** Φ(x), read off the compiled form. */
  public boolean evaluate(boolean[] x) {
    checkPoint(x);
    BigFraction[] p = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      p[i] = x[i] ? BigFraction.ONE : BigFraction.ZERO;
    }
    return pass(p).equals(BigFraction.ONE);
  }

  /**
   * The number of points of {0,1}^d (all d inputs, including those Φ does not mention) where Φ = 1:
   * 2^d times the probability under the uniform distribution.
   */
  public BigInteger modelCount() {
    BigInteger mc = modelCount;
    if (mc == null) {
      BigFraction[] p = new BigFraction[d];
      Arrays.fill(p, HALF);
      BigFraction scaled = pass(p).multiply(BigFraction.of(BigInteger.ONE.shiftLeft(d)));
      if (!scaled.getDenominator().equals(BigInteger.ONE)) {
        throw new AssertionError("uniform probability times 2^d is not an integer: " + scaled);
      }
      mc = scaled.getNumerator();
      modelCount = mc;
    }
    return mc;
  }

  /** P_{y~V}(Φ(y) = 1) where y_i is 1 with probability p[i] independently. */
  public BigFraction probability(BigFraction[] p) {
    if (p.length != d) {
      throw new IllegalArgumentException("expected " + d + " probabilities, got " + p.length);
    }
    for (int i = 0; i < d; i++) {
      if (p[i].signum() < 0 || p[i].compareTo(BigFraction.ONE) > 0) {
        throw new IllegalArgumentException(
            "probability of feature " + (i + 1) + " is " + p[i] + ", outside [0,1]");
      }
    }
    return pass(p.clone());
  }

  /** P_{y~V}(Φ(y) = 1) for a product distribution of binary features. */
  public BigFraction probability(ProductDistribution v) {
    return pass(weights(v));
  }

  /**
   * P_{y~V}(Φ(y) = 1 | y_S = x_S) (see the class comment for the case of a probability-0
   * condition).
   */
  public BigFraction conditionalProbability(ProductDistribution v, boolean[] x, FeatureSet set) {
    checkPoint(x);
    if (!set.within(d)) {
      throw new IllegalArgumentException("set names feature " + set.largest()
          + " but the model has d = " + d);
    }
    BitSet s = set.toBitSet();
    BigFraction[] p = weights(v);
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
      p[i] = x[i] ? BigFraction.ONE : BigFraction.ZERO;
    }
    return pass(p);
  }

  /**
   * P_{y~V}(Φ(y) = Φ(x) | y_S = x_S): the quantity compared with δ in Macdonald et al.'s definition of
   * δ-relevance (seed 003 Section 3).
   */
  public BigFraction agreementProbability(ProductDistribution v, boolean[] x, FeatureSet s) {
    BigFraction one = conditionalProbability(v, x, s);
    return evaluate(x) ? one : BigFraction.ONE.subtract(one);
  }

  /** Whether S is δ-relevant for x: P(Φ(y) = Φ(x) | y_S = x_S) ≥ δ. */
  public boolean isDeltaRelevant(ProductDistribution v, boolean[] x, FeatureSet s,
      BigFraction delta) {
    return agreementProbability(v, x, s).compareTo(delta) >= 0;
  }

  @Override
  public String toString() {
    return "WeightedModelCounter[" + route + ", d=" + d + ", nodes=" + size() + "]";
  }

  /** The kind of a node of the compiled form (see {@link #nodeKind}). */
  public enum NodeKind {
    /** The constant false (node 0). */
    FALSE,
    /** The constant true (node 1). */
    TRUE,
    /** A BDD decision node: (¬x_v ∧ low) ∨ (x_v ∧ high). */
    DECISION,
    /** A literal x_v or ¬x_v of the d-DNNF. */
    LITERAL,
    /** A decomposable AND of the d-DNNF. */
    AND,
    /** A deterministic OR of the d-DNNF. */
    OR
  }

  // Read access to the compiled node arrays, for engines that run their own passes over them
  // (xcert.solvers.compiled). Nodes are numbered children first; node 0 is false, node 1 true.

  /** Number of nodes of the compiled form, the two constants included. */
  public int nodeCount() {
    return kind.length;
  }

  /** Index of the root: 0 or 1 for a constant, otherwise the last node. */
  public int root() {
    return root;
  }

  /** The kind of node n. */
  public NodeKind nodeKind(int n) {
    return NodeKind.values()[kind[n]];
  }

  /** The 0-based feature of a decision node or literal n. */
  public int nodeVariable(int n) {
    return var[n];
  }

  /** A literal's phase: true for x_v, false for ¬x_v. */
  public boolean literalPhase(int n) {
    return lo[n] == 1;
  }

  /** The low (x_v = 0) child of a decision node. */
  public int lowChild(int n) {
    return lo[n];
  }

  /** The high (x_v = 1) child of a decision node. */
  public int highChild(int n) {
    return hi[n];
  }

  /** The children of an AND or OR node (a copy). */
  public int[] gateChildren(int n) {
    return kids[n].clone();
  }

  // Read access for ScaledUniformCounts, which runs its own pass over the same exported diagram.
  // The arrays are the counter's own (not copies) and must not be modified.

  /** 0-based feature of each decision node or literal. */
  int[] nodeVariables() {
    return var;
  }

  /** Low child of each decision node. */
  int[] lowChildren() {
    return lo;
  }

  /** High child of each decision node. */
  int[] highChildren() {
    return hi;
  }

  /** Index of the root node: 0 or 1 for a constant, otherwise the last node. */
  int rootNode() {
    return root;
  }

  private BigFraction[] weights(ProductDistribution v) {
    if (v.dimension() != d) {
      throw new IllegalArgumentException(
          "distribution has dimension " + v.dimension() + ", the model has d = " + d);
    }
    BigFraction[] p = new BigFraction[d];
    for (int i = 0; i < d; i++) {
      if (!v.feature(i).isBinary()) {
        throw new IllegalArgumentException("feature " + (i + 1) + " of the distribution is not "
            + "binary; weighted model counting takes Bernoulli features");
      }
      p[i] = v.probabilityOfOne(i);
    }
    return p;
  }

  private void checkPoint(boolean[] x) {
    if (x.length != d) {
      throw new IllegalArgumentException("input has length " + x.length + ", expected " + d);
    }
  }

  /** The bottom-up pass; p[i] is the probability that feature i+1 is 1. */
  private BigFraction pass(BigFraction[] p) {
    BigFraction[] q = new BigFraction[d];
    BigFraction[] val = new BigFraction[kind.length];
    for (int n = 0; n < kind.length; n++) {
      switch (kind[n]) {
        case K_FALSE -> val[n] = BigFraction.ZERO;
        case K_TRUE -> val[n] = BigFraction.ONE;
        case K_DECISION -> {
          int v = var[n];
          BigFraction pv = p[v];
          BigFraction h = val[hi[n]];
          BigFraction l = val[lo[n]];
          if (pv.signum() == 0) {
            val[n] = l;
          } else if (pv.equals(BigFraction.ONE)) {
            val[n] = h;
          } else {
            val[n] = pv.multiply(h).add(complement(q, p, v).multiply(l));
          }
        }
        case K_LITERAL -> val[n] = lo[n] == 1 ? p[var[n]] : complement(q, p, var[n]);
        case K_AND -> {
          BigFraction acc = BigFraction.ONE;
          for (int ch : kids[n]) {
            BigFraction x = val[ch];
            if (x.signum() == 0) {
              acc = BigFraction.ZERO;
              break;
            }
            acc = acc.multiply(x);
          }
          val[n] = acc;
        }
        case K_OR -> {
          BigFraction acc = BigFraction.ZERO;
          for (int ch : kids[n]) {
            acc = acc.add(val[ch]);
          }
          val[n] = acc;
        }
        default -> throw new AssertionError(kind[n]);
      }
    }
    return val[root];
  }

  private static BigFraction complement(BigFraction[] q, BigFraction[] p, int v) {
    BigFraction c = q[v];
    if (c == null) {
      c = BigFraction.ONE.subtract(p[v]);
      q[v] = c;
    }
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /** Growable node arrays; nodes 0 and 1 are the constants. */
  private static final class Dag {
    byte[] kind = new byte[64];
    int[] var = new int[64];
    int[] lo = new int[64];
    int[] hi = new int[64];
    int[][] kids = new int[64][];
    int size;

    Dag() {
      add(K_FALSE, -1, -1, -1, null);
      add(K_TRUE, -1, -1, -1, null);
    }

    int decision(int v, int low, int high) {
      return add(K_DECISION, v, low, high, null);
    }

    int literal(int v, boolean phase) {
      return add(K_LITERAL, v, phase ? 1 : 0, -1, null);
    }

    int gate(byte k, int[] ch) {
      return add(k, -1, -1, -1, ch);
    }

    private int add(byte k, int v, int l, int h, int[] ch) {
      if (size == kind.length) {
        int cap = 2 * size;
        kind = Arrays.copyOf(kind, cap);
        var = Arrays.copyOf(var, cap);
        lo = Arrays.copyOf(lo, cap);
        hi = Arrays.copyOf(hi, cap);
        kids = Arrays.copyOf(kids, cap);
      }
      kind[size] = k;
      var[size] = v;
      lo[size] = l;
      hi[size] = h;
      kids[size] = ch;
      return size++;
    }
  }

  /** Thrown inside the kernel when its node table would outgrow the limit. */
  private static final class NodeLimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NodeLimitReached() {
      super(null, null, false, false);
    }
  }

  /**
   * The jBuddy kernel with a ceiling on its node table, a faster growth policy, and read access to
   * nodes. The kernel never reorders here (reordering is off unless activated), so a node's level is
   * its variable's index.
   *
   * <p>Growth: jBuddy grows a full table by at most 50,000 nodes per garbage collection, so a table of
   * N nodes costs about N/50,000 full collections (each marking every live node and emptying the
   * operation caches): quadratic time, minutes for a few million nodes. Here, when the kernel asks
   * for a resize after a collection, the superclass's own resize step is repeated until the table has
   * doubled (rehashing once, at the last step), so collections happen about log N times, and the
   * operation caches are enlarged along with the table.
   */
  private static final class LimitedKernel extends BDDKernel {
    private static final int MAX_CACHE = 262_144;
    private final int limit;
    private int currentCacheSize;

    LimitedKernel(FormulaFactory f, List<Variable> order, int nodeSize, int cacheSize, int limit) {
      super(f, order, nodeSize, cacheSize);
      this.limit = limit;
      this.currentCacheSize = cacheSize;
    }

    @Override
    protected void nodeResize(boolean doRehash) {
      // limit is 0 only while the superclass constructor runs.
      if (limit == 0) {
        super.nodeResize(doRehash);
        return;
      }
      if (nodesize >= limit) {
        throw new NodeLimitReached();
      }
      if (!doRehash) {
        super.nodeResize(false);
        return;
      }
      long target = Math.min(limit, 2L * nodesize);
      while (true) {
        int before = nodesize;
        boolean last = Math.min(2L * before, before + 50_000L) >= target;
        super.nodeResize(last);
        if (last) {
          break;
        }
        if (nodesize <= before) { // cannot grow further: finish with a rehash
          super.nodeResize(true);
          break;
        }
      }
      int wanted = Math.min(MAX_CACHE, nodesize / 8);
      if (wanted >= 2 * currentCacheSize) {
        initOperators(wanted); // fresh, larger caches (they were just emptied by the collection)
        varResize(); // initOperators drops the quantification scratch array; restore it
        currentCacheSize = wanted;
      }
    }

    int lowOf(int node) {
      return low(node);
    }

    int highOf(int node) {
      return high(node);
    }

    int varOf(int node) {
      return level2var[level(node)];
    }

    int tableSize() {
      return nodesize;
    }
  }

  /** Aborts the d-DNNF compiler after a number of Shannon expansions. */
  private static final class ShannonLimit implements DnnfCompilationHandler {
    private final long limit;
    private long count;
    private boolean aborted;

    ShannonLimit(long limit) {
      this.limit = limit;
    }

    @Override
    public void started() {
      count = 0;
      aborted = false;
    }

    @Override
    public boolean shannonExpansion() {
      count++;
      if (count > limit) {
        aborted = true;
      }
      return !aborted;
    }

    @Override
    public boolean aborted() {
      return aborted;
    }
  }
}
