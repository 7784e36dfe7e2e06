package dev.kairo.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerceptronTest {
  /** Points on either side of the line x + 2y = 0.5, at least 0.1 away from it. */
  static Tensor separable(int n, int[] labels, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] d = new float[n * 2];
    for (int i = 0; i < n; ) {
      float x = (float) (rng.nextDouble() * 2 - 1);
      float y = (float) (rng.nextDouble() * 2 - 1);
      float s = x + 2 * y - 0.5f;
      if (Math.abs(s) < 0.1f * (float) Math.sqrt(5)) {
        continue;
      }
      d[2 * i] = x;
      d[2 * i + 1] = y;
      labels[i] = s > 0 ? 1 : 0;
      i++;
    }
    return Tensor.of(d, n, 2);
  }

  @Test
  void convergesOnSeparableDataWithinNovikoffsBound() {
    int[] labels = new int[200];
    Tensor x = separable(200, labels, 1);
    Perceptron p = new Perceptron(2, 1.0);
    Perceptron.Result r = p.train(x, labels, 1000);
    assertThat(r.converged()).isTrue();
    assertThat(p.predict(x)).containsExactly(labels);
    double bound = Perceptron.novikoffBound(x, labels, new float[] {1, 2}, -0.5f);
    assertThat((double) r.totalMistakes()).isLessThanOrEqualTo(bound);
  }

  @Test
  void neverConvergesOnXor() {
    Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    int[] labels = {0, 1, 1, 0};
    Perceptron.Result r = new Perceptron(2, 1.0).train(x, labels, 500);
    assertThat(r.converged()).isFalse();
    assertThat(r.mistakesPerEpoch()).hasSize(500).allMatch(m -> m > 0);
  }

  @Test
  void badInputIsRefused() {
    Perceptron p = new Perceptron(2, 1.0);
    assertThatThrownBy(() -> p.train(Tensor.zeros(3, 3), new int[3], 1))
        .hasMessageContaining("[N, 2]").hasMessageContaining("[3, 3]");
    assertThatThrownBy(() -> p.train(Tensor.zeros(2, 2), new int[] {0, 2}, 1))
        .hasMessageContaining("label 2");
    assertThatThrownBy(() -> new Perceptron(2, 0)).hasMessageContaining("learning rate");
  }
}
