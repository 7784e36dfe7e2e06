package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitTest {
  @Test
  void orthogonalRowsOrColumnsAreOrthonormalTimesGain() {
    for (int[] shape : new int[][] {{16, 16}, {8, 20}, {20, 8}, {6, 2, 3, 3}}) {
      Tensor w = Init.orthogonal(new SplittableRandom(3), 2.0, shape);
      assertThat(w.shape()).containsExactly(shape);
      int rows = shape[0];
      int cols = w.numel() / rows;
      Tensor m = w.reshape(rows, cols);
      // The fewer of rows/columns are orthonormal (times gain): their Gram matrix is gain² I.
      Tensor gram = rows <= cols ? m.matmul(m.t()) : m.t().matmul(m);
      int k = Math.min(rows, cols);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          assertThat(gram.get(i, j)).as("gram[%d,%d] for %s", i, j, java.util.Arrays.toString(shape))
              .isCloseTo(i == j ? 4f : 0f, within(1e-4f));
        }
      }
    }
    assertThat(Init.orthogonal(new SplittableRandom(3), 1, 4, 4).toArray())
        .containsExactly(Init.orthogonal(new SplittableRandom(3), 1, 4, 4).toArray());
    assertThatThrownBy(() -> Init.orthogonal(new SplittableRandom(0), 1, 5))
        .hasMessageContaining("orthogonal").hasMessageContaining("[5]");
  }

  @Test
  void scaledInitialisersHaveTheirVariance() {
    SplittableRandom rng = new SplittableRandom(7);
    int in = 400;
    int out = 300;
    assertThat(variance(Init.heNormal(rng, out, in))).isCloseTo(2.0 / in, within(0.1 * 2.0 / in));
    assertThat(variance(Init.heUniform(rng, out, in))).isCloseTo(2.0 / in, within(0.1 * 2.0 / in));
    assertThat(variance(Init.xavierNormal(rng, out, in)))
        .isCloseTo(2.0 / (in + out), within(0.1 * 2.0 / (in + out)));
    assertThat(variance(Init.xavierUniform(rng, out, in)))
        .isCloseTo(2.0 / (in + out), within(0.1 * 2.0 / (in + out)));
    assertThat(variance(Init.lecunNormal(rng, out, in))).isCloseTo(1.0 / in, within(0.1 / in));
    assertThat(Init.zeros(3, 2).toArray()).containsOnly(0f);
  }

  private static double variance(Tensor t) {
    float[] v = t.toArray();
    double mean = 0;
    for (float x : v) {
      mean += x / (double) v.length;
    }
    double var = 0;
    for (float x : v) {
      var += (x - mean) * (x - mean) / v.length;
    }
    return var;
  }
}
