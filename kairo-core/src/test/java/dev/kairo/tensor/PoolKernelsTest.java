package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Max pooling's kernels against a plain reference on data made of ties: small integers, many
 * zeros of both signs (as after a ReLU) and a few NaNs, for the branch-free path (windows
 * inside the input: 2x2 unrolled and general sizes) and the general one (padding, dilation).
 * The value and the index must both match: the first maximum of each window, a NaN winning at
 * its own index.
 */
class PoolKernelsTest {
  /** kH, kW, strideH, strideW, padH, padW, dilH, dilW. */
  private static final int[][] WINDOWS = {
      {2, 2, 2, 2, 0, 0, 1, 1},
      {3, 3, 1, 1, 0, 0, 1, 1},
      {3, 2, 2, 1, 0, 0, 1, 1},
      {2, 2, 1, 1, 0, 0, 1, 1},
      {3, 3, 2, 2, 1, 1, 1, 1},
      {2, 2, 1, 1, 0, 0, 2, 2},
  };

  @Test
  void maxPoolingKeepsTheFirstMaximumAndLetsNanWin() {
    SplittableRandom r = new SplittableRandom(42);
    int planes = 37;
    int h = 9;
    int w = 8;
    for (int[] k : WINDOWS) {
      for (boolean withNan : new boolean[] {false, true}) {
        float[] x = new float[planes * h * w];
        for (int i = 0; i < x.length; i++) {
          int pick = r.nextInt(6);
          x[i] = pick == 0 ? 0f : pick == 1 ? -0f : r.nextInt(4) - 1;
          if (withNan && r.nextInt(40) == 0) {
            x[i] = Float.NaN;
          }
        }
        ConvGeometry g = ConvGeometry.of("t", "t", 1, new int[] {h, w}, new int[] {k[0], k[1]},
            new int[] {k[2], k[3]}, new int[] {k[4], k[5]}, new int[] {k[6], k[7]});
        int[] argmax = new int[planes * g.outSize()];
        float[] y = PoolKernels.maxForward(x, planes, g, argmax);
        String what = "window " + java.util.Arrays.toString(k) + (withNan ? " with NaN" : "");
        int o = 0;
        for (int p = 0; p < planes; p++) {
          for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++, o++) {
              int want = firstMax(x, p * h * w, g, oy, ox);
              assertThat(argmax[o]).as(what + " index at " + o).isEqualTo(want);
              assertThat(Float.floatToRawIntBits(y[o])).as(what + " value at " + o)
                  .isEqualTo(Float.floatToRawIntBits(x[p * h * w + want]));
            }
          }
        }
      }
    }
  }

  @Test
  void maxPoolingGradientGoesToTheChosenIndex() {
    ConvGeometry g = ConvGeometry.of("t", "t", 1, new int[] {2, 4}, new int[] {2, 2},
        new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1});
    float[] x = {1, 5, -0f, 0f,
                 5, 2, 0f, -1};
    int[] argmax = new int[2];
    float[] y = PoolKernels.maxForward(x, 1, g, argmax);
    assertThat(argmax).containsExactly(1, 2);
    assertThat(Float.floatToRawIntBits(y[1])).isEqualTo(Float.floatToRawIntBits(-0f));
    float[] gx = PoolKernels.maxBackward(new float[] {3, 7}, 1, g, argmax);
    assertThat(gx).containsExactly(0, 3, 7, 0, 0, 0, 0, 0);
  }

  /** The reference: the window's first maximum (padding skipped), a NaN winning at once. */
  private static int firstMax(float[] x, int base, ConvGeometry g, int oy, int ox) {
    int at = -1;
    float m = 0;
    for (int i = 0; i < g.kH(); i++) {
      for (int j = 0; j < g.kW(); j++) {
        int iy = oy * g.strideH() - g.padH() + i * g.dilH();
        int ix = ox * g.strideW() - g.padW() + j * g.dilW();
        if (iy < 0 || iy >= g.inH() || ix < 0 || ix >= g.inW()) {
          continue;
        }
        float v = x[base + iy * g.inW() + ix];
        if (Float.isNaN(v)) {
          return iy * g.inW() + ix;
        }
        if (at < 0 || v > m) {
          m = v;
          at = iy * g.inW() + ix;
        }
      }
    }
    return at;
  }
}
