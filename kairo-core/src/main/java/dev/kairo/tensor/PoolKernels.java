package dev.kairo.tensor;

/**
 * Max and average pooling over the planes of [planes, H, W] data (numbers only, no
 * gradients), with the windows of a {@link ConvGeometry}. Planes are split across
 * {@link Parallel} threads.
 *
 * <pre>{@code
 * int[] argmax = new int[planes * g.outSize()];
 * float[] y = PoolKernels.maxForward(x, planes, g, argmax);
 * float[] gx = PoolKernels.maxBackward(gy, planes, g, argmax);
 * }</pre>
 *
 * <p>Max pooling treats padding as −∞ and keeps, per output, the index within its input plane
 * of the first maximum (a NaN wins, as in PyTorch); its backward sends each output gradient to
 * that position. Average pooling divides by the window size clipped to the padded input
 * ({@code countIncludePad}, PyTorch's default) or by the number of real input elements in it.
 */
public final class PoolKernels {
  private static final int[] NONE = {};

  private PoolKernels() {}

  /** Max pooling: returns y [planes, outH, outW] and fills {@code argmax} (same size). */
  public static float[] maxForward(float[] x, int planes, ConvGeometry g, int[] argmax) {
    float[] y = new float[planes * g.outSize()];
    Parallel.forRange(planes, grain(g), (lo, hi) -> maxPlanes(x, lo, hi, g, y, argmax));
    return y;
  }

  /**
   * Max pooling of planes {@code [from, to)} of x into the same planes of y and argmax, on
   * the calling thread: for a kernel that pools each image right after computing it, while it
   * is in cache (a fused convolution + ReLU + pooling).
   */
  public static void maxPlanes(float[] x, int from, int to, ConvGeometry g, float[] y,
      int[] argmax) {
    boolean inside = g.padH() == 0 && g.padW() == 0 && g.dilH() == 1 && g.dilW() == 1;
    for (int p = from; p < to; p++) {
      if (inside) {
        maxPlaneInside(x, p, g, y, argmax);
      } else {
        maxPlane(x, p, g, y, argmax);
      }
    }
  }

  /**
   * One plane of max pooling whose windows all lie inside the input (no padding, no
   * dilation: almost every CNN's pooling), without a data-dependent branch. On real data "is
   * this larger?" is a coin toss (half of a ReLU's outputs are 0), and the plain form
   * mispredicted about every other element (W3's first pooling, 4096 planes of 28x28 on 2
   * threads: 9.6 ms before, 1.25 ms now, 3.4 ms in a training step where its input is cold). The
   * maximum is kept with {@code Math.max} and the index with a conditional move; the output is
   * read back at the index, so a window of -0 and 0 gives the first, as the plain form does.
   * {@code Math.max} carries a NaN through, and such a window (where the NaN must win, at its
   * own index) is redone by {@link #maxWindow}.
   */
  private static void maxPlaneInside(float[] x, int p, ConvGeometry g, float[] y, int[] argmax) {
    int inW = g.inW();
    int kH = g.kH();
    int kW = g.kW();
    int sH = g.strideH();
    int sW = g.strideW();
    int base = p * g.inSize();
    int o = p * g.outSize();
    boolean twoByTwo = kH == 2 && kW == 2;
    for (int oy = 0; oy < g.outH(); oy++) {
      int rowStart = oy * sH * inW;
      for (int ox = 0; ox < g.outW(); ox++, o++) {
        int at = rowStart + ox * sW;
        float m = x[base + at];
        if (twoByTwo) {
          // Unrolled as a tournament, each row's pair first and then the two winners: two
          // dependent steps instead of three, and the same first maximum as the scan below
          // (a later element wins only when strictly larger; a NaN is caught after).
          int i = at;
          float a1 = x[base + i + 1];
          float b0 = x[base + i + inW];
          float b1 = x[base + i + inW + 1];
          int atA = a1 > m ? i + 1 : i;
          float mA = Math.max(m, a1);
          int atB = b1 > b0 ? i + inW + 1 : i + inW;
          float mB = Math.max(b0, b1);
          at = mB > mA ? atB : atA;
          m = Math.max(mA, mB);
        } else {
          int first = at;
          for (int r = first; r < first + kH * inW; r += inW) {
            for (int c = r; c < r + kW; c++) {
              float v = x[base + c];
              at = v > m ? c : at;
              m = Math.max(m, v);
            }
          }
        }
        if (m != m) {
          maxWindow(x, base, g, oy, ox, y, argmax, o);
        } else {
          y[o] = x[base + at];
          argmax[o] = at;
        }
      }
    }
  }

