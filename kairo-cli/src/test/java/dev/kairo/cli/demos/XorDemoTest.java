package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorDemoTest {
  @TempDir
  Path dir;

  @Test
  void oneHiddenLayerSolvesXorAndNoHiddenLayerCannot() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    XorDemo.Result r = XorDemo.run(t.ctx);
    assertThat(r.hiddenAccuracy()).isEqualTo(1.0);
    assertThat(r.hiddenClusterAccuracy()).isGreaterThan(0.95);
    assertThat(r.linearAccuracy()).isLessThanOrEqualTo(0.75);
    assertThat(r.linearClusterAccuracy()).isLessThan(0.8);
    assertThat(r.hiddenProbabilities()[0]).isLessThan(0.5);
    assertThat(r.hiddenProbabilities()[1]).isGreaterThan(0.5);
    assertThat(r.hiddenProbabilities()[2]).isGreaterThan(0.5);
    assertThat(r.hiddenProbabilities()[3]).isLessThan(0.5);
    t.assertFigures("xor.png");
  }
}
