package xcert.explainers.backend.gpu;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD8;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;

/**
 * A block of device memory holding floats or doubles, freed by {@link #close}. Copies in and out
 * are synchronous.
 */
public final class DeviceArray implements AutoCloseable {

  private final CudaDevice device;
  private final CUdeviceptr pointer = new CUdeviceptr();
  private final long length;
  private final int elementSize;
  private boolean freed;

  private DeviceArray(CudaDevice device, long length, int elementSize) {
    this.device = device;
    this.length = length;
    this.elementSize = elementSize;
    device.makeCurrent();
    cuMemAlloc(pointer, Math.max(1, length) * elementSize);
  }

  /** Room for {@code length} floats, contents undefined. */
  public static DeviceArray floats(CudaDevice device, long length) {
    return new DeviceArray(device, length, Sizeof.FLOAT);
  }

  /** Room for {@code length} doubles, contents undefined. */
  public static DeviceArray doubles(CudaDevice device, long length) {
    return new DeviceArray(device, length, Sizeof.DOUBLE);
  }

  /** The floats of {@code values} on the device. */
  public static DeviceArray of(CudaDevice device, float[] values) {
    DeviceArray a = floats(device, values.length);
    cuMemcpyHtoD(a.pointer, Pointer.to(values), (long) values.length * Sizeof.FLOAT);
    return a;
  }

  /** The doubles of {@code values} on the device. */
  public static DeviceArray of(CudaDevice device, double[] values) {
    DeviceArray a = doubles(device, values.length);
    cuMemcpyHtoD(a.pointer, Pointer.to(values), (long) values.length * Sizeof.DOUBLE);
    return a;
  }

  CUdeviceptr pointer() {
    return pointer;
  }

  /** The address of element {@code offset}, as a kernel argument. */
  public CUdeviceptr at(long offset) {
    if (offset < 0 || offset > length) {
      throw new IllegalArgumentException("offset " + offset + " outside an array of " + length);
    }
    return pointer.withByteOffset(offset * elementSize);
  }

  public long length() {
    return length;
  }

  /** Sets every byte to 0 (0.0 for floats and doubles). */
  public void clear() {
    device.makeCurrent();
    cuMemsetD8(pointer, (byte) 0, length * elementSize);
  }

  /** Copies the first {@code out.length} floats to the host. */
  public void copyTo(float[] out) {
    check(Sizeof.FLOAT, out.length);
    device.makeCurrent();
    cuMemcpyDtoH(Pointer.to(out), pointer, (long) out.length * Sizeof.FLOAT);
  }

  /** Copies the first {@code out.length} doubles to the host. */
  public void copyTo(double[] out) {
    check(Sizeof.DOUBLE, out.length);
    device.makeCurrent();
    cuMemcpyDtoH(Pointer.to(out), pointer, (long) out.length * Sizeof.DOUBLE);
  }

  /** Copies {@code values} into the first elements. */
  public void copyFrom(float[] values, int count) {
    check(Sizeof.FLOAT, count);
    device.makeCurrent();
    cuMemcpyHtoD(pointer, Pointer.to(values), (long) count * Sizeof.FLOAT);
  }

  private void check(int size, long count) {
    if (size != elementSize || count > length) {
      throw new IllegalArgumentException(count + " elements of " + size + " bytes do not fit a "
          + "device array of " + length + " elements of " + elementSize + " bytes");
    }
  }

  @Override
  public void close() {
    if (!freed) {
      freed = true;
      device.makeCurrent();
      cuMemFree(pointer);
    }
  }
}
