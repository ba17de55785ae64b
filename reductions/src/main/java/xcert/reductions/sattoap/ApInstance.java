package xcert.reductions.sattoap;

import xcert.solvers.errors.TooLargeException;
import xcert.solvers.io.DimacsFormat;
import xcert.solvers.model.Circuit;

/**
 * The AP instance of seed 003 Lemma 3.6 built from a CNF Φ on d variables:
 * Φ'(u^(1), …, u^(q), v) = Φ(∧_{j=1}^q u^(j)) ∨ ∧_{i=1}^{m'+p} v_i, x' = 1, k', m'.
 *
 * <p>Inputs, 1-based as everywhere in xcert: u^(j)_i is input (i−1)·q + j (the q copies of variable i
 * are adjacent), and v_t is input dq + t. The circuit has three outputs: 0 is Φ' itself, 1 is the
 * conjunction ∧v alone, 2 is the miter Φ' ⊕ ∧v, which is unsatisfiable exactly when Φ' equals ∧v (the
 * sufficiency part of the proof, for unsatisfiable Φ).
 */
public final class ApInstance {

  /** Most inputs an instance may have (v grows with m'). */
  public static final long MAX_INPUTS = 2_000_000;

  private final ApParameters params;
  private final DimacsFormat.Cnf cnf;
  private final Circuit circuit;
  private final int vFirst;
  private final int vCount;

  public ApInstance(DimacsFormat.Cnf cnf, ApParameters params) {
    if (cnf.variables() != params.d()) {
      throw new IllegalArgumentException("the CNF has " + cnf.variables() + " variables, the "
          + "parameters d = " + params.d());
    }
    if (params.variables().compareTo(java.math.BigInteger.valueOf(MAX_INPUTS)) > 0) {
      throw new TooLargeException("Φ' would have d' = " + params.variables() + " inputs (m' = "
          + params.mPrime() + "); at most " + MAX_INPUTS + " are built");
    }
    this.params = params;
    this.cnf = cnf;
    int d = params.d();
    int q = params.q();
    this.vFirst = d * q;
    this.vCount = params.mPrime().intValueExact() + params.p();
    Circuit.Builder b = Circuit.builder(vFirst + vCount);
    int[] w = new int[d];
    int[] notW = new int[d];
    for (int i = 0; i < d; i++) {
      int[] copies = new int[q];
      for (int j = 0; j < q; j++) {
        copies[j] = b.input(i * q + j + 1);
      }
      w[i] = q == 1 ? copies[0] : b.and(copies);
    }
    int[] clauses = new int[cnf.clauses().length];
    for (int c = 0; c < clauses.length; c++) {
      int[] clause = cnf.clauses()[c];
      int[] lits = new int[clause.length];
      for (int l = 0; l < clause.length; l++) {
        int v = Math.abs(clause[l]) - 1;
        if (clause[l] > 0) {
          lits[l] = w[v];
        } else {
          if (notW[v] == 0) {
            notW[v] = b.not(w[v]) + 1; // +1 so that 0 means "not built yet"
          }
          lits[l] = notW[v] - 1;
        }
      }
      clauses[c] = b.or(lits);
    }
    int phi = b.and(clauses);
    int[] v = new int[vCount];
    for (int t = 0; t < vCount; t++) {
      v[t] = b.input(vFirst + t + 1);
    }
    int vAnd = b.and(v);
    int out = b.or(phi, vAnd);
    b.output(out, "phi_prime").output(vAnd, "and_v").output(b.xor(out, vAnd), "miter");
    this.circuit = b.build();
  }

  public ApParameters parameters() {
    return params;
  }

  public DimacsFormat.Cnf cnf() {
    return cnf;
  }

  /** The circuit with its three outputs (Φ', ∧v, miter). */
  public Circuit circuit() {
    return circuit;
  }

  /** Φ' alone, as written to AIGER. */
  public Circuit phiPrime() {
    return circuit.withOutput(0);
  }

  /** Number of inputs d' = dq + m' + p. */
  public int inputs() {
    return vFirst + vCount;
  }

  /** 0-based input index of u^(j)_i, i and j 1-based. */
  public int u(int i, int j) {
    return (i - 1) * params.q() + (j - 1);
  }

  /** 0-based input index of v_t, t 1-based. */
  public int v(int t) {
    return vFirst + t - 1;
  }

  /** Number of v inputs, m' + p. */
  public int vCount() {
    return vCount;
  }
}
