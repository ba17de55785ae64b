package xcert.solvers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class LinearSolversTest {

  private static BigFraction q(long n) {
    return BigFraction.of(n);
  }

  /** A random n×n integer matrix with entries in −4..4, made non-singular by a dominant diagonal. */
  private static long[][] dominant(SplittableRandom r, int n) {
    long[][] a = new long[n][n];
    for (int i = 0; i < n; i++) {
      long row = 0;
      for (int j = 0; j < n; j++) {
        a[i][j] = r.nextInt(9) - 4;
        row += Math.abs(a[i][j]);
      }
      a[i][i] = row + 1;
    }
    return a;
  }

  @Test
  void exactSolutionsSatisfyTheSystemExactly() {
    qt().withFixedSeed(11).withExamples(60).forAll(integers().between(1, 7),
        integers().between(0, 10_000)).checkAssert((n, seed) -> {
          SplittableRandom r = new SplittableRandom(seed);
          long[][] a = dominant(r, n);
          BigFraction[][] aq = new BigFraction[n][n];
          BigFraction[] c = new BigFraction[n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              aq[i][j] = q(a[i][j]);
            }
            c[i] = BigFraction.of(r.nextInt(21) - 10, 1 + r.nextInt(5));
          }
          BigFraction[] y = ExactLinearSolver.solve(aq, c).orElseThrow();
          for (int i = 0; i < n; i++) {
            BigFraction s = BigFraction.ZERO;
            for (int j = 0; j < n; j++) {
              s = s.add(aq[i][j].multiply(y[j]));
            }
            assertEquals(c[i], s);
          }
          assertEquals(n, ExactLinearSolver.rank(aq));
          double[] flat = new double[n * n];
          double[] cd = new double[n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              flat[i * n + j] = a[i][j];
            }
            cd[i] = c[i].doubleValue();
          }
          double[] yf = FloatLinearSolver.solve(flat, cd, 1e-12);
          for (int j = 0; j < n; j++) {
            // a diagonally dominant system of size ≤ 7 with entries ≤ 29: errors far below 1e-9
            assertEquals(y[j].doubleValue(), yf[j], 1e-9 * Math.max(1, Math.abs(yf[j])));
          }
          MathContext mc = new MathContext(50);
          BigDecimal[][] ab = new BigDecimal[n][n];
          BigDecimal[] cb = new BigDecimal[n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              ab[i][j] = BigDecimal.valueOf(a[i][j]);
            }
            cb[i] = new BigDecimal(c[i].getNumerator()).divide(new BigDecimal(c[i].getDenominator()),
                mc);
          }
          BigDecimal[] yb = FloatLinearSolver.solve(ab, cb, mc);
          for (int j = 0; j < n; j++) {
            BigDecimal exact = new BigDecimal(y[j].getNumerator())
                .divide(new BigDecimal(y[j].getDenominator()), mc);
            assertTrue(yb[j].subtract(exact).abs().compareTo(new BigDecimal("1e-40")) < 0);
          }
        });
  }

  @Test
  void singularAndInconsistentSystems() {
    BigFraction[][] a = {{q(1), q(2)}, {q(2), q(4)}};
    assertEquals(Optional.empty(), ExactLinearSolver.solve(a, new BigFraction[] {q(1), q(2)}));
    assertEquals(1, ExactLinearSolver.rank(a));
    assertEquals(2, ExactLinearSolver.rank(new int[][] {{1, 0, 1}, {0, 1, 1}, {1, 1, 2}}));
    // consistent, one free variable: it takes the guess, the pivot is solved for
    BigFraction[] near = ExactLinearSolver.solveNear(a, new BigFraction[] {q(3), q(6)},
        new double[] {0.9, 0.75}).orElseThrow();
    assertArrayEquals(new BigFraction[] {BigFraction.of(3, 2), BigFraction.of(3, 4)}, near);
    assertEquals(Optional.empty(), ExactLinearSolver.solveNear(a, new BigFraction[] {q(3), q(7)},
        new double[] {0, 0}));
    // overdetermined and consistent
    BigFraction[][] tall = {{q(1), q(0)}, {q(0), q(1)}, {q(1), q(1)}};
    assertArrayEquals(new BigFraction[] {q(2), q(3)}, ExactLinearSolver.solve(tall,
        new BigFraction[] {q(2), q(3), q(5)}).orElseThrow());
    FloatLinearSolver.SingularSystemException e = assertThrows(
        FloatLinearSolver.SingularSystemException.class,
        () -> FloatLinearSolver.solve(new double[] {1, 2, 2, 4}, new double[] {1, 2}, 1e-12));
    assertEquals(2, e.column());
    assertThrows(FloatLinearSolver.SingularSystemException.class, () -> FloatLinearSolver.solve(
        new BigDecimal[][] {{BigDecimal.ONE, BigDecimal.ONE}, {BigDecimal.ONE, BigDecimal.ONE}},
        new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE}, MathContext.DECIMAL64));
  }

  @Test
  void choleskyAndTheSemidefiniteSquareRoot() {
    double[][] c = {{4, 2, 0}, {2, 2, 0}, {0, 0, 0}};
    double[][] q = FloatLinearSolver.psdSquareRoot(c);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += q[i][k] * q[j][k];
        }
        assertEquals(c[i][j], s, 1e-12);
      }
    }
    assertThrows(ArithmeticException.class, () -> FloatLinearSolver.cholesky(c));
    double[][] pd = {{4, 2}, {2, 2}};
    double[][] l = FloatLinearSolver.cholesky(pd);
    assertArrayEquals(new double[] {2, 0}, l[0], 0);
    assertArrayEquals(new double[] {1, 1}, l[1], 0);
    assertArrayEquals(new double[] {0.5, 0}, FloatLinearSolver.choleskySolve(l,
        new double[] {2, 1}), 1e-15);
    // least squares through points on y = 1 + 2t recovers the line
    double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
    assertArrayEquals(new double[] {1, 2}, FloatLinearSolver.leastSquares(x,
        new double[] {1, 3, 5, 7}), 1e-12);
  }
}
