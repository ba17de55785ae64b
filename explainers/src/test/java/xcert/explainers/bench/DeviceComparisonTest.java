package xcert.explainers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import xcert.explainers.backend.Backend;
import xcert.explainers.backend.CpuBackend;
import xcert.solvers.model.Model;
import xcert.solvers.model.ReluNetwork;

/**
 * The device table of {@code bench explainers} without a device: the comparison path run against a
 * second CPU backend under another name, the pays-from rule, the CPU budget, and the networks.
 */
class DeviceComparisonTest {

  /** A one-thread CPU backend under a name of its own, standing in for a device. */
  static final class Renamed implements Backend {
    final Backend cpu = new CpuBackend(1);
    int calls;

    @Override
    public String name() {
      return "stand-in";
    }

    @Override
    public double[] evaluate(Model f, double[] rows, int n) {
      calls++;
      return cpu.evaluate(f, rows, n);
    }

    @Override
    public double[] gradients(ReluNetwork f, double[] rows, int n) {
      calls++;
      return cpu.gradients(f, rows, n);
    }
  }

  @Test
  void paysFromIsTheSmallestSizeWhoseRatioExceedsOne() {
    long[] ns = {1 << 10, 1 << 14, 1 << 17, 1 << 20};
    assertEquals(OptionalLong.of(1 << 17), DeviceComparison.paysFrom(ns,
        new double[] {0.2, 0.9, 1.5, 0.8}));
    // a ratio of exactly 1 does not pay; a missing CPU rate (NaN) never does
    assertEquals(OptionalLong.empty(), DeviceComparison.paysFrom(ns,
        new double[] {1.0, Double.NaN, 0.5, 1.0}));
    assertEquals("pays from n = 2^14", new DeviceComparison.Pays(64, "c-lime",
        OptionalLong.of(1 << 14), 1 << 20).text());
    assertEquals("does not pay up to 2^20", new DeviceComparison.Pays(64, "c-lime",
        OptionalLong.empty(), 1 << 20).text());
  }

  @Test
  void comparisonTimesBothBackendsAndDerivesRatiosAndPaysFrom() {
    Renamed device = new Renamed();
    List<String> progress = new ArrayList<>();
    DeviceComparison.Result r = new DeviceComparison(device, true, List.of(8, 16),
        List.of(7, 9), List.of("smoothgrad", "c-lime"), progress::add).run();
    assertTrue(device.calls > 0, "the selected backend ran the explanations");
    assertTrue(r.compared());
    assertEquals("stand-in", r.backend());
    assertEquals(2 * 2 * 2, r.cells().size());
    for (DeviceComparison.Cell c : r.cells()) {
      assertTrue(c.backendRate() > 0 && Double.isFinite(c.backendRate()), c.toString());
      assertTrue(c.cpuRate() > 0 && Double.isFinite(c.cpuRate()), c.toString());
      assertEquals(c.backendRate() / c.cpuRate(), c.ratio(), 1e-12);
      assertEquals(null, c.error());
      // n_cpu = min(n, first 2^j from 2^8 that takes 1 s): n itself below 2^8, 2^8..n above
      assertTrue(c.n() < 256 ? c.cpuN() == c.n() : c.cpuN() >= 256 && c.cpuN() <= c.n(),
          c.toString());
    }
    assertEquals(4, r.pays().size());
    for (DeviceComparison.Pays p : r.pays()) {
      List<DeviceComparison.Cell> row = r.cells().stream()
          .filter(c -> c.width() == p.width() && c.method().equals(p.method())).toList();
      OptionalLong first = row.stream().filter(c -> c.ratio() > 1)
          .mapToLong(DeviceComparison.Cell::n).min();
      assertEquals(first, p.from());
      assertEquals(512, p.largest());
    }
    assertTrue(progress.stream().anyMatch(l -> l.contains("on stand-in")), progress.toString());
    assertTrue(progress.stream().anyMatch(l -> l.contains("on cpu")), progress.toString());
  }

  @Test
  void anExplanationThatCannotBeComputedIsReportedNotTimed() {
    // c-lime fits 64 weights and an intercept with no penalty: 16 samples leave it singular on
    // either backend; smoothgrad averages gradients and is fine at any n.
    DeviceComparison.Result r = new DeviceComparison(new Renamed(), true, List.of(8),
        List.of(4), List.of("smoothgrad", "c-lime"), line -> { }).run();
    DeviceComparison.Cell sg = r.cells().get(0);
    DeviceComparison.Cell cl = r.cells().get(1);
    assertEquals(null, sg.error());
    assertTrue(sg.cpuRate() > 0 && sg.backendRate() > 0);
    assertTrue(cl.error().contains("singular"), cl.error());
    assertTrue(Double.isNaN(cl.cpuRate()) && Double.isNaN(cl.backendRate()));
    assertEquals(OptionalLong.empty(), r.pays().get(1).from());
    assertTrue(r.table().columns().contains("note"), r.table().toString());
    String table = r.table().rows().toString();
    assertTrue(table.contains("the normal equations are singular (column"), table);
  }

  @Test
  void theCpuBudgetStopsTheDoublingAndThenTheMeasurements() {
    // A budget far below any run: the first width and method get their 2^8 run and stop there
    // (n_cpu marked capped), the second is not measured on the CPU at all.
    DeviceComparison.Result r = new DeviceComparison(new CpuBackend(1), false, List.of(8),
        List.of(10), List.of("smoothgrad", "c-lime"), line -> { }, 1e-9).run();
    assertTrue(r.capped());
    DeviceComparison.Cell first = r.cells().get(0);
    assertEquals(256, first.cpuN());
    assertTrue(first.cpuCapped());
    assertTrue(first.cpuRate() > 0);
    DeviceComparison.Cell second = r.cells().get(1);
    assertEquals(0, second.cpuN());
    assertTrue(Double.isNaN(second.cpuRate()));
    assertTrue(r.pays().isEmpty(), "the CPU alone has nothing to compare");
  }

  @Test
  void networksAreHeInitialisedSoScoresStayOfOrderOne() {
    double[] x0 = DeviceComparison.input();
    assertEquals(DeviceComparison.INPUTS, x0.length);
    for (int w : new int[] {64, 1024}) {
      ReluNetwork f = DeviceComparison.network(w);
      assertEquals(DeviceComparison.INPUTS, f.dimension());
      assertEquals(3, f.layerCount());
      assertEquals(w, f.width(0));
      assertEquals(w, f.width(1));
      assertEquals(1, f.width(2));
      assertFalse(f.isClassifier());
      // weight variance 2/fan_in in the middle layer, biases zero
      double ss = 0;
      for (int j = 0; j < w; j++) {
        for (int i = 0; i < w; i++) {
          ss += f.weight(1, j, i) * f.weight(1, j, i);
        }
        assertEquals(0.0, f.bias(1, j));
      }
      assertEquals(2.0 / w, ss / ((double) w * w), 0.2 * 2.0 / w);
      // He initialisation keeps E f² of order 1 at every width (mean over perturbed inputs)
      double mean2 = 0;
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
      double[] x = new double[x0.length];
      for (int s = 0; s < 64; s++) {
        for (int i = 0; i < x.length; i++) {
          x[i] = x0[i] + rnd.nextGaussian();
        }
        mean2 += f.evaluate(x) * f.evaluate(x) / 64;
      }
      assertTrue(mean2 > 0.05 && mean2 < 20, "E f^2 = " + mean2 + " at W = " + w);
      // the same seed gives the same network
      assertEquals(f.weight(0, 3, 5), DeviceComparison.network(w).weight(0, 3, 5));
    }
  }
}
