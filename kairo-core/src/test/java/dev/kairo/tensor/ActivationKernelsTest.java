package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free activation kernels against the plain definitions, edge values included. */
class ActivationKernelsTest {
  private static final float[] EDGES = {
    0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 1f, -1f, 3.4e38f, -3.4e38f,
    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
  };

  @Test
  void positiveStepIsOneExactlyForPositiveNumbers() {
    for (float x : EDGES) {
      assertThat(ActivationKernels.positiveStep(x)).as("step(%s)", x).isEqualTo(x > 0f ? 1f : 0f);
    }
    assertThat(ActivationKernels.positiveStep(Float.NaN)).isNaN();
  }

  @Test
  void reluAndLeakyReluMatchTheirDefinitions() {
    float[] x = values();
    for (float slope : new float[] {0f, 0.01f, 0.25f}) {
      float[] y = ActivationKernels.leakyRectify(Tensor.of(x, x.length), slope).toArray();
      for (int i = 0; i < x.length; i++) {
        float want = x[i] > 0f ? x[i] : (slope == 0f ? 0f : x[i] * slope);
        assertThat(y[i]).as("slope %s at x = %s", slope, x[i]).isEqualTo(want);
      }
    }
  }

  @Test
  void masksPassTheGradientWherePositive() {
    float[] x = values();
    float[] g = new float[x.length];
    Random r = new Random(3);
    for (int i = 0; i < g.length; i++) {
      g[i] = (float) r.nextGaussian();
    }
    for (float slope : new float[] {0f, 0.01f, 0.25f}) {
      float[] d = ActivationKernels.maskNonPositive(Tensor.of(g, g.length), Tensor.of(x, x.length),
          slope).toArray();
      for (int i = 0; i < x.length; i++) {
        float want = x[i] > 0f ? g[i] : g[i] * slope;
        assertThat(d[i]).as("slope %s at x = %s", slope, x[i]).isCloseTo(want,
            org.assertj.core.data.Offset.offset(1e-6f * Math.abs(g[i])));
      }
    }
  }

  /** Random values of both signs, long enough for vector loops, plus the edge values. */
  private static float[] values() {
    Random r = new Random(7);
    float[] x = new float[1000 + EDGES.length];
    for (int i = 0; i < 1000; i++) {
      x[i] = (float) r.nextGaussian();
    }
    System.arraycopy(EDGES, 0, x, 1000, EDGES.length);
    return x;
  }
}
