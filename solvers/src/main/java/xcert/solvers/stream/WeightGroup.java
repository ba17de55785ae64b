package xcert.solvers.stream;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Games that share their semivalue weights: the same classes of features (n_c features with
 * P(z_j = x_j) = q_c in class c) and so the same weights W⁺_c(a), W⁻(a) and D(a) of the identity in
 * the package documentation. A product distribution is one group; the rows of a background are
 * grouped by the number of features where they differ from x. The group's counts are indexed by the
 * agreement state a = (a_1..a_K) in mixed radix: state = Σ_c a_c·radix_c.
 */
final class WeightGroup {

  final int d;
  final int[] sizes;
  final BigFraction[] q;
  final int[] radix;
  final int states;
  final int players;
  /** The class of each model feature in this group's games, −1 where it is never a player. */
  final int[] classOf;

  WeightGroup(int d, int[] sizes, BigFraction[] q, int[] classOf) {
    this.d = d;
    this.sizes = sizes.clone();
    this.q = q.clone();
    this.radix = new int[sizes.length];
    int s = 1;
    int m = 0;
    for (int c = 0; c < sizes.length; c++) {
      radix[c] = s;
      s = Math.multiplyExact(s, sizes[c] + 1);
      m += sizes[c];
    }
    this.states = s;
    this.players = m;
    this.classOf = classOf.clone();
  }

  /** Number of counters a group's counts take: T, then T restricted per feature, then G per feature. */
  int counters() {
    return states * (2 * d + 1);
  }

  static int tIndex(int s) {
    return s;
  }

  int tFreeIndex(int feature, int s) {
    return states * (1 + feature) + s;
  }

  int gIndex(int feature, int s) {
    return states * (1 + d + feature) + s;
  }

  /** The number of weight evaluations the group's R(a) takes: Π_c (n_c+1)(n_c+2)/2. */
  static long weightWork(int[] sizes) {
    long w = 1;
    for (int n : sizes) {
      w = Math.multiplyHigh(w, (long) (n + 1) * (n + 2) / 2) != 0 ? Long.MAX_VALUE
          : w * ((long) (n + 1) * (n + 2) / 2);
    }
    return w;
  }

  private int[] decode(int s) {
    int[] a = new int[sizes.length];
    for (int c = 0; c < sizes.length; c++) {
      a[c] = (s / radix[c]) % (sizes[c] + 1);
    }
    return a;
  }

  /** The semivalue weight ω(s) of a coalition of s players out of {@link #players}. */
  private BigFraction[] omega(Semivalue query) {
    int m = players;
    BigFraction[] w = new BigFraction[Math.max(m, 1)];
    if (query == Semivalue.BANZHAF) {
      Arrays.fill(w, BigFraction.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(Math.max(m - 1, 0))));
      return w;
    }
    // s!(m−s−1)!/m! = 1 / (m · C(m−1, s))
    BigInteger binom = BigInteger.ONE;
    for (int s = 0; s < m; s++) {
      w[s] = BigFraction.of(BigInteger.ONE, binom.multiply(BigInteger.valueOf(m)));
      binom = binom.multiply(BigInteger.valueOf(m - 1 - s)).divide(BigInteger.valueOf(s + 1));
    }
    return w;
  }

  /** Weights of the group: W⁻(a), W⁺_c(a) and the f_∅ weight Π_c q_c^{a_c}(1−q_c)^{n_c−a_c}. */
  record Weights(BigFraction[] minus, BigFraction[][] plus, BigFraction[] empty) {}

  Weights weights(Semivalue query) {
    int k = sizes.length;
    BigFraction[] omega = omega(query);
    BigFraction[][] qPow = new BigFraction[k][];
    BigFraction[][] rPow = new BigFraction[k][];
    BigInteger[][] binom = new BigInteger[players + 1][];
    for (int n = 0; n <= players; n++) {
      binom[n] = new BigInteger[n + 1];
      binom[n][0] = BigInteger.ONE;
      for (int t = 1; t <= n; t++) {
        binom[n][t] = binom[n][t - 1].multiply(BigInteger.valueOf(n - t + 1))
            .divide(BigInteger.valueOf(t));
      }
    }
    for (int c = 0; c < k; c++) {
      qPow[c] = powers(q[c], sizes[c]);
      rPow[c] = powers(BigFraction.ONE.subtract(q[c]), sizes[c]);
    }
    BigFraction[] r = new BigFraction[states];
    BigFraction[] dd = new BigFraction[states];
    BigFraction[] empty = new BigFraction[states];
    for (int s = 0; s < states; s++) {
      int[] a = decode(s);
      BigFraction sum = BigFraction.ZERO;
      int[] t = new int[k];
      int total = 0;
      for (int a0 : a) {
        total += a0;
      }
      if (total <= players - 1 || total == 0) {
        while (true) {
          int size = 0;
          for (int c = 0; c < k; c++) {
            size += t[c];
          }
          if (size < omega.length && size <= players - 1) {
            BigFraction term = omega[size];
            for (int c = 0; c < k; c++) {
              term = term.multiply(binom[a[c]][t[c]]).multiply(qPow[c][a[c] - t[c]]);
            }
            sum = sum.add(term);
          }
          int c = 0;
          while (c < k && ++t[c] > a[c]) {
            t[c] = 0;
            c++;
          }
          if (c == k) {
            break;
          }
        }
      }
      r[s] = sum;
      BigFraction dv = BigFraction.ONE;
      BigFraction ev = BigFraction.ONE;
      for (int c = 0; c < k; c++) {
        dv = dv.multiply(rPow[c][sizes[c] - a[c]]);
        ev = ev.multiply(qPow[c][a[c]]).multiply(rPow[c][sizes[c] - a[c]]);
      }
      dd[s] = dv;
      empty[s] = ev;
    }
    BigFraction[] minus = new BigFraction[states];
    BigFraction[][] plus = new BigFraction[k][states];
    for (int s = 0; s < states; s++) {
      minus[s] = r[s].multiply(dd[s]);
      int[] a = decode(s);
      for (int c = 0; c < k; c++) {
        plus[c][s] = a[c] >= 1 ? r[s - radix[c]].multiply(dd[s])
            .multiply(BigFraction.ONE.subtract(q[c])) : BigFraction.ZERO;
      }
    }
    return new Weights(minus, plus, empty);
  }

  private static BigFraction[] powers(BigFraction b, int n) {
    BigFraction[] p = new BigFraction[n + 1];
    p[0] = BigFraction.ONE;
    for (int e = 1; e <= n; e++) {
      p[e] = p[e - 1].multiply(b);
    }
    return p;
  }

  /** The full agreement state (every player agrees with x). */
  int fullState() {
    return states - 1;
  }
}
