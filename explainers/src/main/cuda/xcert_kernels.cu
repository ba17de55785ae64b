// Device kernels of xcert's GPU backend (module explainers, class
// xcert.explainers.backend.GpuBackend). Compiled to PTX by build-ptx.sh next to this file; the PTX is
// a resource of the module and the CUDA driver compiles it for the GPU at run time, so neither the
// build nor the run needs the CUDA toolkit.
//
// Layouts are row-major: row r of an m x k matrix starts at r*k. Network activations, weights and
// gradients are float32; samples, sample weights and every sum are float64.
//
// Sampling follows xcert.explainers.backend.CounterStream (Philox4x32-10 keyed by the seed, counter
// (sample index, block)) and the per-sample definitions of xcert.explainers.backend.LfaPlan.Noise,
// so that sample i here is the sample i the CPU draws. Where a discrete decision depends on a
// product (Shapley coalitions), the product is rounded explicitly (__dmul_rn) so that no fused
// multiply-add can change the decision.

extern "C" {

// ---------------------------------------------------------------- counter-based stream (Philox)

struct Stream {
  unsigned int k0, k1;  // key: seed
  unsigned int i0, i1;  // sample index
  int block;            // block whose words are cached, -1 for none
  unsigned int w[4];
};

__device__ __forceinline__ void philox_block(Stream &s, int c) {
  if (s.block == c) {
    return;
  }
  unsigned int c0 = s.i0, c1 = s.i1, c2 = (unsigned int) c, c3 = 0u;
  unsigned int k0 = s.k0, k1 = s.k1;
  for (int round = 0; round < 10; round++) {
    if (round > 0) {
      k0 += 0x9E3779B9u;
      k1 += 0xBB67AE85u;
    }
    unsigned int hi0 = __umulhi(0xD2511F53u, c0);
    unsigned int lo0 = 0xD2511F53u * c0;
    unsigned int hi1 = __umulhi(0xCD9E8D57u, c2);
    unsigned int lo1 = 0xCD9E8D57u * c2;
    unsigned int n0 = hi1 ^ c1 ^ k0;
    unsigned int n2 = hi0 ^ c3 ^ k1;
    c0 = n0;
    c1 = lo1;
    c2 = n2;
    c3 = lo0;
  }
  s.w[0] = c0;
  s.w[1] = c1;
  s.w[2] = c2;
  s.w[3] = c3;
  s.block = c;
}

__device__ __forceinline__ Stream stream_at(unsigned long long seed, long long index) {
  Stream s;
  s.k0 = (unsigned int) (seed & 0xFFFFFFFFull);
  s.k1 = (unsigned int) (seed >> 32);
  unsigned long long i = (unsigned long long) index;
  s.i0 = (unsigned int) (i & 0xFFFFFFFFull);
  s.i1 = (unsigned int) (i >> 32);
  s.block = -1;
  return s;
}

// (2 u52 + 1) 2^-53 with u52 = (a << 20) | (b >> 12): exact, in (0, 1).
__device__ __forceinline__ double unit(unsigned int a, unsigned int b) {
  unsigned long long u52 = ((unsigned long long) a << 20) | (unsigned long long) (b >> 12);
  return (double) (2ull * u52 + 1ull) * 0x1p-53;
}

__device__ __forceinline__ double uniform(Stream &s, int k) {
  philox_block(s, k >> 1);
  return (k & 1) ? unit(s.w[2], s.w[3]) : unit(s.w[0], s.w[1]);
}

// Box-Muller on the two uniforms of block k/2: cos for even k, sin for odd k.
__device__ __forceinline__ double normal(Stream &s, int k) {
  philox_block(s, k >> 1);
  double u0 = unit(s.w[0], s.w[1]);
  double u1 = unit(s.w[2], s.w[3]);
  double r = sqrt(-2.0 * log(u0));
  double theta = 2.0 * 3.141592653589793 * u1;
  return (k & 1) ? r * sin(theta) : r * cos(theta);
}

// ---------------------------------------------------------------- neighbourhoods (LfaPlan.Noise)

enum { GAUSSIAN, LAPLACE, UNIFORM_BOX, UNIFORM_SCALE, BERNOULLI, LIME_MASK, SHAPLEY, ONE_HOT,
    RIEMANN };
enum { ADDITIVE, MULTIPLICATIVE, MASK };
enum { W_NONE, W_LIME_COSINE, W_LIME_L2 };
enum { FIT_GRADIENT, FIT_VALUE, FIT_DROP };

__device__ int shapley_size(Stream &s, int d) {
  double total = 0;
  for (int k = 1; k < d; k++) {
    total += (double) (d - 1) / (k * (double) (d - k));
  }
  double u = __dmul_rn(uniform(s, 0), total);
  for (int k = 1; k < d - 1; k++) {
    u = __dsub_rn(u, (double) (d - 1) / (k * (double) (d - k)));
    if (u < 0) {
      return k;
    }
  }
  return d - 1;
}

// xi[0..d-1] := perturbation number index.
__device__ void draw(int noise, double p0, double p1, unsigned long long seed, long long index,
    int d, double *xi) {
  Stream s = stream_at(seed, index);
  switch (noise) {
    case GAUSSIAN:
      for (int f = 0; f < d; f++) {
        xi[f] = p0 == 0 ? 0.0 : p0 * normal(s, f);
      }
      break;
    case LAPLACE:
      for (int f = 0; f < d; f++) {
        double u = uniform(s, f) - 0.5;
        double sgn = u > 0 ? 1.0 : (u < 0 ? -1.0 : 0.0);
        xi[f] = -p0 * sgn * log1p(-2.0 * fabs(u));
      }
      break;
    case UNIFORM_BOX:
      for (int f = 0; f < d; f++) {
        xi[f] = p0 * (2.0 * uniform(s, f) - 1.0);
      }
      break;
    case UNIFORM_SCALE: {
      double t = p0 == p1 ? p0 : __dadd_rn(p0, __dmul_rn(p1 - p0, uniform(s, 0)));
      for (int f = 0; f < d; f++) {
        xi[f] = t;
      }
      break;
    }
    case BERNOULLI:
      for (int f = 0; f < d; f++) {
        xi[f] = uniform(s, f) < p0 ? 1.0 : 0.0;
      }
      break;
    case LIME_MASK:
      for (int f = 0; f < d; f++) {
        xi[f] = index == 0 ? 1.0 : (uniform(s, f) < 0.5 ? 1.0 : 0.0);
      }
      break;
    case SHAPLEY: {
      int needed = shapley_size(s, d);
      for (int f = 0; f < d; f++) {
        if (__dmul_rn(uniform(s, 1 + f), (double) (d - f)) < needed) {
          xi[f] = 1.0;
          needed--;
        } else {
          xi[f] = 0.0;
        }
      }
      break;
    }
    case ONE_HOT: {
      int hot = (int) (index % d);
      for (int f = 0; f < d; f++) {
        xi[f] = f == hot ? 1.0 : 0.0;
      }
      break;
    }
    case RIEMANN: {
      long long m = (long long) p0;
      double t = ((double) (index % m) + 0.5) / (double) m;
      for (int f = 0; f < d; f++) {
        xi[f] = t;
      }
      break;
    }
  }
}

__device__ __forceinline__ double combine(int how, double x, double r, double xi) {
  switch (how) {
    case ADDITIVE:
      return x + xi;
    case MULTIPLICATIVE:
      return x * xi;
    default:
      return x * xi + r * (1 - xi);
  }
}

// One thread per sample r of the chunk: xi (m x d), the network inputs rows (m x d; x0 + (1 - xi)
// for the drop target) and the weight pi.
__global__ void perturb(long long first, int m, int d, unsigned long long seed, int noise,
    double p0, double p1, int paired, int how, int weight, double width, int fit,
    const double *x0, const double *ref, double *xi, float *rows, double *pi) {
  int r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= m) {
    return;
  }
  long long index = first + r;
  double *z = xi + (long long) r * d;
  if (paired && (index & 1)) {
    draw(noise, p0, p1, seed, index - 1, d, z);
    for (int f = 0; f < d; f++) {
      z[f] = 1 - z[f];
    }
  } else {
    draw(noise, p0, p1, seed, index, d, z);
  }
  float *row = rows + (long long) r * d;
  int ones = 0;
  for (int f = 0; f < d; f++) {
    double v = fit == FIT_DROP ? 1 - z[f] : z[f];
    row[f] = (float) combine(how, x0[f], ref[f], v);
    if (z[f] != 0) {
      ones++;
    }
  }
  double p = 1.0;
  if (weight != W_NONE) {
    double dist = weight == W_LIME_L2 ? sqrt((double) (d - ones))
        : (ones == 0 ? 1.0 : 1.0 - sqrt((double) ones / d));
    p = sqrt(exp(-dist * dist / (width * width)));
  }
  pi[r] = p;
}

