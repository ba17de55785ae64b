// An emulated CUDA driver: a shared library named libcuda.so.1 that implements the 15 driver-API
// calls xcert's host code makes (xcert.explainers.backend.gpu.CudaDevice and DeviceArray, through
// JCuda), and runs the kernels of xcert_kernels.cu under the CPU emulation of emulate.hpp. With it
// first on LD_LIBRARY_PATH, JCuda's native library binds to it instead of a real driver, so the whole
// GPU backend (argument packing, offsets, grid sizes, copies, the order of launches) runs on a machine
// without a GPU. EmulatedDriverTest builds it and runs GpuBackend on it in a child JVM.
//
// It also checks what a GPU would not report, or would report only as a crash:
//  - every allocation ends at a page boundary followed by an inaccessible page, so a kernel or a copy
//    that runs past the end of an array faults (the child JVM dies and the test fails);
//  - every pointer passed to a kernel or a copy must point into a live allocation (or be null for a
//    kernel), and a copy must fit in what is left of it;
//  - launch shapes must respect the limits of every GPU of compute capability 7.5 and later
//    (1024 threads a block, 2^31-1 blocks in x, 65535 in y and z);
//  - the module loaded must be xcert's PTX (it must name every kernel looked up), and a kernel must
//    exist in this table to be looked up.
// Everything runs synchronously; "queued" work is done when cuLaunchKernel returns.
#include "emulate.hpp"
#include "../../main/cuda/xcert_kernels.cu"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;

static const CUresult SUCCESS = 0;
static const CUresult INVALID_VALUE = 1;
static const CUresult NOT_INITIALIZED = 3;
static const CUresult INVALID_IMAGE = 200;
static const CUresult INVALID_CONTEXT = 201;
static const CUresult NOT_FOUND = 500;
static const CUresult LAUNCH_OUT_OF_RESOURCES = 701;

static const char *const DEVICE_NAME = "xcert emulated CUDA device (CPU)";
// The memory the device reports: XCERT_EMULATED_DEVICE_MEMORY bytes, default 4 GiB (a small value
// makes the host code split its work into chunks).
static size_t total_memory() {
  static size_t t = [] {
    const char *v = std::getenv("XCERT_EMULATED_DEVICE_MEMORY");
    return v ? (size_t) std::strtoull(v, nullptr, 10) : (size_t) 4 << 30;
  }();
  return t;
}

static std::mutex lock;
static bool initialised;
static CUcontext current;
static int context_token;
static std::string module_text;

// ------------------------------------------------------------------------------- allocations

struct Allocation {
  char *base;     // start of the mapping
  size_t mapped;  // bytes mapped, guard page included
  size_t size;    // bytes asked for; the data ends where the guard page starts
};

// keyed by the first byte of the data
static std::map<uintptr_t, Allocation> allocations;
static size_t allocated;

static size_t page() {
  static size_t p = (size_t) sysconf(_SC_PAGESIZE);
  return p;
}

// The allocation holding [p, p + bytes), or null.
static const Allocation *holding(uintptr_t p, size_t bytes) {
  auto it = allocations.upper_bound(p);
  if (it == allocations.begin()) {
    return nullptr;
  }
  --it;
  uintptr_t start = it->first;
  if (p < start || p + bytes > start + it->second.size || p + bytes < p) {
    return nullptr;
  }
  return &it->second;
}

static void complain(const char *what) {
  std::fprintf(stderr, "emulated CUDA driver: %s\n", what);
}

// ------------------------------------------------------------------------------- kernels

using Launcher = std::function<CUresult(dim3, dim3, void **)>;

template <class T>
static bool argument_ok(const T &v, const char *kernel, size_t i) {
  if constexpr (std::is_pointer_v<T>) {
    if (v != nullptr && holding((uintptr_t) v, 0) == nullptr) {
      char msg[200];
      std::snprintf(msg, sizeof msg, "kernel %s argument %zu points outside every allocation", kernel,
          i);
      complain(msg);
      return false;
    }
  }
  return true;
}

template <class... A, size_t... I>
static CUresult call(const char *name, void (*k)(A...), dim3 g, dim3 b, void **p,
    std::index_sequence<I...>) {
  if ((argument_ok(*static_cast<A *>(p[I]), name, I) && ...)) {
    emu_launch(g, b, k, *static_cast<A *>(p[I])...);
    return SUCCESS;
  }
  return INVALID_VALUE;
}

template <class... A>
static Launcher launcher(const char *name, void (*k)(A...)) {
  return [name, k](dim3 g, dim3 b, void **p) {
    return call(name, k, g, b, p, std::index_sequence_for<A...>{});
  };
}

#define KERNEL(k) {#k, launcher(#k, k)}
static const std::map<std::string, Launcher> kernels = {
    KERNEL(perturb), KERNEL(dense), KERNEL(score), KERNEL(score_gradient), KERNEL(sum),
    KERNEL(gradient_moment), KERNEL(design), KERNEL(gram), KERNEL(widen)};

// ------------------------------------------------------------------------------- driver API

