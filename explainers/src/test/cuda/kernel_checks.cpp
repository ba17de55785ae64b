// Runs the kernels of xcert_kernels.cu under the CPU emulation of emulate.hpp and checks each
// against a plain float64 computation of what it is documented to compute. Float32 kernels are held
// to the forward-error bound of a dot product, |fl(sum) - sum| <= gamma_{k+2} (sum |a_i b_i| + |c|),
// gamma_k = k u / (1 - k u), u = 2^-24 (Higham, Accuracy and Stability of Numerical Algorithms,
// 2nd ed., Section 3.1); float64 kernels to 1e-12 relative. Prints one line per check and exits
// non-zero on the first failure. Driven by KernelEmulationTest.
#include "emulate.hpp"
#include "../../main/cuda/xcert_kernels.cu"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

static std::mt19937_64 rng(20261123);

static float rnd(float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}

static double gamma_k(int k) {
  double u = std::ldexp(1.0, -24);
  return k * u / (1 - k * u);
}

static void fail(const char *what, double got, double want, double tol) {
  std::printf("FAIL %s: got %.17g, want %.17g, tolerance %.3g\n", what, got, want, tol);
  std::exit(1);
}

// dense: forward (transB, bias, ReLU on A) and backward (plain B, mask) at sizes off the tile grid.
static void check_dense(bool forward, int M, int N, int K) {
  std::vector<float> A(M * K), W(forward ? N * K : K * N), bias(N), mask(M * N), C(M * N, -7);
  for (auto &v : A) v = rnd(-1, 1);
  for (auto &v : W) v = rnd(-1, 1);
  for (auto &v : bias) v = rnd(-1, 1);
  for (auto &v : mask) v = rnd(-1, 1);
  mask[0] = 0;  // the ReLU derivative at a kink is 0
  int ldw = forward ? K : N;
  emu_launch(dim3{(unsigned) ((N + 63) / 64), (unsigned) ((M + 63) / 64), 1}, dim3{16, 16, 1},
      dense, A.data(), K, forward ? 1 : 0, W.data(), ldw, forward ? 1 : 0,
      forward ? bias.data() : (const float *) 0, forward ? (const float *) 0 : mask.data(), N,
      C.data(), N, M, N, K);
  for (int r = 0; r < M; r++) {
    for (int c = 0; c < N; c++) {
      double s = forward ? bias[c] : 0;
      double mag = std::fabs(s);
      for (int k = 0; k < K; k++) {
        double a = A[r * K + k];
        if (forward && a < 0) a = 0;
        double b = forward ? W[c * ldw + k] : W[k * ldw + c];
        s += a * b;
        mag += std::fabs(a * b);
      }
      if (!forward && !(mask[r * N + c] > 0)) {
        s = 0;
        mag = 0;
      }
      double tol = gamma_k(K + 2) * mag;
      if (std::fabs(C[r * N + c] - s) > tol) fail(forward ? "dense forward" : "dense backward",
          C[r * N + c], s, tol);
    }
  }
  std::printf("ok dense %s %dx%dx%d\n", forward ? "forward" : "backward", M, N, K);
}

static void check_score(int M, int K) {
  std::vector<float> A(M * K), w(K), out(M);
  for (auto &v : A) v = rnd(-1, 1);
  for (auto &v : w) v = rnd(-1, 1);
  float b = 0.25f;
  emu_launch(dim3{(unsigned) ((M * 32 + 255) / 256), 1, 1}, dim3{256, 1, 1}, score, A.data(), K, 1,
      w.data(), b, out.data(), M, K);
  for (int r = 0; r < M; r++) {
    double s = b;
    double mag = std::fabs(b);
    for (int k = 0; k < K; k++) {
      double a = A[r * K + k] < 0 ? 0 : A[r * K + k];
      s += a * w[k];
      mag += std::fabs(a * w[k]);
    }
    if (std::fabs(out[r] - s) > gamma_k(K + 2) * mag) fail("score", out[r], s, gamma_k(K + 2) * mag);
  }
  std::printf("ok score %dx%d\n", M, K);
}

static void check_score_gradient(int M, int K) {
  std::vector<float> w(K), Z(M * K), D(M * K);
  for (auto &v : w) v = rnd(-1, 1);
  for (auto &v : Z) v = rnd(-1, 1);
  Z[0] = 0;  // the derivative at a kink is 0
  emu_launch(dim3{(unsigned) ((M * K + 255) / 256), 1, 1}, dim3{256, 1, 1}, score_gradient, w.data(),
      (const float *) Z.data(), D.data(), M, K);
  for (int e = 0; e < M * K; e++) {
    float want = Z[e] > 0 ? w[e % K] : 0;
    if (D[e] != want) fail("score_gradient", D[e], want, 0);
  }
  std::printf("ok score_gradient %dx%d\n", M, K);
}

static void check_rel(const char *what, double got, double want, double scale) {
  double tol = 1e-12 * (scale > 1 ? scale : 1);
  if (std::fabs(got - want) > tol) fail(what, got, want, tol);
}

