package dev.kairo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void confusionMatrixScores() {
    int[] truth = {0, 0, 0, 1, 1, 2};
    int[] pred = {0, 0, 1, 1, 2, 2};
    ConfusionMatrix cm = ConfusionMatrix.of(pred, truth, 3);
    assertThat(cm.count(0, 1)).isEqualTo(1);
    assertThat(cm.precision(1)).isCloseTo(0.5, within(1e-12));   // predicted 1: {0→1, 1→1}
    assertThat(cm.recall(0)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cm.f1(2)).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-12));
    assertThat(cm.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(cm.toString()).contains("macro F1");
    assertThat(Metrics.accuracy(pred, truth)).isCloseTo(4.0 / 6, within(1e-12));
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, 3))
        .hasMessageContaining("predicted 3");
  }

  @Test
  void regressionScores() {
    Tensor t = Tensor.vector(1, 2, 3, 4);
    assertThat(Metrics.mse(Tensor.vector(1, 2, 3, 6), t)).isCloseTo(1.0, within(1e-12));
    assertThat(Metrics.r2(t, t)).isEqualTo(1.0);
    assertThat(Metrics.r2(Tensor.full(2.5f, 4), t)).isCloseTo(0.0, within(1e-12));
    assertThat(Metrics.argmax(Tensor.matrix(new float[][] {{0, 3, 1}, {5, 1, 2}})))
        .containsExactly(1, 0);
  }
}
