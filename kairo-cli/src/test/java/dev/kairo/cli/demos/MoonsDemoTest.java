package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoonsDemoTest {
  @TempDir
  Path dir;

  @Test
  void threeHiddenUnitsSeparateTheMoonsAsTheNumPyOriginalDoes() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    MoonsDemo.Result r = MoonsDemo.run(t.ctx);
    assertThat(r.passes()).isEqualTo(2000);
    assertThat(r.runs()).extracting(MoonsDemo.Run::hidden).containsExactly(1, 2, 3, 4, 5, 20, 50);
    // The seed's NumPy code reaches 0.975 on exactly these 200 points.
    assertThat(r.get(3).trainAccuracy()).isGreaterThanOrEqualTo(0.97);
    assertThat(r.get(3).heldOutAccuracy()).isGreaterThan(0.93);
    // One unit draws a single straight-ish boundary: it cannot follow the moons.
    assertThat(r.get(1).trainAccuracy()).isLessThan(r.get(3).trainAccuracy() - 0.05);
    assertThat(r.lossH3()).containsKeys(0, 1000, 2000);
    assertThat(r.lossH3().get(2000)).isLessThan(r.lossH3().get(0) / 5);
    assertThat(t.output()).contains("Loss after iteration 1000:");
    t.assertFigures("moons.png", "moons-accuracy.png");
  }
}
