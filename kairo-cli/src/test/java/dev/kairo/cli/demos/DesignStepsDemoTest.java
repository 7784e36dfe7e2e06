package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.csv.CsvData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignStepsDemoTest {
  @TempDir
  Path dir;

  @Test
  void irisIsFishersTable() throws Exception {
    CsvData iris = DesignStepsDemo.iris();
    TensorDataset d = iris.dataset();
    assertThat(d.size()).isEqualTo(150);
    assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(Arrays.stream(d.labels()).filter(c -> c == 1).count()).isEqualTo(50);
    float[] x = d.features().toArray();
    assertThat(Arrays.copyOf(x, 4)).containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
    // Rows 35 and 38 as in Fisher's paper (the UCI copy has 4.9,3.1,1.5,0.1 for both).
    assertThat(Arrays.copyOfRange(x, 34 * 4, 35 * 4)).containsExactly(4.9f, 3.1f, 1.5f, 0.2f);
    assertThat(Arrays.copyOfRange(x, 37 * 4, 38 * 4)).containsExactly(4.9f, 3.6f, 1.4f, 0.1f);
    double sum = 0;
    for (float v : x) {
      sum += v;
    }
    assertThat(sum).isCloseTo(2078.7, org.assertj.core.api.Assertions.within(1e-3));
  }

  @Test
  void theEightStepsChooseAModelThatClassifiesTheTestSet() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    DesignStepsDemo.Result r = DesignStepsDemo.run(t.ctx);
    assertThat(r.candidates()).hasSize(6);
    double best = r.candidates().stream().mapToDouble(DesignStepsDemo.Candidate::valAccuracy)
        .max().orElseThrow();
    assertThat(r.chosen().valAccuracy()).isEqualTo(best);
    assertThat(r.testSize()).isEqualTo(30);
    assertThat(r.testAccuracy()).isGreaterThanOrEqualTo(0.9);
    for (int s = 1; s <= 8; s++) {
      assertThat(t.output()).contains("STEP " + s);
    }
    t.assertFigures("design-steps.png");
  }
}
