package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionDemoTest {
  @TempDir
  Path dir;

  @Test
  void perSampleSgdFitsTheParabola() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    RegressionDemo.Result r = RegressionDemo.run(t.ctx);
    double[] mse = r.msePerEpoch();
    assertThat(mse).hasSize(101);
    assertThat(r.finalMse()).isLessThan(mse[0] / 10);
    // The full run's bar (1000 epochs) is already met after 100.
    assertThat(r.finalMse()).isLessThan(0.01);
    assertThat(t.output()).contains("final MSE");
    t.assertFigures("regression.png");
  }
}
