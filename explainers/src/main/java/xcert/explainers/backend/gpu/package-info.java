/**
 * The CUDA driver API as the GPU backend ({@link xcert.explainers.backend.GpuBackend}) uses it:
 * finding a device, loading xcert's kernels, device memory and kernel launches. Bindings are JCuda's
 * (driver API only, whose native library needs nothing but the driver's {@code libcuda.so.1}); the
 * kernels are CUDA C in {@code explainers/src/main/cuda}, shipped as PTX that the driver compiles
 * for the GPU it finds.
 */
package xcert.explainers.backend.gpu;
