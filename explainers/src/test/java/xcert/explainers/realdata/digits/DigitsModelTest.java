package xcert.explainers.realdata.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import xcert.solvers.model.ReluNetwork;

/** The committed digits network classifies the test rows as scikit-learn did when training it. */
class DigitsModelTest {

  static final Path DIR = DigitsData.folder();

  @Test
  void dataHasTheExportedShape() {
    DigitsData data = DigitsData.load(DIR);
    assertEquals(1797, data.size());
    assertEquals(0, data.get(0).label());
    // the first image of load_digits(): 0,0,5,13,9,1,0,0 in its first row
    assertEquals(List.of(0, 0, 5, 13, 9, 1, 0, 0), java.util.Arrays.stream(data.get(0).pixels())
        .limit(8).boxed().toList());
  }

  @Test
  void networkPredictsEveryTestRowAsScikitLearn() throws Exception {
    DigitsData data = DigitsData.load(DIR);
    DigitsModel model = DigitsModel.load(DIR);
    List<String> lines = Files.readAllLines(DIR.resolve(DigitsData.EXPECTED),
        StandardCharsets.UTF_8);
    int rows = 0;
    int correct = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int row = Integer.parseInt(f[0]);
      int label = Integer.parseInt(f[1]);
      int predicted = Integer.parseInt(f[2]);
      assertEquals(label, data.get(row).label(), "label of row " + row);
      assertEquals(predicted, model.predict(data.get(row).pixels()), "prediction of row " + row);
      rows++;
      correct += predicted == label ? 1 : 0;
    }
    assertEquals(449, rows);
    assertTrue(correct / (double) rows > 0.95, "test accuracy " + correct / (double) rows);
  }

  @Test
  void maskedNetworkIsTheLogitAtTheImageAndAtTheReference() {
    DigitsData data = DigitsData.load(DIR);
    DigitsModel model = DigitsModel.load(DIR);
    int[] r = data.roundedMeanImage();
    DigitsData.Digit x = data.testDigitsPerClass(1).get(3);
    int c = model.predict(x.pixels());
    ReluNetwork g = model.masked(x.pixels(), r, c);
    assertEquals(16, g.dimension());
    assertTrue(g.hasDoubleWeights());
    double[] ones = new double[16];
    java.util.Arrays.fill(ones, 1);
    assertEquals(model.logits(x.pixels())[c], g.score(ones), 1e-12);
    assertEquals(model.logits(r)[c], g.score(new double[16]), 1e-12);
    // a mask keeping superpixels 0 and 5: the image with the other blocks set to r
    double[] z = new double[16];
    z[0] = 1;
    z[5] = 1;
    int[] img = r.clone();
    int[] px = x.pixels();
    for (int p = 0; p < 64; p++) {
      if (DigitsModel.superpixel(p) == 0 || DigitsModel.superpixel(p) == 5) {
        img[p] = px[p];
      }
    }
    assertEquals(model.logits(img)[c], g.score(z), 1e-12);
    BigFraction exact = g.exactScoreFraction(z);
    assertEquals(exact.doubleValue(), g.score(z), 1e-12);
  }
}
