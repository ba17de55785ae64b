package xcert.explainers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.explainers.agreement.AgreementRow;
import xcert.explainers.methods.Methods;

/** The agreement table of the explainers benchmark, with a CPU stand-in for the device. */
class DeviceAgreementTest {

  @Test
  void everyMethodAtBothWidthsIsCheckedAndReported() {
    List<String> progress = new ArrayList<>();
    DeviceAgreement.Result result = DeviceAgreement.run(new DeviceComparisonTest.Renamed(),
        new int[] {8, 16}, 256, progress::add);
    Map<Integer, List<AgreementRow>> rows = result.rows();
    assertEquals(List.of(8, 16), List.copyOf(rows.keySet()));
    for (List<AgreementRow> r : rows.values()) {
      assertEquals(Methods.NAMES, r.stream().map(AgreementRow::method).toList());
    }
    // the stand-in computes in float64 on the same samples: every difference is within tolerance
    assertTrue(result.allWithin());
    assertEquals(2, progress.size());
    Map<String, Object> json = result.data();
    assertEquals(true, json.get("all_within"), json.toString());
    assertEquals(2 * Methods.NAMES.size(), ((List<?>) json.get("rows")).size());
    String table = result.table().rows().toString();
    assertTrue(table.contains("kernelshap"), table);
    assertFalse(table.contains("OUTSIDE"), table);
  }
}