static void check_sum_and_moment(int M, int d) {
  std::vector<double> pi(M), J(d), moment(d, 0.0), total(1, 0.0);
  std::vector<float> G(M * d);
  for (auto &v : pi) v = rnd(0, 1);
  for (auto &v : J) v = rnd(-2, 2);
  for (auto &v : G) v = rnd(-1, 1);
  emu_launch(dim3{(unsigned) std::min(1024, (M + 255) / 256), 1, 1}, dim3{256, 1, 1}, sum, pi.data(),
      M, total.data());
  double want = 0;
  for (double v : pi) want += v;
  check_rel("sum", total[0], want, want);
  int strip = 256;
  emu_launch(dim3{(unsigned) ((d + 127) / 128), (unsigned) ((M + strip - 1) / strip), 1},
      dim3{128, 1, 1}, gradient_moment, G.data(), pi.data(), J.data(), M, d, strip, moment.data());
  for (int f = 0; f < d; f++) {
    double s = 0;
    double mag = 0;
    for (int r = 0; r < M; r++) {
      s += pi[r] * J[f] * G[r * d + f];
      mag += std::fabs(pi[r] * J[f] * G[r * d + f]);
    }
    check_rel("gradient_moment", moment[f], s, mag);
  }
  std::printf("ok sum %d, gradient_moment %dx%d\n", M, M, d);
}

// design then gram: G = sum_r pi_r (a_r, y_r, 1)(a_r, y_r, 1)^T.
static void check_design_gram(int M, int d, int fit, bool intercept, bool efficiency) {
  std::vector<double> xi(M * d), pi(M);
  std::vector<float> scores(M), anchors{0.75f, -0.5f};
  for (auto &v : xi) v = rng() % 2;
  for (auto &v : pi) v = rnd(0, 1);
  for (auto &v : scores) v = rnd(-1, 1);
  int p = (efficiency ? d - 1 : d) + (intercept ? 1 : 0);
  int q = p + 2;
  std::vector<double> B(M * q), G(q * q, 0.0);
  emu_launch(dim3{(unsigned) ((M + 127) / 128), 1, 1}, dim3{128, 1, 1}, design, xi.data(), pi.data(),
      scores.data(), anchors.data(), M, d, fit, intercept ? 1 : 0, efficiency ? 1 : 0, B.data(), q);
  int strip = 512;
  emu_launch(dim3{(unsigned) ((q + 15) / 16), (unsigned) ((q + 15) / 16),
      (unsigned) ((M + strip - 1) / strip)}, dim3{16, 16, 1}, gram, (const double *) B.data(), M, q,
      strip, G.data());
  std::vector<double> want(q * q, 0.0);
  for (int r = 0; r < M; r++) {
    std::vector<double> a;
    double y = scores[r];
    if (fit == FIT_DROP) y = anchors[0] - y;
    double zd = xi[r * d + d - 1];
    if (efficiency) {
      y = y - anchors[1] - (anchors[0] - anchors[1]) * zd;
      for (int f = 0; f < d - 1; f++) a.push_back(xi[r * d + f] - zd);
    } else {
      for (int f = 0; f < d; f++) a.push_back(xi[r * d + f]);
    }
    if (intercept) a.push_back(1);
    a.push_back(y);
    a.push_back(1);
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) want[i * q + j] += pi[r] * a[i] * a[j];
    }
  }
  for (int e = 0; e < q * q; e++) check_rel("design/gram", G[e], want[e], M);
  std::printf("ok design+gram %dx%d fit=%d intercept=%d efficiency=%d\n", M, d, fit, intercept,
      efficiency);
}

// perturb NOISE P0 P1 PAIRED COMBINE WEIGHT WIDTH FIT D SEED FIRST M: one line per sample with
// xi, then the network input row (float32), then pi; x0_f = 0.5 + 0.25 f, r_f = -0.125 f.
static int print_perturb(char **a) {
  int noise = std::atoi(a[0]);
  double p0 = std::atof(a[1]);
  double p1 = std::atof(a[2]);
  int paired = std::atoi(a[3]);
  int how = std::atoi(a[4]);
  int weight = std::atoi(a[5]);
  double width = std::atof(a[6]);
  int fit = std::atoi(a[7]);
  int d = std::atoi(a[8]);
  unsigned long long seed = std::strtoull(a[9], 0, 10);
  long long first = std::atoll(a[10]);
  int m = std::atoi(a[11]);
  std::vector<double> x0(d), ref(d), xi(m * d), pi(m);
  std::vector<float> rows(m * d);
  for (int f = 0; f < d; f++) {
    x0[f] = 0.5 + 0.25 * f;
    ref[f] = -0.125 * f;
  }
  emu_launch(dim3{(unsigned) ((m + 127) / 128), 1, 1}, dim3{128, 1, 1}, perturb, first, m, d, seed,
      noise, p0, p1, paired, how, weight, width, fit, (const double *) x0.data(),
      (const double *) ref.data(), xi.data(), rows.data(), pi.data());
  for (int r = 0; r < m; r++) {
    for (int f = 0; f < d; f++) std::printf("%.17g ", xi[r * d + f]);
    std::printf("|");
    for (int f = 0; f < d; f++) std::printf(" %.9g", rows[r * d + f]);
    std::printf(" | %.17g\n", pi[r]);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 14 && std::string(argv[1]) == "perturb") {
    return print_perturb(argv + 2);
  }
  check_dense(true, 70, 130, 37);
  check_dense(true, 1, 1, 1);
  check_dense(false, 65, 20, 129);
  check_score(45, 70);
  check_score_gradient(9, 13);
  check_sum_and_moment(1000, 5);
  check_design_gram(700, 6, FIT_VALUE, true, false);
  check_design_gram(300, 5, FIT_DROP, false, false);
  check_design_gram(300, 7, FIT_VALUE, false, true);
  std::printf("all kernels ok\n");
  return 0;
}