// ---------------------------------------------------------------- dense layers (float32)

#define TILE 64
#define TK 16

// C (M x N, ldc) = op(A) (M x K, lda) . B (K x N) [+ bias] [masked], 16 x 16 threads, 4 x 4 outputs
// each. op(A) is ReLU when reluA. B(k, j) = W[j*ldw + k] when transB (forward: W is N x K), else
// W[k*ldw + j] (backward: W is K x N). When mask is given, C(r, c) is kept only where
// mask[r*ldmask + c] > 0 (the ReLU derivative, 0 at 0).
__global__ void dense(const float *A, int lda, int reluA, const float *W, int ldw, int transB,
    const float *bias, const float *mask, int ldmask, float *C, int ldc, int M, int N, int K) {
  __shared__ float As[TK][TILE + 4];
  __shared__ float Bs[TK][TILE + 4];
  int tx = threadIdx.x;
  int ty = threadIdx.y;
  int tid = ty * 16 + tx;
  long long row0 = (long long) blockIdx.y * TILE;
  int col0 = blockIdx.x * TILE;
  float acc[4][4];
  for (int u = 0; u < 4; u++) {
    for (int v = 0; v < 4; v++) {
      acc[u][v] = 0.0f;
    }
  }
  for (int k0 = 0; k0 < K; k0 += TK) {
    for (int e = tid; e < TILE * TK; e += 256) {
      int i = e / TK;
      int kk = e % TK;
      long long gr = row0 + i;
      int gk = k0 + kk;
      float v = (gr < M && gk < K) ? A[gr * lda + gk] : 0.0f;
      if (reluA && v < 0.0f) {
        v = 0.0f;
      }
      As[kk][i] = v;
    }
    for (int e = tid; e < TILE * TK; e += 256) {
      int kk;
      int j;
      if (transB) {
        j = e / TK;
        kk = e % TK;
      } else {
        kk = e / TILE;
        j = e % TILE;
      }
      int gk = k0 + kk;
      int gc = col0 + j;
      float v = 0.0f;
      if (gk < K && gc < N) {
        v = transB ? W[(long long) gc * ldw + gk] : W[(long long) gk * ldw + gc];
      }
      Bs[kk][j] = v;
    }
    __syncthreads();
    for (int kk = 0; kk < TK; kk++) {
      float a[4];
      float b[4];
      for (int u = 0; u < 4; u++) {
        a[u] = As[kk][ty + 16 * u];
        b[u] = Bs[kk][tx + 16 * u];
      }
      for (int u = 0; u < 4; u++) {
        for (int v = 0; v < 4; v++) {
          acc[u][v] += a[u] * b[v];
        }
      }
    }
    __syncthreads();
  }
  for (int u = 0; u < 4; u++) {
    long long r = row0 + ty + 16 * u;
    if (r >= M) {
      continue;
    }
    for (int v = 0; v < 4; v++) {
      int c = col0 + tx + 16 * v;
      if (c >= N) {
        continue;
      }
      float out = acc[u][v];
      if (bias != 0) {
        out += bias[c];
      }
      if (mask != 0 && !(mask[r * ldmask + c] > 0.0f)) {
        out = 0.0f;
      }
      C[r * ldc + c] = out;
    }
  }
}

