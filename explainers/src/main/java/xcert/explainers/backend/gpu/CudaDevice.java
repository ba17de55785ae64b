package xcert.explainers.backend.gpu;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * CUDA device 0 with a context and xcert's kernels loaded (the PTX resource {@value #PTX}, compiled
 * by the driver for this GPU). A context is current on the thread that made it; every public method
 * makes it current first, and callers serialise their use of one device.
 */
public final class CudaDevice {

  /** The kernels, compiled from {@code explainers/src/main/cuda/xcert_kernels.cu}. */
  public static final String PTX = "/xcert/explainers/backend/gpu/xcert_kernels.ptx";

  private static Optional<CudaDevice> opened;
  private static String unavailable = "not looked for yet";

  private final CUcontext context;
  private final CUmodule module;
  private final Map<String, CUfunction> functions = new HashMap<>();
  private final String name;

  private CudaDevice(CUcontext context, CUmodule module, String name) {
    this.context = context;
    this.module = module;
    this.name = name;
  }

  /**
   * Device 0, opened on the first call; empty when the CUDA driver cannot be loaded, no device is
   * present, or the kernels do not load ({@link #whyUnavailable} says which).
   */
  public static synchronized Optional<CudaDevice> open() {
    if (opened == null) {
      opened = tryOpen();
    }
    return opened;
  }

  /** Why {@link #open} found no device, in one line. */
  public static synchronized String whyUnavailable() {
    return unavailable;
  }

  private static Optional<CudaDevice> tryOpen() {
    try {
      JCudaDriver.setExceptionsEnabled(true);
      cuInit(0);
      int[] count = new int[1];
      cuDeviceGetCount(count);
      if (count[0] < 1) {
        unavailable = "the CUDA driver reports no device";
        return Optional.empty();
      }
      CUdevice device = new CUdevice();
      cuDeviceGet(device, 0);
      byte[] raw = new byte[256];
      cuDeviceGetName(raw, raw.length, device);
      int len = 0;
      while (len < raw.length && raw[len] != 0) {
        len++;
      }
      CUcontext context = new CUcontext();
      cuCtxCreate(context, 0, device);
      CUmodule module = new CUmodule();
      cuModuleLoadData(module, ptx());
      return Optional.of(new CudaDevice(context, module,
          new String(raw, 0, len, StandardCharsets.US_ASCII)));
    } catch (LinkageError e) {
      unavailable = "the CUDA driver library could not be loaded (" + firstLine(e) + ")";
    } catch (RuntimeException e) {
      unavailable = "CUDA could not be started (" + firstLine(e) + ")";
    }
    return Optional.empty();
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The PTX text, NUL-terminated as cuModuleLoadData wants it. */
  static byte[] ptx() {
    try (InputStream in = CudaDevice.class.getResourceAsStream(PTX)) {
      if (in == null) {
        throw new IllegalStateException("the kernel resource " + PTX + " is missing from the build");
      }
      byte[] text = in.readAllBytes();
      byte[] z = new byte[text.length + 1];
      System.arraycopy(text, 0, z, 0, text.length);
      return z;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + PTX + ": " + e.getMessage(), e);
    }
  }

  /** The GPU's name as the driver reports it, e.g. "NVIDIA H100 80GB HBM3". */
  public String name() {
    return name;
  }

  /** Makes this device's context current on the calling thread. */
  public void makeCurrent() {
    cuCtxSetCurrent(context);
  }

  /** Free device memory in bytes. */
  public long freeMemory() {
    makeCurrent();
    long[] free = new long[1];
    long[] total = new long[1];
    cuMemGetInfo(free, total);
    return free[0];
  }

  /**
   * Queues kernel {@code kernel} on a grid of blocks on the default stream, after the work queued
   * before it; it does not wait (a copy to the host, {@link DeviceArray#copyTo}, waits for everything
   * queued before it, and reports any error a kernel raised). Arguments are, in order,
   * {@link DeviceArray}s or addresses in them ({@link DeviceArray#at}), Integer, Long and Double values, and {@code null} for a null pointer.
   */
  public void launch(String kernel, int[] grid, int[] block, Object... args) {
    makeCurrent();
    CUfunction f = functions.computeIfAbsent(kernel, k -> {
      CUfunction fn = new CUfunction();
      cuModuleGetFunction(fn, module, k);
      return fn;
    });
    Pointer[] ps = new Pointer[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps[i] = Pointer.to(new jcuda.driver.CUdeviceptr());
      } else if (a instanceof DeviceArray d) {
        ps[i] = Pointer.to(d.pointer());
      } else if (a instanceof jcuda.driver.CUdeviceptr p) {
        ps[i] = Pointer.to(p);
      } else if (a instanceof Integer v) {
        ps[i] = Pointer.to(new int[] {v});
      } else if (a instanceof Long v) {
        ps[i] = Pointer.to(new long[] {v});
      } else if (a instanceof Double v) {
        ps[i] = Pointer.to(new double[] {v});
      } else if (a instanceof Float v) {
        ps[i] = Pointer.to(new float[] {v});
      } else {
        throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + " has type "
            + a.getClass().getSimpleName());
      }
    }
    cuLaunchKernel(f, grid[0], grid[1], grid[2], block[0], block[1], block[2], 0, null,
        Pointer.to(ps), null);
  }
}