  /** One plane of max pooling, any padding and dilation (padding counts as -infinity). */
  private static void maxPlane(float[] x, int p, ConvGeometry g, float[] y, int[] argmax) {
    int base = p * g.inSize();
    int o = p * g.outSize();
    for (int oy = 0; oy < g.outH(); oy++) {
      for (int ox = 0; ox < g.outW(); ox++, o++) {
        maxWindow(x, base, g, oy, ox, y, argmax, o);
      }
    }
  }

  /** Output {@code o} at (oy, ox): the first maximum of its window, a NaN winning at once. */
  private static void maxWindow(float[] x, int base, ConvGeometry g, int oy, int ox, float[] y,
      int[] argmax, int o) {
    int y0 = oy * g.strideH() - g.padH();
    int x0 = ox * g.strideW() - g.padW();
    float m = Float.NEGATIVE_INFINITY;
    int at = -1;
    window:
    for (int i = 0; i < g.kH(); i++) {
      int iy = y0 + i * g.dilH();
      if (iy < 0 || iy >= g.inH()) {
        continue;
      }
      for (int j = 0; j < g.kW(); j++) {
        int ix = x0 + j * g.dilW();
        if (ix < 0 || ix >= g.inW()) {
          continue;
        }
        int idx = iy * g.inW() + ix;
        float v = x[base + idx];
        if (v > m || at < 0 || v != v) {
          m = v;
          at = idx;
          if (v != v) {
            break window;
          }
        }
      }
    }
    y[o] = m;
    argmax[o] = at;
  }

  /** The input gradient of max pooling: each gy goes to its argmax; returns [planes, H, W]. */
  public static float[] maxBackward(float[] gy, int planes, ConvGeometry g, int[] argmax) {
    int l = g.outSize();
    int in = g.inSize();
    float[] gx = new float[planes * in];
    Parallel.forRange(planes, grain(g), (lo, hi) -> {
      for (int p = lo; p < hi; p++) {
        int base = p * in;
        for (int o = p * l; o < (p + 1) * l; o++) {
          if (argmax[o] >= 0) {
            gx[base + argmax[o]] += gy[o];
          }
        }
      }
    });
    return gx;
  }

  /**
   * Whether no input lies in two windows of {@code g} and the windows start at the origin
   * (stride at least the kernel, no padding, no dilation: 2 x 2 pooling with stride 2, and most
   * others), as {@link #maxBackwardRectified} needs.
   */
  public static boolean disjointWindows(ConvGeometry g) {
    return g.strideH() >= g.kH() && g.strideW() >= g.kW() && g.padH() == 0 && g.padW() == 0
        && g.dilH() == 1 && g.dilW() == 1;
  }

  /**
   * {@link #maxBackward}, then ReLU's backward against the pooling's input x (the rectified
   * output of the layer before: {@code ActivationKernels.maskNonPositive(gx, x, 0)}), for planes
   * {@code [from, to)}, into {@code dst} from {@code dstOff} (every element of those planes
   * written), on the calling thread. The same bits in one pass that neither builds the full-size
   * gradient between them nor reads x where it need not: a window whose maximum is a number
   * holds no NaN and its argmax input is that maximum ({@code pooled}), so the argmax gets
   * {@code (0 + gy)·step(max)} and the rest of the window 0. A window whose maximum is NaN, and
   * an input no window covers, take the two-pass arithmetic on x. For {@link #disjointWindows}
   * only.
   *
   * <p>Why: W3's first pooling reads a 12.8 MB batch of feature maps; its backward wrote a
   * zeroed gradient of that size, scattered into it, then read it and the feature maps again
   * for the mask and wrote a third array. A fused convolution + ReLU + pooling now calls this
   * for one image's planes just before the convolution's backward reads them, in cache.
   */
  public static void maxBackwardRectified(float[] gy, float[] pooled, float[] x, int from,
      int to, ConvGeometry g, int[] argmax, float[] dst, int dstOff) {
    if (!disjointWindows(g)) {
      throw new IllegalArgumentException("maxBackwardRectified: windows of " + g
          + " overlap or are padded or dilated");
    }
    int l = g.outSize();
    int in = g.inSize();
    java.util.Arrays.fill(dst, dstOff, dstOff + (to - from) * in, 0f);
    int[] uncovered = uncovered(g);
    for (int p = from; p < to; p++) {
      int xBase = p * in;
      int base = dstOff + (p - from) * in;
      for (int o = p * l, ol = 0; ol < l; o++, ol++) {
        float m = pooled[o];
        if (m == m) {
          dst[base + argmax[o]] = (0f + gy[o]) * ActivationKernels.positiveStep(m);
        } else {
          int top = ol / g.outW() * g.strideH();
          int left = ol % g.outW() * g.strideW();
          for (int r = top; r < top + g.kH(); r++) {
            for (int c = left; c < left + g.kW(); c++) {
              int i = r * g.inW() + c;
              float back = i == argmax[o] ? 0f + gy[o] : 0f;
              dst[base + i] = back * ActivationKernels.positiveStep(x[xBase + i]);
            }
          }
        }
      }
      for (int i : uncovered) {
        dst[base + i] = 0f * ActivationKernels.positiveStep(x[xBase + i]);
      }
    }
  }