// The score (output 0 of the last layer): out[r] = b + sum_k op(A[r, k]) w[k], one warp per row.
__global__ void score(const float *A, int lda, int reluA, const float *w, float b, float *out,
    int M, int K) {
  long long warp = ((long long) blockIdx.x * blockDim.x + threadIdx.x) >> 5;
  int lane = threadIdx.x & 31;
  if (warp >= M) {
    return;
  }
  const float *a = A + warp * lda;
  float s = 0.0f;
  for (int k = lane; k < K; k += 32) {
    float v = a[k];
    if (reluA && v < 0.0f) {
      v = 0.0f;
    }
    s += v * w[k];
  }
  for (int off = 16; off > 0; off >>= 1) {
    s += __shfl_down_sync(0xFFFFFFFFu, s, off);
  }
  if (lane == 0) {
    out[warp] = s + b;
  }
}

// The gradient of the score with respect to the last layer's input: D[r, k] = w[k], masked by the
// ReLU derivative of Z[r, k] when Z is given.
__global__ void score_gradient(const float *w, const float *Z, float *D, int M, int K) {
  long long e = (long long) blockIdx.x * blockDim.x + threadIdx.x;
  if (e >= (long long) M * K) {
    return;
  }
  int k = (int) (e % K);
  float v = w[k];
  if (Z != 0 && !(Z[e] > 0.0f)) {
    v = 0.0f;
  }
  D[e] = v;
}

