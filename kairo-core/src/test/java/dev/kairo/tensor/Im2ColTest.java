package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Im2Col} against its definition, element by element and bit for bit, on the geometries
 * whose output is as large as the input at stride 1 (each tap one shifted run: the fast path)
 * and on a few that are not.
 */
class Im2ColTest {
  // channels, h, w, kH, kW, padH, padW, dilH, dilW, strideH, strideW
  private static final int[][] GEOMETRIES = {
    {1, 28, 28, 3, 3, 1, 1, 1, 1, 1, 1}, // W3's conv1
    {3, 5, 7, 3, 3, 1, 1, 1, 1, 1, 1},
    {2, 6, 5, 3, 3, 2, 2, 2, 2, 1, 1}, // dilated, same size
    {2, 4, 6, 5, 5, 2, 2, 1, 1, 1, 1},
    {2, 3, 3, 3, 1, 1, 0, 1, 1, 1, 1}, // a 3 x 1 kernel
    {2, 4, 4, 1, 1, 0, 0, 1, 1, 1, 1},
    {1, 2, 2, 5, 5, 2, 2, 1, 1, 1, 1}, // taps that miss the image entirely
    {2, 7, 6, 3, 3, 1, 1, 1, 1, 2, 1}, // not the fast path: strided, or smaller output
    {2, 6, 6, 3, 3, 0, 0, 1, 1, 1, 1},
  };

  private static ConvGeometry geometry(int[] s) {
    return ConvGeometry.of("t", "t", s[0], new int[] {s[1], s[2]}, new int[] {s[3], s[4]},
        new int[] {s[9], s[10]}, new int[] {s[5], s[6]}, new int[] {s[7], s[8]});
  }

  /** The input position tap (i, j) of output (oy, ox) reads, or -1 in the padding. */
  private static int source(ConvGeometry g, int c, int i, int j, int oy, int ox) {
    int y = oy * g.strideH() - g.padH() + i * g.dilH();
    int x = ox * g.strideW() - g.padW() + j * g.dilW();
    if (y < 0 || y >= g.inH() || x < 0 || x >= g.inW()) {
      return -1;
    }
    return (c * g.inH() + y) * g.inW() + x;
  }

  /** Receives a column-matrix element's index and its input's, or -1 in the padding. */
  private interface ColumnElement {
    void at(int at, int src);
  }

  /** Every element of the column matrix in order: channel, tap row, tap column, output. */
  private static void forEachColumnElement(ConvGeometry g, ColumnElement visit) {
    int at = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int i = 0; i < g.kH(); i++) {
        for (int j = 0; j < g.kW(); j++) {
          for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++) {
              visit.at(at++, source(g, c, i, j, oy, ox));
            }
          }
        }
      }
    }
  }

  @Test
  void im2colWritesEveryElementAsDefined() {
    SplittableRandom r = new SplittableRandom(5);
    for (int[] s : GEOMETRIES) {
      ConvGeometry g = geometry(s);
      int off = 3; // an image that does not start the array
      float[] x = new float[off + s[0] * g.inSize()];
      for (int k = 0; k < x.length; k++) {
        x[k] = (float) r.nextGaussian();
      }
      float[] col = new float[2 + g.colRows() * g.outSize()];
      Arrays.fill(col, Float.NaN);
      Im2Col.im2col(x, off, g, col, 2);
      forEachColumnElement(g, (at, src) -> {
        float want = src < 0 ? 0f : x[off + src];
        assertThat(Float.floatToIntBits(col[2 + at])).as("%s column element %d", g, at)
            .isEqualTo(Float.floatToIntBits(want));
      });
    }
  }

  @Test
  void col2imAddsEachColumnElementInTheDefinedOrder() {
    SplittableRandom r = new SplittableRandom(6);
    for (int[] s : GEOMETRIES) {
      ConvGeometry g = geometry(s);
      float[] col = new float[g.colRows() * g.outSize()];
      for (int k = 0; k < col.length; k++) {
        col[k] = (float) r.nextGaussian();
      }
      float[] start = new float[1 + s[0] * g.inSize()];
      for (int k = 0; k < start.length; k++) {
        start[k] = (float) r.nextGaussian();
      }
      float[] want = start.clone();
      forEachColumnElement(g, (at, src) -> {
        if (src >= 0) {
          want[1 + src] += col[at];
        }
      });
      float[] got = start.clone();
      Im2Col.col2im(col, 0, g, got, 1);
      assertThat(got).as("%s", g).containsExactly(want);
    }
  }

  /**
   * The fresh-gradient form (ConvKernels' backward: x starts at +0, col is scratch) gives
   * col2im's bits, with the Vector API's run addition and with plain loops, gradients of
   * either sign and -0 included.
   */
  @Test
  void col2imFreshGivesCol2imsBitsOnAFreshGradient() {
    SplittableRandom r = new SplittableRandom(7);
    // With the Vector API (how the tests run) both forms; without it the plain loops alone.
    AddKernel[] adders = Simd.add() != null ? new AddKernel[] {Simd.add(), null}
        : new AddKernel[] {null};
    for (int[] s : GEOMETRIES) {
      ConvGeometry g = geometry(s);
      float[] col = new float[g.colRows() * g.outSize()];
      for (int k = 0; k < col.length; k++) {
        col[k] = r.nextInt(6) == 0 ? -0f : (float) r.nextGaussian();
      }
      float[] want = new float[2 + s[0] * g.inSize()];
      Im2Col.col2im(col, 0, g, want, 2);
      for (AddKernel add : adders) {
        float[] got = new float[want.length];
        Im2Col.col2imFresh(col.clone(), 0, g, got, 2, add);
        for (int k = 0; k < want.length; k++) {
          assertThat(Float.floatToIntBits(got[k])).as("%s at %d, adder %s", g, k, add)
              .isEqualTo(Float.floatToIntBits(want[k]));
        }
      }
    }
  }

  @Test
  void vectorRunAdditionMatchesTheScalarLoop() {
    SplittableRandom r = new SplittableRandom(8);
    AddKernel add = Simd.add();
    org.junit.jupiter.api.Assumptions.assumeTrue(add != null, "Vector API not enabled");
    for (int n = 0; n <= 50; n++) {
      float[] src = new float[n + 5];
      float[] dst = new float[n + 9];
      for (int k = 0; k < src.length; k++) {
        src[k] = (float) r.nextGaussian();
      }
      for (int k = 0; k < dst.length; k++) {
        dst[k] = (float) r.nextGaussian();
      }
      float[] want = dst.clone();
      for (int k = 0; k < n; k++) {
        want[7 + k] += src[3 + k];
      }
      add.addInto(src, 3, dst, 7, n);
      assertThat(dst).as("n = %d", n).containsExactly(want);
    }
  }
}
