package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerceptronDemoTest {
  @TempDir
  Path dir;

  @Test
  void convergesWithinNovikoffsBoundFailsOnXorAndHebbRecalls() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    PerceptronDemo.Result r = PerceptronDemo.run(t.ctx);
    assertThat(r.separableConverged()).isTrue();
    assertThat(r.separableMistakes()).last().isEqualTo(0);
    assertThat((double) r.separableTotal()).isLessThanOrEqualTo(r.novikoffBound());
    assertThat(r.xorConverged()).isFalse();
    assertThat(r.xorMistakes()).hasSize(100).allMatch(m -> m > 0);
    assertThat(r.xorFinalAccuracy()).isLessThanOrEqualTo(0.75);
    assertThat(r.hebbExactRecall()[0]).isEqualTo(1.0);
    assertThat(r.hebbBitAccuracy()[0]).isEqualTo(1.0);
    assertThat(r.hebbBitAccuracy()[16]).isLessThan(0.75);
    t.assertFigures("perceptron.png");
  }
}
