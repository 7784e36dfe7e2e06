package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Max pooling's fused backward against the two passes it replaces, bit for bit. */
class PoolKernelsTest {
  private static ConvGeometry pooling(int h, int w, int k, int s) {
    return ConvGeometry.of("maxPool2d", "t", 1, new int[] {h, w}, new int[] {k, k},
        new int[] {s, s}, new int[] {0, 0}, new int[] {1, 1});
  }

  @Test
  void rectifiedBackwardGivesTheTwoPassBits() {
    SplittableRandom r = new SplittableRandom(9);
    // h, w, kernel, stride: whole windows, a row and a column no window reads, gaps between
    // windows, and a single window.
    int[][] settings = {{6, 6, 2, 2}, {7, 8, 2, 2}, {8, 7, 2, 3}, {9, 9, 3, 3}, {2, 2, 2, 2}};
    for (int[] s : settings) {
      ConvGeometry g = pooling(s[0], s[1], s[2], s[3]);
      int planes = 5;
      float[] x = new float[planes * g.inSize()];
      for (int i = 0; i < x.length; i++) {
        // Rectified values: many exact zeros (ties within windows), some -0.
        double v = r.nextGaussian();
        x[i] = v < 0 ? (r.nextInt(4) == 0 ? -0f : 0f) : (float) v;
      }
      x[3] = Float.NaN;                        // a NaN inside a window of plane 0
      x[g.inSize() + 1] = Float.NaN;           // two in one window of plane 1
      x[g.inSize() + s[1] + 1] = Float.NaN;
      x[2 * g.inSize() + g.inSize() - 1] = Float.NaN; // plane 2's last input: uncovered
      int[] argmax = new int[planes * g.outSize()];
      float[] pooled = PoolKernels.maxForward(x, planes, g, argmax);
      float[] gy = new float[pooled.length];
      for (int i = 0; i < gy.length; i++) {
        gy[i] = r.nextInt(5) == 0 ? -0f : (float) r.nextGaussian();
      }
      float[] twoPass = new float[x.length];
      ActivationKernels.maskNonPositive(PoolKernels.maxBackward(gy, planes, g, argmax), x, 0f,
          twoPass);
      float[] fused = new float[x.length];
      PoolKernels.maxBackwardRectified(gy, pooled, x, 0, planes, g, argmax, fused, 0);
      // Planes 1-3 alone into a reused buffer, over whatever it held.
      float[] buffer = new float[1 + 3 * g.inSize()];
      java.util.Arrays.fill(buffer, Float.NaN);
      PoolKernels.maxBackwardRectified(gy, pooled, x, 1, 4, g, argmax, buffer, 1);
      for (int i = 0; i < x.length; i++) {
        assertThat(Float.floatToIntBits(fused[i])).as("%s at %d", g, i)
            .isEqualTo(Float.floatToIntBits(twoPass[i]));
        int p = i / g.inSize();
        if (p >= 1 && p < 4) {
          assertThat(Float.floatToIntBits(buffer[1 + i - g.inSize()]))
              .as("%s, planes 1-3, at %d", g, i).isEqualTo(Float.floatToIntBits(twoPass[i]));
        }
      }
    }
  }

  @Test
  void overlappingWindowsAreRefused() {
    ConvGeometry g = pooling(6, 6, 3, 2);
    assertThat(PoolKernels.disjointWindows(g)).isFalse();
    assertThatThrownBy(() -> PoolKernels.maxBackwardRectified(new float[4], new float[4],
        new float[36], 0, 1, g, new int[4], new float[36], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
  }
}
