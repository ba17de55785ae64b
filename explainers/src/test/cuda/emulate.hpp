// A CPU emulation of the few CUDA features xcert_kernels.cu uses, so that its kernels can be run and
// checked on a machine without a GPU (KernelEmulationTest, and the emulated driver of
// driver_emulation.cpp). Blocks run one after another; the threads of a block run as fibers
// (ucontext) on one OS thread, each until it reaches __syncthreads or returns, and a block-wide
// barrier is a round in which every thread still running reaches it (threads that have returned are
// dropped, as with arrive_and_drop). __shared__ arrays are statics (one block at a time uses them);
// warp shuffles go through a block-wide buffer. Not a performance model: only the arithmetic, the
// indexing and the barriers are checked. One launch at a time.
#pragma once
#include <ucontext.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <vector>

struct dim3 {
  unsigned x = 1, y = 1, z = 1;
};
inline dim3 threadIdx;
inline dim3 blockIdx;
inline dim3 gridDim;
inline dim3 blockDim;
inline float emu_shuffle[1024];

#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static

namespace emu {
constexpr size_t STACK = 128 * 1024;
inline ucontext_t scheduler;
inline std::vector<ucontext_t> fibers;
inline std::vector<std::unique_ptr<char[]>> stacks;
inline std::vector<char> finished;
inline int current;
inline std::function<void()> body;

inline void entry() {
  body();
  finished[current] = 1;  // uc_link returns to the scheduler
}

// Runs body once per thread of one block.
inline void block(int threads) {
  while ((int) stacks.size() < threads) {
    stacks.emplace_back(new char[STACK]);
  }
  fibers.resize(threads);
  finished.assign(threads, 0);
  for (int t = 0; t < threads; t++) {
    getcontext(&fibers[t]);
    fibers[t].uc_stack.ss_sp = stacks[t].get();
    fibers[t].uc_stack.ss_size = STACK;
    fibers[t].uc_link = &scheduler;
    makecontext(&fibers[t], entry, 0);
  }
  int live = threads;
  while (live > 0) {
    for (int t = 0; t < threads; t++) {
      if (finished[t]) {
        continue;
      }
      current = t;
      threadIdx = dim3{t % blockDim.x, (t / blockDim.x) % blockDim.y, t / (blockDim.x * blockDim.y)};
      swapcontext(&scheduler, &fibers[t]);
      if (finished[t]) {
        live--;
      }
    }
  }
}
}  // namespace emu

inline void __syncthreads() { swapcontext(&emu::fibers[emu::current], &emu::scheduler); }
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
  emu::body = [&] { kernel(args...); };
  int threads = block.x * block.y * block.z;
  for (unsigned bz = 0; bz < grid.z; bz++) {
    for (unsigned by = 0; by < grid.y; by++) {
      for (unsigned bx = 0; bx < grid.x; bx++) {
        blockIdx = dim3{bx, by, bz};
        emu::block(threads);
      }
    }
  }
  emu::body = nullptr;
}