  /** The positions of a plane that no window of {@code g} covers (disjoint windows). */
  private static int[] uncovered(ConvGeometry g) {
    if (g.kH() == g.strideH() && g.kW() == g.strideW() && g.inH() == g.outH() * g.kH()
        && g.inW() == g.outW() * g.kW()) {
      return NONE; // windows tile the plane (2 x 2 pooling of an even-sized map)
    }
    int[] out = new int[g.inSize()];
    int n = 0;
    for (int r = 0; r < g.inH(); r++) {
      boolean row = r / g.strideH() < g.outH() && r % g.strideH() < g.kH();
      for (int c = 0; c < g.inW(); c++) {
        if (!row || c / g.strideW() >= g.outW() || c % g.strideW() >= g.kW()) {
          out[n++] = r * g.inW() + c;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Average pooling (dilation 1): returns y [planes, outH, outW]. */
  public static float[] avgForward(float[] x, int planes, ConvGeometry g,
      boolean countIncludePad) {
    float[] y = new float[planes * g.outSize()];
    Parallel.forRange(planes, grain(g), (lo, hi) -> {
      for (int p = lo; p < hi; p++) {
        avgPlane(x, y, p, g, countIncludePad, false);
      }
    });
    return y;
  }

  /** The input gradient of average pooling; returns [planes, H, W]. */
  public static float[] avgBackward(float[] gy, int planes, ConvGeometry g,
      boolean countIncludePad) {
    float[] gx = new float[planes * g.inSize()];
    Parallel.forRange(planes, grain(g), (lo, hi) -> {
      for (int p = lo; p < hi; p++) {
        avgPlane(gy, gx, p, g, countIncludePad, true);
      }
    });
    return gx;
  }

  /**
   * One plane of average pooling, both directions over the same windows: forward
   * ({@code spread} false) writes each output as its window's mean of {@code in}; backward
   * ({@code spread} true) adds each output gradient of {@code in}, divided alike, to every input
   * of its window in {@code out}. The divisor is the window clipped to the padded input
   * ({@code countIncludePad}) or to the real input; an empty window gives 0 (and no gradient).
   */
  private static void avgPlane(float[] in, float[] out, int p, ConvGeometry g,
      boolean countIncludePad, boolean spread) {
    int base = p * g.inSize();
    int o = p * g.outSize();
    for (int oy = 0; oy < g.outH(); oy++) {
      int y0 = oy * g.strideH() - g.padH();
      int y1 = Math.min(y0 + g.kH(), g.inH() + g.padH());
      int ya = Math.max(y0, 0);
      int yb = Math.min(y1, g.inH());
      for (int ox = 0; ox < g.outW(); ox++, o++) {
        int x0 = ox * g.strideW() - g.padW();
        int x1 = Math.min(x0 + g.kW(), g.inW() + g.padW());
        int xa = Math.max(x0, 0);
        int xb = Math.min(x1, g.inW());
        int div = countIncludePad ? (y1 - y0) * (x1 - x0) : (yb - ya) * (xb - xa);
        if (spread) {
          if (div > 0) {
            float v = in[o] / div;
            for (int iy = ya; iy < yb; iy++) {
              int r = base + iy * g.inW();
              for (int ix = xa; ix < xb; ix++) {
                out[r + ix] += v;
              }
            }
          }
          continue;
        }
        float s = 0;
        for (int iy = ya; iy < yb; iy++) {
          int r = base + iy * g.inW();
          for (int ix = xa; ix < xb; ix++) {
            s += in[r + ix];
          }
        }
        out[o] = div > 0 ? s / div : 0f;
      }
    }
  }

  /** Planes per chunk: enough work (about 32k window taps) to be worth a thread. */
  private static int grain(ConvGeometry g) {
    return Math.max(1, (1 << 15) / Math.max(1, g.outSize() * g.kernelSize()));
  }
}
