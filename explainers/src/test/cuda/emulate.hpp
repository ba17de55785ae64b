// A CPU emulation of the few CUDA features xcert_kernels.cu uses, so that its kernels can be run and
// checked on a machine without a GPU (KernelEmulationTest). Blocks run one after another; the threads
// of a block run as real threads, with __syncthreads as a barrier that threads leave when they
// return, __shared__ arrays as statics (one block at a time uses them), and warp shuffles through a
// block-wide buffer. Not a performance model: only the arithmetic and the indexing are checked.
#pragma once
#include <atomic>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

struct dim3 {
  unsigned x = 1, y = 1, z = 1;
};
thread_local dim3 threadIdx;
thread_local dim3 blockIdx;
dim3 gridDim;
dim3 blockDim;
std::barrier<> *emu_barrier;
float emu_shuffle[1024];

#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static

inline void __syncthreads() { emu_barrier->arrive_and_wait(); }
inline unsigned int __umulhi(unsigned int a, unsigned int b) {
  return (unsigned int) (((unsigned long long) a * b) >> 32);
}
inline double __dmul_rn(double a, double b) { return a * b; }
inline double __dadd_rn(double a, double b) { return a + b; }
inline double __dsub_rn(double a, double b) { return a - b; }
inline double atomicAdd(double *p, double v) {
  std::atomic_ref<double> r(*p);
  return r.fetch_add(v);
}
inline float __shfl_down_sync(unsigned int, float v, int off) {
  int tid = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
  emu_shuffle[tid] = v;
  __syncthreads();
  int lane = tid & 31;
  float r = lane + off < 32 ? emu_shuffle[tid + off] : v;
  __syncthreads();
  return r;
}

template <class F, class... A>
void emu_launch(dim3 grid, dim3 block, F kernel, A... args) {
  gridDim = grid;
  blockDim = block;
  int threads = block.x * block.y * block.z;
  for (unsigned bz = 0; bz < grid.z; bz++) {
    for (unsigned by = 0; by < grid.y; by++) {
      for (unsigned bx = 0; bx < grid.x; bx++) {
        std::barrier<> bar(threads);
        emu_barrier = &bar;
        std::vector<std::thread> ts;
        for (int t = 0; t < threads; t++) {
          ts.emplace_back([&, t] {
            blockIdx = dim3{bx, by, bz};
            threadIdx = dim3{t % block.x, (t / block.x) % block.y, t / (block.x * block.y)};
            kernel(args...);
            bar.arrive_and_drop();
          });
        }
        for (auto &th : ts) {
          th.join();
        }
      }
    }
  }
}
