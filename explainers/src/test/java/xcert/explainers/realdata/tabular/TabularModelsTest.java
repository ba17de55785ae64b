package xcert.explainers.realdata.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.ReluNetwork;

/**
 * The committed model files, read by xcert without Python, predict the committed rows as
 * scikit-learn did when {@code train.py} recorded them in {@code expected.json}. The values differ
 * only by the order of float64 summation: each layer sums at most 31 products, so the difference is
 * below 9 layers × 31 × 2⁻⁵³ ≈ 3.1e-14 times the forward pass on |W|, |b|, |x|; the test allows
 * 1e-12 of it.
 */
class TabularModelsTest {

  @Test
  void modelsReproduceSklearnPredictionsOnTheRecordedRows() {
    Map<String, Object> expected = TabularJson.object(TabularJson.read(TabularSet.defaultDir()
        .resolve("expected.json")));
    Map<String, Object> sets = TabularJson.object(expected.get("sets"));
    int checked = 0;
    for (String name : TabularSet.NAMES) {
      TabularSet set = TabularSet.load(TabularSet.defaultDir(), name);
      Map<String, Object> rec = TabularJson.object(sets.get(name));
      int[] rows = TabularJson.ints(rec.get("rows"));
      Map<String, Object> models = TabularJson.object(rec.get("models"));
      for (String kind : TabularSet.MODELS) {
        ReluNetwork f = set.model(kind);
        assertEquals(set.dimension(), f.dimension());
        Map<String, Object> m = TabularJson.object(models.get(kind));
        double[] want = TabularJson.doubles(m.get("expected"));
        for (int i = 0; i < rows.length; i++) {
          double[] x = set.scaled(rows[i]);
          double got = f.score(x);
          double tol = 1e-12 * magnitude(f, x);
          assertTrue(Math.abs(got - want[i]) <= tol, name + " " + kind + " row " + rows[i]
              + ": xcert " + got + ", sklearn " + want[i]);
          if (m.containsKey("expected_label")) {
            int label = TabularJson.ints(m.get("expected_label"))[i];
            assertEquals(label, got > 0 ? 1 : 0, name + " " + kind + " label of row " + rows[i]);
          }
          checked++;
        }
      }
    }
    assertEquals(64, checked);
  }

  @Test
  void dataFilesHaveTheBundledShapes() {
    TabularSet diabetes = TabularSet.load(TabularSet.defaultDir(), "diabetes");
    TabularSet cancer = TabularSet.load(TabularSet.defaultDir(), "breast_cancer");
    assertEquals(442, diabetes.raw().length);
    assertEquals(10, diabetes.dimension());
    assertEquals(569, cancer.raw().length);
    assertEquals(30, cancer.dimension());
    assertEquals(89, diabetes.testRows().length);
    assertEquals(114, cancer.testRows().length);
    double benign = 0;
    for (double y : cancer.target()) {
      benign += y;
    }
    assertEquals(357, benign);
  }

  /** The forward pass on |W|, |b|, |x|: a bound on every partial sum's magnitude. */
  static double magnitude(ReluNetwork f, double[] x) {
    double[] a = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = Math.abs(x[i]);
    }
    for (int l = 0; l < f.layerCount(); l++) {
      double[] z = new double[f.width(l)];
      for (int j = 0; j < z.length; j++) {
        double s = Math.abs(f.bias(l, j));
        for (int i = 0; i < a.length; i++) {
          s += Math.abs(f.weight(l, j, i)) * a[i];
        }
        z[j] = s;
      }
      a = z;
    }
    return Math.max(a[0], 1e-300);
  }
}
