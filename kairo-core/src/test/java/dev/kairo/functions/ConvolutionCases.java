package dev.kairo.functions;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.FunctionCases.Case;
import dev.kairo.functions.FunctionCases.Reference;
import dev.kairo.functions.conv.Convolution;
import dev.kairo.functions.conv.ConvolutionTranspose;
import dev.kairo.functions.math.Mean;
import dev.kairo.functions.noise.Dropout2d;
import dev.kairo.functions.pooling.AvgPool2d;
import dev.kairo.functions.pooling.MaxPool2d;
import dev.kairo.functions.pooling.MaxPoolWindow;
import dev.kairo.tensor.NaiveConv;
import dev.kairo.tensor.NaiveConv.Spec;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows of the convolution and pooling family for {@link FunctionCases}: stride, padding,
 * dilation, groups, no bias, 1-D, the 1x1 path that skips im2col, transposed convolution with
 * output padding, both poolings and global average pooling, with {@link NaiveConv}'s direct
 * loops as the reference forward.
 */
final class ConvolutionCases {
  private static final double[] NONE = {};
  /**
   * Convolution inputs lie in [-R, R]: a sum of up to 27 products of [-1, 1] values rounds to
   * float with enough noise to brush the gradient check's tolerance; halving the range
   * quarters the outputs (and their rounding) but only halves the gradients.
   */
  private static final double R = 0.5;

