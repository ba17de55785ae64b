package xcert.solvers.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;
import org.logicng.formulas.Literal;
import org.logicng.formulas.Variable;
import xcert.solvers.model.Circuit;

/**
 * Translations of one circuit output Φ (seed 003 Section 3: the Boolean classifier whose δ-relevant
 * sets and sufficient reasons are asked for) into LogicNG formulas over the variables {@code x1..xd},
 * feature i being the variable named {@code "x" + i}.
 *
 * <p>{@link #toFormula} keeps the circuit's DAG sharing: each node is translated once (memoised by
 * node id) and LogicNG's formula factory hash-conses equal subformulas, so the formula has at most as
 * many distinct nodes as the circuit's cone plus the XOR helpers. Operations map as follows: INPUT to a
 * variable, TRUE/FALSE to the constants, NOT to negation, n-ary AND/OR to n-ary conjunction/disjunction
 * (empty AND = true, empty OR = false), and n-ary XOR to a balanced binary tree of negated
 * equivalences {@code ¬(a ↔ b)} (empty XOR = false, XOR of one child = that child). The factory may
 * simplify while building (duplicate operands, complementary literals, constants); these rewrites are
 * equivalences, so the formula computes exactly the function of the circuit output.
 *
 * <p>Note that LogicNG functions which walk a formula as a tree (its DFS variable ordering, {@code
 * BDDFactory.build}, NNF/CNF conversion) can take time exponential in the circuit size when the DAG
 * shares subgraphs heavily; the counting code in this package therefore builds BDDs node by node from
 * the circuit itself and uses the formula only where LogicNG needs one.
 *
 * <p>{@link #cnfClauses} recognises circuits that are already CNF-shaped (an AND of ORs of literals, as
 * a DIMACS file gives) and returns their clauses; the d-DNNF route of {@link WeightedModelCounter} is
 * restricted to those.
 */
public final class CircuitFormulas {

  /** Prefix of the variable names: feature i is the variable {@code x<i>}. */
  public static final String VARIABLE_PREFIX = "x";

  private CircuitFormulas() {}

  /** The variable of feature i (1-based) in factory f. */
  public static Variable variable(FormulaFactory f, int i) {
    if (i < 1) {
      throw new IllegalArgumentException("features are numbered from 1, got " + i);
    }
    return f.variable(VARIABLE_PREFIX + i);
  }

