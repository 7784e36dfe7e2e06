package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VanishingGradientsDemoTest {
  @TempDir
  Path dir;

  @Test
  void deepSigmoidGradientsVanishAndReluOrBatchNormKeepThem() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    VanishingGradientsDemo.Result r = VanishingGradientsDemo.run(t.ctx);
    double sigmoid = r.get(VanishingGradientsDemo.SIGMOID).ratio();
    double relu = r.get(VanishingGradientsDemo.RELU_HE).ratio();
    double bn = r.get(VanishingGradientsDemo.SIGMOID_BN).ratio();
    assertThat(sigmoid).isLessThan(relu / 10);
    assertThat(sigmoid).isLessThan(bn / 10);
    // Orders of magnitude, layer after layer: each sigmoid layer shrinks the gradient.
    double[] s = r.get(VanishingGradientsDemo.SIGMOID).firstEpochNorms();
    assertThat(s).hasSize(VanishingGradientsDemo.DEPTH + 1);
    for (int i = 1; i < s.length; i++) {
      assertThat(s[i]).isGreaterThan(s[i - 1]);
    }
    t.assertFigures("vanishing-gradients.png");
  }
}