extern "C" {

CUresult cuInit(unsigned int flags) {
  std::lock_guard<std::mutex> g(lock);
  initialised = flags == 0;
  return initialised ? SUCCESS : INVALID_VALUE;
}

CUresult cuDeviceGetCount(int *count) {
  if (!initialised) return NOT_INITIALIZED;
  *count = 1;
  return SUCCESS;
}

CUresult cuDeviceGet(CUdevice *device, int ordinal) {
  if (!initialised) return NOT_INITIALIZED;
  if (ordinal != 0) return INVALID_VALUE;
  *device = 0;
  return SUCCESS;
}

CUresult cuDeviceGetName(char *name, int len, CUdevice device) {
  if (device != 0 || len <= 0) return INVALID_VALUE;
  std::strncpy(name, DEVICE_NAME, (size_t) len - 1);
  name[len - 1] = 0;
  return SUCCESS;
}

CUresult cuCtxCreate_v2(CUcontext *ctx, unsigned int, CUdevice device) {
  if (!initialised) return NOT_INITIALIZED;
  if (device != 0) return INVALID_VALUE;
  *ctx = current = (CUcontext) &context_token;
  return SUCCESS;
}

CUresult cuCtxSetCurrent(CUcontext ctx) {
  if (ctx != nullptr && ctx != (CUcontext) &context_token) return INVALID_CONTEXT;
  current = ctx;
  return SUCCESS;
}

CUresult cuModuleLoadData(CUmodule *module, const void *image) {
  if (!current) return INVALID_CONTEXT;
  std::string text((const char *) image);
  if (text.find(".entry") == std::string::npos) {
    complain("the module is not PTX text");
    return INVALID_IMAGE;
  }
  module_text = text;
  *module = (CUmodule) &module_text;
  return SUCCESS;
}

CUresult cuModuleGetFunction(CUfunction *f, CUmodule module, const char *name) {
  if (module != (CUmodule) &module_text) return INVALID_VALUE;
  std::string entry = std::string(".entry ") + name + "(";
  auto it = kernels.find(name);
  if (it == kernels.end() || module_text.find(entry) == std::string::npos) {
    std::string msg = std::string("no kernel ") + name + " in the module";
    complain(msg.c_str());
    return NOT_FOUND;
  }
  *f = (CUfunction) &it->second;
  return SUCCESS;
}

CUresult cuLaunchKernel(CUfunction f, unsigned gx, unsigned gy, unsigned gz, unsigned bx,
    unsigned by, unsigned bz, unsigned shared, CUstream stream, void **params, void **extra) {
  if (!current) return INVALID_CONTEXT;
  if (f == nullptr || params == nullptr || extra != nullptr || stream != nullptr || shared != 0) {
    complain("cuLaunchKernel: expected a kernel, kernelParams, no extra, no stream, no dynamic "
             "shared memory");
    return INVALID_VALUE;
  }
  unsigned long long threads = (unsigned long long) bx * by * bz;
  if (gx == 0 || gy == 0 || gz == 0 || threads == 0 || bz > 64 || threads > 1024 || gx > 2147483647u
      || gy > 65535 || gz > 65535) {
    char msg[200];
    std::snprintf(msg, sizeof msg, "launch shape grid (%u,%u,%u) block (%u,%u,%u) is outside the "
        "limits", gx, gy, gz, bx, by, bz);
    complain(msg);
    return threads > 1024 ? LAUNCH_OUT_OF_RESOURCES : INVALID_VALUE;
  }
  std::lock_guard<std::mutex> g(lock);
  return (*(const Launcher *) f)(dim3{gx, gy, gz}, dim3{bx, by, bz}, params);
}

CUresult cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
  if (!current) return INVALID_CONTEXT;
  if (bytes == 0) return INVALID_VALUE;
  std::lock_guard<std::mutex> g(lock);
  size_t pages = (bytes + page() - 1) / page() + 1;
  size_t mapped = pages * page();
  void *m = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return 2;  // CUDA_ERROR_OUT_OF_MEMORY
  char *base = (char *) m;
  char *guard = base + mapped - page();
  mprotect(guard, page(), PROT_NONE);
  char *data = guard - bytes;
  std::memset(data, 0xFF, bytes);  // NaN patterns: reading memory nobody wrote shows up
  allocations[(uintptr_t) data] = Allocation{base, mapped, bytes};
  allocated += bytes;
  *p = (CUdeviceptr) (uintptr_t) data;
  return SUCCESS;
}

CUresult cuMemFree_v2(CUdeviceptr p) {
  std::lock_guard<std::mutex> g(lock);
  auto it = allocations.find((uintptr_t) p);
  if (it == allocations.end()) {
    complain("cuMemFree of an address that is not the start of an allocation");
    return INVALID_VALUE;
  }
  munmap(it->second.base, it->second.mapped);
  allocated -= it->second.size;
  allocations.erase(it);
  return SUCCESS;
}

CUresult cuMemGetInfo_v2(size_t *free, size_t *total) {
  std::lock_guard<std::mutex> g(lock);
  *total = total_memory();
  *free = allocated > *total ? 0 : *total - allocated;
  return SUCCESS;
}

static CUresult inside(CUdeviceptr p, size_t bytes, const char *call) {
  if (holding((uintptr_t) p, bytes) == nullptr) {
    std::string msg = std::string(call) + ": " + std::to_string(bytes)
        + " bytes do not fit in an allocation at that address";
    complain(msg.c_str());
    return INVALID_VALUE;
  }
  return SUCCESS;
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes) {
  std::lock_guard<std::mutex> g(lock);
  CUresult r = inside(dst, bytes, "cuMemcpyHtoD");
  if (r == SUCCESS) std::memcpy((void *) (uintptr_t) dst, src, bytes);
  return r;
}

CUresult cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes) {
  std::lock_guard<std::mutex> g(lock);
  CUresult r = inside(src, bytes, "cuMemcpyDtoH");
  if (r == SUCCESS) std::memcpy(dst, (const void *) (uintptr_t) src, bytes);
  return r;
}

CUresult cuMemsetD8_v2(CUdeviceptr dst, unsigned char value, size_t bytes) {
  std::lock_guard<std::mutex> g(lock);
  CUresult r = inside(dst, bytes, "cuMemsetD8");
  if (r == SUCCESS) std::memset((void *) (uintptr_t) dst, value, bytes);
  return r;
}

}  // extern "C"