  private ConvolutionCases() {}

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    conv2d(c, "conv2d", new int[] {2, 3, 5, 5}, new int[] {4, 3, 3, 3}, true, Spec.of(1, 0, 1, 1));
    conv2d(c, "conv2d stride 2 pad 1", new int[] {2, 2, 6, 5}, new int[] {3, 2, 3, 3}, true,
        Spec.of(2, 1, 1, 1));
    conv2d(c, "conv2d dilation 2 pad 2", new int[] {1, 2, 7, 6}, new int[] {2, 2, 3, 2}, true,
        Spec.of(1, 2, 2, 1));
    conv2d(c, "conv2d groups 2 no bias", new int[] {2, 4, 5, 5}, new int[] {6, 2, 3, 3}, false,
        Spec.of(1, 1, 1, 2));
    conv2d(c, "conv2d depthwise", new int[] {1, 3, 5, 4}, new int[] {3, 1, 3, 3}, true,
        Spec.of(1, 1, 1, 3));
    conv2d(c, "conv2d rectangular settings", new int[] {1, 3, 6, 7}, new int[] {2, 3, 2, 3},
        true, new Spec(new int[] {2, 1}, new int[] {0, 1}, new int[] {1, 2}, 1));
    conv2d(c, "conv2d 1x1", new int[] {2, 4, 3, 3}, new int[] {5, 4, 1, 1}, true,
        Spec.of(1, 0, 1, 1));
    conv2d(c, "conv2d 1x1 groups 2 no bias", new int[] {2, 4, 3, 2}, new int[] {4, 2, 1, 1},
        false, Spec.of(1, 0, 1, 2));
    conv2dRelu(c, "conv2d+relu pad 1", new int[] {2, 3, 5, 5}, new int[] {4, 3, 3, 3}, true,
        Spec.of(1, 1, 1, 1));
    conv2dRelu(c, "conv2d+relu groups 2 no bias", new int[] {2, 4, 5, 5},
        new int[] {6, 2, 3, 3}, false, Spec.of(2, 1, 1, 2));
    conv2dReluPool(c, "conv2d+relu+maxPool2d pad 1", new int[] {2, 2, 6, 6},
        new int[] {3, 2, 3, 3}, true, true);
    conv2dReluPool(c, "conv2d+relu+maxPool2d no bias", new int[] {1, 3, 5, 5},
        new int[] {2, 3, 3, 3}, false, true);
    conv2dReluPool(c, "conv2d+maxPool2d (no ReLU)", new int[] {2, 2, 4, 4},
        new int[] {2, 2, 3, 3}, true, false);
    conv1d(c, "conv1d stride 2 pad 1", new int[] {2, 3, 9}, new int[] {4, 3, 3}, true, 2, 1, 1, 1);
    conv1d(c, "conv1d dilation 2 groups 3 no bias", new int[] {1, 6, 10}, new int[] {3, 2, 3},
        false, 1, 0, 2, 3);
    convT(c, "convTranspose2d stride 2 outpad 1", new int[] {2, 3, 3, 3},
        new int[] {3, 2, 3, 3}, true, Spec.of(2, 1, 1, 1), new int[] {1, 1});
    convT(c, "convTranspose2d groups 2 dilation 2", new int[] {1, 4, 3, 4},
        new int[] {4, 3, 2, 2}, true, Spec.of(1, 0, 2, 2), new int[] {0, 0});
    convT(c, "convTranspose2d rectangular no bias", new int[] {1, 2, 3, 2},
        new int[] {2, 2, 3, 2}, false,
        new Spec(new int[] {2, 3}, new int[] {1, 0}, new int[] {1, 1}, 1), new int[] {1, 2});
    c.add(new Case("convTranspose1d stride 2 outpad 1", ConvolutionTranspose.class,
        in -> F.convTranspose1d(in[0], in[1], in[2], 2, 0, 1, 1, 1),
        new int[][] {{2, 2, 5}, {2, 3, 3}, {3}}, -R, R, NONE, null, null));
    pool(c, "maxPool2d 2", new int[] {2, 3, 4, 4}, new int[] {2, 2}, Spec.of(2, 0, 1, 1), true,
        true);
    pool(c, "maxPool2d 3 stride 2 pad 1", new int[] {1, 2, 7, 7}, new int[] {3, 3},
        Spec.of(2, 1, 1, 1), true, true);
    pool(c, "maxPool2d dilation 2", new int[] {2, 6, 6}, new int[] {2, 2}, Spec.of(1, 0, 2, 1),
        true, true);
    pool(c, "avgPool2d 2", new int[] {2, 3, 4, 4}, new int[] {2, 2}, Spec.of(2, 0, 1, 1), false,
        true);
    pool(c, "avgPool2d 3 stride 2 pad 1", new int[] {1, 2, 7, 6}, new int[] {3, 3},
        Spec.of(2, 1, 1, 1), false, true);
    pool(c, "avgPool2d 3 stride 2 pad 1 exclude pad", new int[] {1, 2, 7, 6}, new int[] {3, 3},
        Spec.of(2, 1, 1, 1), false, false);
    c.add(new Case("globalAvgPool", Mean.class, in -> F.globalAvgPool(in[0]),
        new int[][] {{2, 3, 4, 5}}, -1, 1, NONE, xs -> refGlobalAvg(xs[0]), null));
    c.add(new Case("dropout2d train", Dropout2d.class,
        in -> F.dropout2d(in[0], 0.4f, true, new SplittableRandom(3)),
        new int[][] {{3, 4, 2, 2}}, -2, 2, NONE, null, null));
    c.add(new Case("dropout2d eval", Dropout2d.class, in -> F.dropout2d(in[0], 0.4f, false, null),
        new int[][] {{3, 4, 2, 2}}, -2, 2, NONE, xs -> xs[0], null));
    return c;
  }

  private static void conv2d(List<Case> c, String name, int[] xs, int[] ws, boolean bias,
      Spec sp) {
    Reference ref = t -> {
      int[] hw = new int[2];
      double[] y = NaiveConv.conv(d(t[0]), xs, d(t[1]), ws, bias ? d(t[2]) : null, sp, hw);
      return Tensor.of(NaiveConv.f(y), xs[0], ws[0], hw[0], hw[1]);
    };
    c.add(new Case(name, Convolution.class,
        in -> F.conv2d(in[0], in[1], bias ? in[2] : null, sp.stride(), sp.pad(), sp.dil(),
            sp.groups()),
        bias ? new int[][] {xs, ws, {ws[0]}} : new int[][] {xs, ws}, -R, R, NONE, ref, null));
  }

  /**
   * The fused convolution + ReLU; its reference is ReLU of the naive convolution. The
   * pre-activations are sums of products, so the row's kinks cannot be steered off zero as a
   * plain ReLU's inputs are; the seeded inputs keep them clear of the check's step.
   */
  private static void conv2dRelu(List<Case> c, String name, int[] xs, int[] ws, boolean bias,
      Spec sp) {
    Reference ref = t -> {
      int[] hw = new int[2];
      double[] y = NaiveConv.conv(d(t[0]), xs, d(t[1]), ws, bias ? d(t[2]) : null, sp, hw);
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.max(y[i], 0);
      }
      return Tensor.of(NaiveConv.f(y), xs[0], ws[0], hw[0], hw[1]);
    };
    c.add(new Case(name, Convolution.class, in -> {
      Convolution f = new Convolution(sp.stride(), sp.pad(), sp.dil(), sp.groups(), true);
      return bias ? f.apply(in[0], in[1], in[2]) : f.apply(in[0], in[1]);
    }, bias ? new int[][] {xs, ws, {ws[0]}} : new int[][] {xs, ws}, -R, R, NONE, ref, null));
  }

  /**
   * The fused convolution (3x3, padding 1) + ReLU (when {@code relu}) + 2x2 max pooling; its
   * reference is the naive convolution, ReLU, then the naive pooling (odd sizes leave a row and a column that
   * no window reads). As for conv2d+relu, the seeded inputs keep the pre-activations clear of
   * zero and of ties within a window by more than the check's step.
   */
  private static void conv2dReluPool(List<Case> c, String name, int[] xs, int[] ws,
      boolean bias, boolean relu) {
    Spec conv = Spec.of(1, 1, 1, 1);
    Spec pool = Spec.of(2, 0, 1, 1);
    int[] k = {2, 2};
    Reference ref = t -> {
      int[] hw = new int[2];
      double[] y = NaiveConv.conv(d(t[0]), xs, d(t[1]), ws, bias ? d(t[2]) : null, conv, hw);
      for (int i = 0; relu && i < y.length; i++) {
        y[i] = Math.max(y[i], 0);
      }
      int[] phw = new int[2];
      double[] p = NaiveConv.pool(y, xs[0] * ws[0], hw[0], hw[1], k, pool, true, true, phw);
      return Tensor.of(NaiveConv.f(p), xs[0], ws[0], phw[0], phw[1]);
    };
    MaxPoolWindow window = new MaxPoolWindow(k, new int[] {2, 2}, new int[] {0, 0},
        new int[] {1, 1});
    c.add(new Case(name, Convolution.class, in -> {
      Convolution f = new Convolution(conv.stride(), conv.pad(), conv.dil(), 1, relu, window);
      return bias ? f.apply(in[0], in[1], in[2]) : f.apply(in[0], in[1]);
    }, bias ? new int[][] {xs, ws, {ws[0]}} : new int[][] {xs, ws}, -R, R, NONE, ref, null));
  }

  private static void conv1d(List<Case> c, String name, int[] xs, int[] ws, boolean bias,
      int stride, int pad, int dil, int groups) {
    Spec sp = new Spec(new int[] {1, stride}, new int[] {0, pad}, new int[] {1, dil}, groups);
    int[] xs4 = {xs[0], xs[1], 1, xs[2]};
    int[] ws4 = {ws[0], ws[1], 1, ws[2]};
    Reference ref = t -> {
      int[] hw = new int[2];
      double[] y = NaiveConv.conv(d(t[0]), xs4, d(t[1]), ws4, bias ? d(t[2]) : null, sp, hw);
      return Tensor.of(NaiveConv.f(y), xs[0], ws[0], hw[1]);
    };
    c.add(new Case(name, Convolution.class,
        in -> F.conv1d(in[0], in[1], bias ? in[2] : null, stride, pad, dil, groups),
        bias ? new int[][] {xs, ws, {ws[0]}} : new int[][] {xs, ws}, -R, R, NONE, ref, null));
  }

  private static void convT(List<Case> c, String name, int[] xs, int[] ws, boolean bias,
      Spec sp, int[] outPad) {
    int outC = ws[1] * sp.groups();
    Reference ref = t -> {
      int[] hw = new int[2];
      double[] y = NaiveConv.convTranspose(d(t[0]), xs, d(t[1]), ws, bias ? d(t[2]) : null, sp,
          outPad, hw);
      return Tensor.of(NaiveConv.f(y), xs[0], outC, hw[0], hw[1]);
    };
    c.add(new Case(name, ConvolutionTranspose.class,
        in -> F.convTranspose2d(in[0], in[1], bias ? in[2] : null, sp.stride(), sp.pad(), outPad,
            sp.groups(), sp.dil()),
        bias ? new int[][] {xs, ws, {outC}} : new int[][] {xs, ws}, -R, R, NONE, ref, null));
  }

  /**
   * A pooling row. Max pooling's gradient jumps where two values of a window tie, so its
   * input gets a constant offset: in each plane a shuffled ladder of P distinct steps d =
   * 1.5/P apart, centred on 0, and the random part stays within ±d/4. Values in a window then
   * differ by at least d/2, far more than the check's ±ε, and stay within ±1, so adding the
   * offset rounds no more than the data themselves.
   */
  private static void pool(List<Case> c, String name, int[] xs, int[] k, Spec sp, boolean max,
      boolean countIncludePad) {
    int numel = 1;
    for (int s : xs) {
      numel *= s;
    }
    int plane = xs[xs.length - 2] * xs[xs.length - 1];
    double step = 1.5 / plane;
    float[] spread = new float[numel];
    SplittableRandom r = new SplittableRandom(numel);
    for (int p0 = 0; p0 < numel; p0 += plane) {
      for (int i = 0; i < plane; i++) {
        spread[p0 + i] = (float) ((i - (plane - 1) / 2.0) * step);
      }
      for (int i = plane - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        float t = spread[p0 + i];
        spread[p0 + i] = spread[p0 + j];
        spread[p0 + j] = t;
      }
    }
    double range = max ? step / 4 : 1;
    Tensor offset = Tensor.of(max ? spread : new float[numel], xs);
    int h = xs[xs.length - 2];
    int w = xs[xs.length - 1];
    int planes = numel / (h * w);
    Reference ref = t -> {
      int[] hw = new int[2];
      double[] y = NaiveConv.pool(d(t[0].add(offset)), planes, h, w, k, sp, max,
          countIncludePad, hw);
      int[] shape = xs.clone();
      shape[shape.length - 2] = hw[0];
      shape[shape.length - 1] = hw[1];
      return Tensor.of(NaiveConv.f(y), shape);
    };
    c.add(new Case(name, max ? MaxPool2d.class : AvgPool2d.class, in -> {
      Variable x = F.add(in[0], Variable.of(offset));
      return max ? F.maxPool2d(x, k, sp.stride(), sp.pad(), sp.dil())
          : F.avgPool2d(x, k, sp.stride(), sp.pad(), countIncludePad);
    }, new int[][] {xs}, -range, range, NONE, ref, null));
  }

  private static Tensor refGlobalAvg(Tensor x) {
    int n = x.size(0);
    int ch = x.size(1);
    int plane = x.numel() / (n * ch);
    float[] v = x.toArray();
    float[] y = new float[n * ch];
    for (int p = 0; p < n * ch; p++) {
      double s = 0;
      for (int i = 0; i < plane; i++) {
        s += v[p * plane + i];
      }
      y[p] = (float) (s / plane);
    }
    return Tensor.of(y, n, ch);
  }

  private static double[] d(Tensor t) {
    return NaiveConv.d(t.toArray());
  }
}
