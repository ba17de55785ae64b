package xcert.explainers.explain;

import xcert.explainers.backend.gpu.GpuBackend;

import xcert.explainers.backend.CpuBackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Selection by name, on machines with and without a CUDA device. */
class BackendsTest {

  @Test
  void cpuIsAlwaysThere() {
    assertInstanceOf(CpuBackend.class, Backends.select("cpu"));
  }

  @Test
  void unknownNamesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backends.select("tpu"));
    assertTrue(e.getMessage().contains("auto, cpu or gpu"));
  }

  @Test
  void withoutDeviceGpuIsRefusedInOneLineAndAutoFallsBackToCpu() {
    assumeTrue(Backends.gpu().isEmpty(), "a CUDA device is present: the no-device path is not run");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backends.select("gpu"));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith("no CUDA GPU is available"), e.getMessage());
    assertFalse(Backends.whyNoGpu().isBlank());
    assertInstanceOf(CpuBackend.class, Backends.select("auto"));
  }

  @Test
  void withDeviceAutoPicksTheGpu() {
    assumeTrue(Backends.gpu().isPresent(), "no CUDA device on this machine: "
        + Backends.whyNoGpu());
    assertInstanceOf(GpuBackend.class, Backends.select("auto"));
    assertEquals(Backends.gpu().get(), Backends.select("gpu"));
  }
}
