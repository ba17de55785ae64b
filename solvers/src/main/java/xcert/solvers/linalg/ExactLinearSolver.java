package xcert.solvers.linalg;

import java.util.Optional;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Linear systems A y = c over the rationals, solved exactly by Gauss–Jordan elimination: the one
 * exact solver of xcert. It serves the normal equations of the exact limits of seed 000 (KernelSHAP
 * over all coalitions), the exactification of LP solutions into certificates (seed 002), and the
 * exact primal and dual points of the no-free-lunch distance (seed 000 Theorem 3).
 *
 * <p>Every method reduces [A | c] to reduced row echelon form; pivots are the first non-zero entry
 * of each column (exact arithmetic needs no numerical pivoting). Nothing is rounded, so the unique
 * solution, where there is one, does not depend on the order of elimination.
 */
public final class ExactLinearSolver {

  private ExactLinearSolver() {}

  /**
   * The unique solution of A y = c (m equations, n unknowns); empty when A has rank below n or the
   * system is inconsistent.
   */
  public static Optional<BigFraction[]> solve(BigFraction[][] a, BigFraction[] c) {
    int n = a.length == 0 ? 0 : a[0].length;
    Echelon e = Echelon.of(a, c, n);
    if (!e.consistent() || e.rank < n) {
      return Optional.empty();
    }
    BigFraction[] y = new BigFraction[n];
    for (int k = 0; k < e.rank; k++) {
      y[e.pivotColumn[k]] = e.rows[k][n];
    }
    return Optional.of(y);
  }

  /**
   * A solution of A y = c next to a float64 guess: each free variable (a column without a pivot)
   * takes the exact value of its guess and the pivot variables are solved for; empty when the
   * system is inconsistent. With full column rank this is the unique solution.
   */
  public static Optional<BigFraction[]> solveNear(BigFraction[][] a, BigFraction[] c,
      double[] guess) {
    int n = guess.length;
    Echelon e = Echelon.of(a, c, n);
    if (!e.consistent()) {
      return Optional.empty();
    }
    boolean[] isPivot = new boolean[n];
    for (int k = 0; k < e.rank; k++) {
      isPivot[e.pivotColumn[k]] = true;
    }
    BigFraction[] y = new BigFraction[n];
    for (int j = 0; j < n; j++) {
      if (!isPivot[j]) {
        y[j] = BigFraction.from(guess[j]);
      }
    }
    for (int k = 0; k < e.rank; k++) {
      BigFraction[] row = e.rows[k];
      BigFraction v = row[n];
      for (int j = 0; j < n; j++) {
        if (!isPivot[j] && row[j].signum() != 0) {
          v = v.subtract(row[j].multiply(y[j]));
        }
      }
      y[e.pivotColumn[k]] = v;
    }
    return Optional.of(y);
  }

  /** The rank of A. */
  public static int rank(BigFraction[][] a) {
    int n = a.length == 0 ? 0 : a[0].length;
    BigFraction[] zero = new BigFraction[a.length];
    java.util.Arrays.fill(zero, BigFraction.ZERO);
    return Echelon.of(a, zero, n).rank;
  }

  /** The rank of a matrix of integers. */
  public static int rank(int[][] a) {
    BigFraction[][] q = new BigFraction[a.length][];
    for (int i = 0; i < a.length; i++) {
      q[i] = new BigFraction[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        q[i][j] = BigFraction.of(a[i][j]);
      }
    }
    return rank(q);
  }

  /** [A | c] in reduced row echelon form: rows[0..rank) hold the pivots. */
  private record Echelon(BigFraction[][] rows, int[] pivotColumn, int rank, int columns) {

    static Echelon of(BigFraction[][] a, BigFraction[] c, int n) {
      int m = a.length;
      if (c.length != m) {
        throw new IllegalArgumentException(m + " equations but " + c.length + " right-hand sides");
      }
      BigFraction[][] t = new BigFraction[m][n + 1];
      for (int i = 0; i < m; i++) {
        if (a[i].length != n) {
          throw new IllegalArgumentException("row " + (i + 1) + " has " + a[i].length
              + " entries, expected " + n);
        }
        System.arraycopy(a[i], 0, t[i], 0, n);
        t[i][n] = c[i];
      }
      int[] pivotColumn = new int[Math.min(m, n)];
      int rank = 0;
      for (int col = 0; col < n && rank < m; col++) {
        int p = -1;
        for (int i = rank; i < m; i++) {
          if (t[i][col].signum() != 0) {
            p = i;
            break;
          }
        }
        if (p < 0) {
          continue;
        }
        BigFraction[] pr = t[p];
        t[p] = t[rank];
        t[rank] = pr;
        BigFraction inv = pr[col].reciprocal();
        for (int j = col; j <= n; j++) {
          pr[j] = pr[j].multiply(inv);
        }
        for (int i = 0; i < m; i++) {
          BigFraction[] row = t[i];
          if (i != rank && row[col].signum() != 0) {
            BigFraction factor = row[col];
            for (int j = col; j <= n; j++) {
              if (pr[j].signum() != 0) {
                row[j] = row[j].subtract(factor.multiply(pr[j]));
              }
            }
          }
        }
        pivotColumn[rank++] = col;
      }
      return new Echelon(t, pivotColumn, rank, n);
    }

    /** No row 0 = c_i with c_i ≠ 0 below the pivots. */
    boolean consistent() {
      for (int i = rank; i < rows.length; i++) {
        if (rows[i][columns].signum() != 0) {
          return false;
        }
      }
      return true;
    }
  }
}
