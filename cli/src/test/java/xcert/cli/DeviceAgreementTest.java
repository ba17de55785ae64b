package xcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.explainers.agreement.AgreementRow;
import xcert.explainers.methods.Methods;

/** The agreement table of bench explainers, with a CPU stand-in for the device. */
class DeviceAgreementTest {

  @Test
  void everyMethodAtBothWidthsIsCheckedAndReported() {
    List<String> progress = new ArrayList<>();
    Map<Integer, List<AgreementRow>> rows = DeviceAgreement.run(new DeviceComparisonTest.Renamed(),
        new int[] {8, 16}, 256, progress::add);
    assertEquals(List.of(8, 16), List.copyOf(rows.keySet()));
    for (List<AgreementRow> r : rows.values()) {
      assertEquals(Methods.NAMES, r.stream().map(AgreementRow::method).toList());
    }
    // the stand-in computes in float64 on the same samples: every difference is within tolerance
    assertTrue(DeviceAgreement.allWithin(rows));
    assertEquals(2, progress.size());
    Output o = new Output();
    DeviceAgreement.put(o, rows, true);
    String json = o.toJson();
    assertTrue(json.contains("\"all_within\" : true") || json.contains("\"all_within\":true"), json);
    Output t = new Output();
    DeviceAgreement.put(t, rows, false);
    String table = t.toTable();
    assertTrue(table.contains("kernelshap"), table);
    assertFalse(table.contains("OUTSIDE"), table);
  }
}
