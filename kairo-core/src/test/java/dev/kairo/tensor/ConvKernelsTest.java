package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The im2col + GEMM convolution kernels against {@link NaiveConv}'s direct loops in double
 * precision, on random shapes, strides, paddings, dilations and groups.
 */
class ConvKernelsTest {
  private static float[] rand(SplittableRandom r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return a;
  }

  private static void close(float[] actual, double[] expected, double tol, String what) {
    assertThat(actual).as(what).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      if (Math.abs(actual[i] - expected[i]) > tol * (1 + Math.abs(expected[i]))) {
        throw new AssertionError(what + " at " + i + ": " + actual[i] + " vs " + expected[i]);
      }
    }
  }

  /**
   * The one-pass backward asked for all three gradients gives each the same bits as asked for
   * alone ({@code backwardData} and {@code backwardWeight}, which the direct-loop test checks),
   * and the bias gradient as {@code channelSums} to float rounding. Batches of 1 to 5 images
   * (one chunk, or several per thread), groups, a 1x1 kernel that skips im2col, and a gradient
   * with NaNs.
   */
  @Test
  void onePassBackwardMatchesTheSeparateKernels() {
    SplittableRandom r = new SplittableRandom(77);
    // n, channels, outputs, kernel, groups, padding
    int[][] cases = {
        {1, 4, 6, 3, 1, 1}, {5, 4, 6, 3, 2, 1}, {3, 6, 4, 1, 3, 0}, {2, 2, 2, 3, 1, 1}};
    for (int[] cs : cases) {
      int n = cs[0];
      int c = cs[1];
      int o = cs[2];
      int k = cs[3];
      int groups = cs[4];
      int pad = cs[5];
      ConvGeometry g = ConvGeometry.of("t", "t", c, new int[] {5, 6}, new int[] {k, k},
          new int[] {1, 1}, new int[] {pad, pad}, new int[] {1, 1});
      float[] x = rand(r, n * c * g.inSize());
      float[] w = rand(r, o * (c / groups) * k * k);
      int outLen = n * o * g.outSize();
      float[] gy = rand(r, outLen);
      gy[2] = Float.NaN;
      ConvKernels.Grads d = ConvKernels.backward(gy, x, n, w, o, groups, g, true, true, true);
      String what = java.util.Arrays.toString(cs);
      // The same gradient handed over image by image gives the same bits.
      int img = o * g.outSize();
      ConvKernels.Grads byImage = ConvKernels.backward(
          (i, dst) -> System.arraycopy(gy, i * img, dst, 0, img), x, n, w, o, groups, g, true,
          true, true);
      assertThat(byImage.input()).as(what + " input, by image").containsExactly(d.input());
      assertThat(byImage.weight()).as(what + " weight, by image").containsExactly(d.weight());
      assertThat(byImage.bias()).as(what + " bias, by image").containsExactly(d.bias());
      assertThat(d.input()).as(what + " input").containsExactly(
          ConvKernels.backwardData(gy, n, w, o, groups, g));
      assertThat(d.weight()).as(what + " weight").containsExactly(
          ConvKernels.backwardWeight(gy, x, n, o, groups, g));
      float[] bias = ConvKernels.channelSums(gy, n, o, g.outSize());
      for (int j = 0; j < o; j++) {
        if (Float.isNaN(bias[j])) {
          assertThat(d.bias()[j]).as(what + " bias " + j).isNaN();
        } else {
          assertThat(d.bias()[j]).as(what + " bias " + j).isCloseTo(bias[j],
              org.assertj.core.data.Offset.offset(1e-5f * (1 + Math.abs(bias[j]))));
        }
      }
      ConvKernels.Grads some = ConvKernels.backward(gy, x, n, w, o, groups, g, false, true,
          false);
      assertThat(some.input()).isNull();
      assertThat(some.bias()).isNull();
      assertThat(some.weight()).containsExactly(d.weight());
    }
  }

  @Test
  void convolutionMatchesDirectLoopsOnRandomShapes() {
    SplittableRandom r = new SplittableRandom(2024);
    int tested = 0;
    while (tested < 60) {
      int groups = 1 + r.nextInt(3);
      int n = 1 + r.nextInt(3);
      int c = groups * (1 + r.nextInt(3));
      int o = groups * (1 + r.nextInt(3));
      boolean oneD = r.nextInt(4) == 0;
      int h = oneD ? 1 : 1 + r.nextInt(8);
      int w = 1 + r.nextInt(9);
      int kh = oneD ? 1 : 1 + r.nextInt(4);
      int kw = 1 + r.nextInt(4);
      int[] s = {oneD ? 1 : 1 + r.nextInt(3), 1 + r.nextInt(3)};
      int[] p = {oneD ? 0 : r.nextInt(3), r.nextInt(3)};
      int[] d = {oneD ? 1 : 1 + r.nextInt(2), 1 + r.nextInt(2)};
      if (ConvGeometry.outputSize(h, kh, s[0], p[0], d[0]) < 1
          || ConvGeometry.outputSize(w, kw, s[1], p[1], d[1]) < 1) {
        continue;
      }
      tested++;
      ConvGeometry g = oneD
          ? ConvGeometry.of("t", "t", c, new int[] {w}, new int[] {kw}, new int[] {s[1]},
              new int[] {p[1]}, new int[] {d[1]})
          : ConvGeometry.of("t", "t", c, new int[] {h, w}, new int[] {kh, kw}, s, p, d);
      int[] xs = {n, c, h, w};
      int[] ws = {o, c / groups, kh, kw};
      float[] x = rand(r, n * c * h * w);
      float[] wt = rand(r, o * (c / groups) * kh * kw);
      float[] b = r.nextBoolean() ? rand(r, o) : null;
      NaiveConv.Spec sp = new NaiveConv.Spec(s, p, d, groups);
      int[] hw = new int[2];
      double[] expected = NaiveConv.conv(NaiveConv.d(x), xs, NaiveConv.d(wt), ws,
          b == null ? null : NaiveConv.d(b), sp, hw);
      String what = "conv x" + Shape.str(xs) + " w" + Shape.str(ws) + " " + g;
      assertThat(new int[] {g.outH(), g.outW()}).as(what).containsExactly(hw);
      close(ConvKernels.forward(x, n, wt, b, o, groups, g), expected, 1e-5, what + " forward");

      float[] gy = rand(r, expected.length);
      double[] gx = new double[x.length];
      double[] gw = new double[wt.length];
      NaiveConv.convBackward(NaiveConv.d(x), xs, NaiveConv.d(wt), ws, NaiveConv.d(gy), sp, gx,
          gw);
      close(ConvKernels.backwardData(gy, n, wt, o, groups, g), gx, 1e-5, what + " dx");
      close(ConvKernels.backwardWeight(gy, x, n, o, groups, g), gw, 1e-5, what + " dW");
      double[] gb = new double[o];
      for (int i = 0; i < gy.length; i++) {
        gb[i / g.outSize() % o] += gy[i];
      }
      close(ConvKernels.channelSums(gy, n, o, g.outSize()), gb, 1e-5, what + " db");
    }
  }

  /**
   * Products of 2^18 multiply-adds and more take the other path on OpenBLAS (one image at a
   * time, im2col and col2im split by channels): checked on a layer that size.
   */
  @Test
  void largeConvolutionMatchesDirectLoops() {
    SplittableRandom r = new SplittableRandom(5);
    int[] xs = {2, 64, 12, 12};
    int[] ws = {32, 64, 3, 3};
    float[] x = rand(r, 2 * 64 * 144);
    float[] w = rand(r, 32 * 64 * 9);
    float[] b = rand(r, 32);
    NaiveConv.Spec sp = NaiveConv.Spec.of(1, 1, 1, 1);
    ConvGeometry g = ConvGeometry.of("t", "t", 64, new int[] {12, 12}, new int[] {3, 3},
        sp.stride(), sp.pad(), sp.dil());
    int[] hw = new int[2];
    double[] y = NaiveConv.conv(NaiveConv.d(x), xs, NaiveConv.d(w), ws, NaiveConv.d(b), sp, hw);
    close(ConvKernels.forward(x, 2, w, b, 32, 1, g), y, 1e-4, "forward");
    float[] gy = rand(r, y.length);
    double[] gx = new double[x.length];
    double[] gw = new double[w.length];
    NaiveConv.convBackward(NaiveConv.d(x), xs, NaiveConv.d(w), ws, NaiveConv.d(gy), sp, gx, gw);
    close(ConvKernels.backwardData(gy, 2, w, 32, 1, g), gx, 1e-4, "dx");
    close(ConvKernels.backwardWeight(gy, x, 2, 32, 1, g), gw, 1e-4, "dW");
  }

  @Test
  void transposedConvolutionIsTheInputGradientOfConvolution() {
    SplittableRandom r = new SplittableRandom(7);
    // x [2, 4, 3, 3] -> y [2, 6, 6, 6] with stride 2, padding 1, output padding 1, groups 2.
    int[] xs = {2, 4, 3, 3};
    int[] ws = {4, 3, 3, 3};
    float[] x = rand(r, 2 * 4 * 9);
    float[] w = rand(r, 4 * 3 * 9);
    NaiveConv.Spec sp = NaiveConv.Spec.of(2, 1, 1, 2);
    int[] hw = new int[2];
    double[] expected = NaiveConv.convTranspose(NaiveConv.d(x), xs, NaiveConv.d(w), ws, null,
        sp, new int[] {1, 1}, hw);
    ConvGeometry g = ConvGeometry.transposed("t", "t", 6, new int[] {3, 3}, new int[] {3, 3},
        new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1});
    assertThat(new int[] {g.inH(), g.inW()}).containsExactly(6, 6).containsExactly(hw);
    close(ConvKernels.backwardData(x, 2, w, 4, 2, g), expected, 1e-5, "transposed forward");
  }

  @Test
  void col2imIsTheTransposeOfIm2col() {
    SplittableRandom r = new SplittableRandom(3);
    ConvGeometry g = ConvGeometry.of("t", "t", 3, new int[] {7, 6}, new int[] {3, 2},
        new int[] {2, 1}, new int[] {1, 2}, new int[] {1, 2});
    float[] x = rand(r, 3 * 42);
    float[] c = rand(r, g.colRows() * g.outSize());
    float[] col = new float[c.length];
    java.util.Arrays.fill(col, Float.NaN);   // im2col must write every element
    Im2Col.im2col(x, 0, g, col, 0);
    float[] back = new float[x.length];
    Im2Col.col2im(c, 0, g, back, 0);
    double lhs = 0;
    double rhs = 0;
    for (int i = 0; i < c.length; i++) {
      lhs += (double) col[i] * c[i];
    }
    for (int i = 0; i < x.length; i++) {
      rhs += (double) x[i] * back[i];
    }
    assertThat(lhs).isCloseTo(rhs, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void poolingMatchesDirectLoops() {
    SplittableRandom r = new SplittableRandom(11);
    int[][] settings = {{2, 2, 0, 1}, {3, 2, 1, 1}, {3, 1, 1, 2}, {2, 3, 1, 1}};
    for (int[] st : settings) {
      int k = st[0];
      NaiveConv.Spec sp = NaiveConv.Spec.of(st[1], st[2], st[3], 1);
      ConvGeometry g = ConvGeometry.of("t", "t", 1, new int[] {7, 8}, new int[] {k, k},
          sp.stride(), sp.pad(), sp.dil());
      float[] x = rand(r, 6 * 56);
      int[] hw = new int[2];
      int[] argmax = new int[6 * g.outSize()];
      close(PoolKernels.maxForward(x, 6, g, argmax), NaiveConv.pool(NaiveConv.d(x), 6, 7, 8,
          new int[] {k, k}, sp, true, true, hw), 0, "max " + g);
      if (st[3] == 1) {
        for (boolean include : new boolean[] {true, false}) {
          close(PoolKernels.avgForward(x, 6, g, include), NaiveConv.pool(NaiveConv.d(x), 6, 7,
              8, new int[] {k, k}, sp, false, include, hw), 1e-6, "avg " + include + " " + g);
        }
      }
    }
  }

  @Test
  void emptyOutputsAreRefusedNamingTheOpAndShapes() {
    assertThatThrownBy(() -> ConvGeometry.of("conv2d", "input [1, 3, 2, 2] and weight "
        + "[4, 3, 3, 3]", 3, new int[] {2, 2}, new int[] {3, 3}, new int[] {1, 1},
        new int[] {0, 0}, new int[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conv2d: input [1, 3, 2, 2] and weight [4, 3, 3, 3]")
        .hasMessageContaining("output height of 0");
    assertThatThrownBy(() -> ConvGeometry.transposed("convTranspose2d", "x", 2,
        new int[] {3, 3}, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1},
        new int[] {1, 1}, new int[] {2, 2}))
        .hasMessageContaining("output padding [2, 2] must be smaller than the stride");
  }
}