// ---------------------------------------------------------------- reductions (float64)

// out[0] += sum of v[0..M-1].
__global__ void sum(const double *v, int M, double *out) {
  __shared__ double part[256];
  double s = 0;
  for (long long r = (long long) blockIdx.x * blockDim.x + threadIdx.x; r < M;
       r += (long long) gridDim.x * blockDim.x) {
    s += v[r];
  }
  part[threadIdx.x] = s;
  __syncthreads();
  for (int h = blockDim.x / 2; h > 0; h >>= 1) {
    if (threadIdx.x < h) {
      part[threadIdx.x] += part[threadIdx.x + h];
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    atomicAdd(out, part[0]);
  }
}

// moment[f] += sum_r pi[r] J[f] G[r, f] over the rows of this block's strip.
__global__ void gradient_moment(const float *G, const double *pi, const double *J, int M, int d,
    int rowsPerStrip, double *moment) {
  int f = blockIdx.x * blockDim.x + threadIdx.x;
  if (f >= d) {
    return;
  }
  long long from = (long long) blockIdx.y * rowsPerStrip;
  long long to = from + rowsPerStrip < M ? from + rowsPerStrip : M;
  double s = 0;
  for (long long r = from; r < to; r++) {
    s += pi[r] * J[f] * (double) G[r * d + f];
  }
  atomicAdd(&moment[f], s);
}

// The weighted regression rows: B[r, :] = sqrt(pi_r) (a_r, y_r, 1) with q = p + 2 columns, a_r the
// p regression features (xi, or xi_f - xi_d under the efficiency constraint, then 1 for the
// intercept) and y_r the target. anchors = (f(x0), f(x0 + 0)).
__global__ void design(const double *xi, const double *pi, const float *scores,
    const float *anchors, int M, int d, int fit, int intercept, int efficiency, double *B, int q) {
  int r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= M) {
    return;
  }
  const double *z = xi + (long long) r * d;
  double *b = B + (long long) r * q;
  double sp = sqrt(pi[r]);
  double y = (double) scores[r];
  if (fit == FIT_DROP) {
    y = (double) anchors[0] - y;
  }
  int p = q - 2;
  int c = 0;
  if (efficiency) {
    double c0 = (double) anchors[1];
    double c1 = (double) anchors[0] - c0;
    double zd = z[d - 1];
    y = y - c0 - c1 * zd;
    for (int f = 0; f < d - 1; f++) {
      b[c++] = sp * (z[f] - zd);
    }
  } else {
    for (int f = 0; f < d; f++) {
      b[c++] = sp * z[f];
    }
  }
  if (intercept) {
    b[c++] = sp;
  }
  b[p] = sp * y;
  b[p + 1] = sp;
}

// G (q x q) += B^T B over the rows of this block's strip; 16 x 16 threads per 16 x 16 tile of G.
__global__ void gram(const double *B, int M, int q, int rowsPerStrip, double *G) {
  __shared__ double Bi[16][17];
  __shared__ double Bj[16][17];
  int tx = threadIdx.x;
  int ty = threadIdx.y;
  int i = blockIdx.y * 16 + ty;
  int j = blockIdx.x * 16 + tx;
  long long from = (long long) blockIdx.z * rowsPerStrip;
  long long to = from + rowsPerStrip < M ? from + rowsPerStrip : M;
  double acc = 0;
  for (long long r0 = from; r0 < to; r0 += 16) {
    long long r = r0 + ty;
    int ci = blockIdx.y * 16 + tx;
    int cj = blockIdx.x * 16 + tx;
    Bi[ty][tx] = (r < to && ci < q) ? B[r * q + ci] : 0.0;
    Bj[ty][tx] = (r < to && cj < q) ? B[r * q + cj] : 0.0;
    __syncthreads();
    for (int k = 0; k < 16; k++) {
      acc += Bi[k][ty] * Bj[k][tx];
    }
    __syncthreads();
  }
  if (i < q && j < q) {
    atomicAdd(&G[i * q + j], acc);
  }
}

// out[k] = (double) v[k] for k < count.
__global__ void widen(const float *v, int count, double *out) {
  int k = blockIdx.x * blockDim.x + threadIdx.x;
  if (k < count) {
    out[k] = (double) v[k];
  }
}

}  // extern "C"