  /**
   * The 1-based feature of a variable named {@code x<i>} with i ≥ 1 written without leading zeros, or
   * -1 when the name has another form (an auxiliary variable).
   */
  public static int featureOf(Variable v) {
    String name = v.name();
    if (name.length() < 2 || !name.startsWith(VARIABLE_PREFIX) || name.charAt(1) == '0') {
      return -1;
    }
    int value = 0;
    for (int j = 1; j < name.length(); j++) {
      char ch = name.charAt(j);
      if (ch < '0' || ch > '9' || value > (Integer.MAX_VALUE - 9) / 10) {
        return -1;
      }
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  /**
   * Output k of the circuit as a formula over {@code x1..xd}, sharing preserved (see the class
   * comment).
   */
  public static Formula toFormula(Circuit c, int k, FormulaFactory f) {
    checkOutput(c, k);
    int[] cone = cone(c, c.outputNode(k));
    Formula[] memo = new Formula[c.nodeCount()];
    for (int n : cone) {
      int[] ch = c.children(n);
      memo[n] = switch (c.op(n)) {
        case INPUT -> variable(f, c.inputIndex(n));
        case TRUE -> f.verum();
        case FALSE -> f.falsum();
        case NOT -> f.not(memo[ch[0]]);
        case AND -> f.and(operands(memo, ch));
        case OR -> f.or(operands(memo, ch));
        case XOR -> xor(f, operands(memo, ch), 0, ch.length);
      };
    }
    return memo[c.outputNode(k)];
  }

  private static List<Formula> operands(Formula[] memo, int[] ch) {
    List<Formula> ops = new ArrayList<>(ch.length);
    for (int x : ch) {
      ops.add(memo[x]);
    }
    return ops;
  }

  private static Formula xor(FormulaFactory f, List<Formula> ops, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return f.falsum();
    }
    if (n == 1) {
      return ops.get(from);
    }
    int mid = from + n / 2;
    return f.not(f.equivalence(xor(f, ops, from, mid), xor(f, ops, mid, to)));
  }

  /**
   * The clauses of output k when it is CNF-shaped, in DIMACS form (literal i for x_i, -i for ¬x_i), or
   * empty when it is not.
   *
   * <p>CNF-shaped means: the output is a conjunction of clauses, a clause being an OR of literals, a
   * single literal, or a constant; a literal is an input or the NOT of an input. Nested ANDs at the top
   * and nested ORs inside a clause are flattened. Constants are folded: a TRUE clause (or a clause
   * containing TRUE or a complementary pair) is dropped, FALSE inside a clause is dropped, and a FALSE
   * clause becomes the empty clause. Repeated literals in a clause are merged. An empty list of
   * clauses means Φ = true; a list containing an empty clause means Φ = false.
   */
  public static Optional<List<int[]>> cnfClauses(Circuit c, int k) {
    checkOutput(c, k);
    List<int[]> clauses = new ArrayList<>();
    if (!collectConjuncts(c, c.outputNode(k), clauses)) {
      return Optional.empty();
    }
    return Optional.of(clauses);
  }

  private static boolean collectConjuncts(Circuit c, int node, List<int[]> clauses) {
    // An explicit stack keeps deep AND chains from overflowing the Java stack.
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = node;
    while (top > 0) {
      int n = stack[--top];
      if (c.op(n) == Circuit.Op.AND) {
        int[] ch = c.children(n);
        for (int j = ch.length - 1; j >= 0; j--) {
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, 2 * top);
          }
          stack[top++] = ch[j];
        }
        continue;
      }
      List<Integer> lits = new ArrayList<>();
      int status = collectDisjuncts(c, n, lits);
      if (status < 0) {
        return false;
      }
      if (status == 0) {
        clauses.add(lits.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    return true;
  }

  /** Returns -1 when not a clause, 1 when the clause is a tautology, 0 otherwise (lits filled). */
  private static int collectDisjuncts(Circuit c, int node, List<Integer> lits) {
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = node;
    boolean tautology = false;
    while (top > 0) {
      int n = stack[--top];
      switch (c.op(n)) {
        case OR -> {
          int[] ch = c.children(n);
          for (int j = ch.length - 1; j >= 0; j--) {
            if (top == stack.length) {
              stack = Arrays.copyOf(stack, 2 * top);
            }
            stack[top++] = ch[j];
          }
        }
        case TRUE -> tautology = true;
        case FALSE -> { }
        case INPUT -> addLiteral(lits, c.inputIndex(n));
        case NOT -> {
          int a = c.children(n)[0];
          if (c.op(a) != Circuit.Op.INPUT) {
            return -1;
          }
          addLiteral(lits, -c.inputIndex(a));
        }
        default -> {
          return -1;
        }
      }
    }
    for (int lit : lits) {
      if (lits.contains(-lit)) {
        tautology = true;
      }
    }
    return tautology ? 1 : 0;
  }

  private static void addLiteral(List<Integer> lits, int lit) {
    if (!lits.contains(lit)) {
      lits.add(lit);
    }
  }

  /** A clause list as a LogicNG CNF formula over {@code x1..xd}. */
  static Formula cnfFormula(List<int[]> clauses, FormulaFactory f) {
    List<Formula> cs = new ArrayList<>(clauses.size());
    for (int[] clause : clauses) {
      List<Literal> lits = new ArrayList<>(clause.length);
      for (int lit : clause) {
        lits.add(f.literal(VARIABLE_PREFIX + Math.abs(lit), lit > 0));
      }
      cs.add(f.or(lits));
    }
    return f.and(cs);
  }

  /** The nodes reachable from {@code root}, in increasing (hence topological) order. */
  static int[] cone(Circuit c, int root) {
    boolean[] reach = new boolean[c.nodeCount()];
    reach[root] = true;
    int count = 0;
    for (int n = root; n >= 0; n--) {
      if (reach[n]) {
        count++;
        for (int ch : c.children(n)) {
          reach[ch] = true;
        }
      }
    }
    int[] out = new int[count];
    int m = 0;
    for (int n = 0; n <= root; n++) {
      if (reach[n]) {
        out[m++] = n;
      }
    }
    return out;
  }

  static void checkOutput(Circuit c, int k) {
    if (k < 0 || k >= c.outputCount()) {
      throw new IllegalArgumentException(
          "output " + k + " does not exist; the circuit has " + c.outputCount() + " (0-based)");
    }
  }
}
