package dev.kairo.tensor;

import java.util.Arrays;

/**
 * Unfolds an image into the column matrix of a convolution and folds it back (im2col and
 * col2im, Chellapilla et al. 2006, as in Caffe and Chainer), so a convolution becomes one
 * matrix product.
 *
 * <p>For one image of C planes [C, H, W], the column matrix is
 * {@code [C·kH·kW, outH·outW]}, row-major: row {@code (c·kH + i)·kW + j} holds, for each output
 * position {@code (oy, ox)}, the input value at {@code (oy·strideH − padH + i·dilH,
 * ox·strideW − padW + j·dilW)} of plane c, or 0 where that falls in the padding. The rows of
 * consecutive channels are consecutive, so the rows of one channel group form one block.
 *
 * <pre>{@code
 * float[] col = new float[g.colRows() * g.outSize()];
 * Im2Col.im2col(x, 0, g, col, 0);                 // x holds [C, H, W]
 * Gemm.sgemm(false, false, outC, g.outSize(), g.colRows(), 1f, w, 0, g.colRows(),
 *     col, 0, g.outSize(), 0f, y, 0, g.outSize()); // y = W · col
 * }</pre>
 *
 * <p>The valid range of output columns is computed once per kernel tap, so the inner loop has
 * no bounds tests, and unit stride copies whole rows with {@code System.arraycopy}.
 */
public final class Im2Col {
  private Im2Col() {}

  /**
   * Writes the column matrix of image {@code x[xOff ...]} ([C, H, W] of {@code g}) to
   * {@code col[colOff ...]}; every element is written, so {@code col} may hold garbage.
   */
  public static void im2col(float[] x, int xOff, ConvGeometry g, float[] col, int colOff) {
    if (sameSizeUnitStride(g)) {
      sameSize(TapWork.UNFOLD, x, xOff, g, col, colOff, null);
      return;
    }
    int outH = g.outH();
    int outW = g.outW();
    int inH = g.inH();
    int inW = g.inW();
    int l = outH * outW;
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = xOff + c * inH * inW;
      for (int i = 0; i < g.kH(); i++) {
        int dy = i * g.dilH() - g.padH();
        for (int j = 0; j < g.kW(); j++, row++) {
          int dx = j * g.dilW() - g.padW();
          int lo = firstValid(dx, g.strideW(), outW);
          int hi = endValid(dx, g.strideW(), inW, outW, lo);
          int base = colOff + row * l;
          for (int oy = 0; oy < outH; oy++) {
            int dst = base + oy * outW;
            int iy = oy * g.strideH() + dy;
            if (iy < 0 || iy >= inH) {
              Arrays.fill(col, dst, dst + outW, 0f);
              continue;
            }
            if (lo > 0) {
              Arrays.fill(col, dst, dst + lo, 0f);
            }
            if (hi < outW) {
              Arrays.fill(col, dst + hi, dst + outW, 0f);
            }
            int src = plane + iy * inW + dx;
            int sw = g.strideW();
            if (sw == 1) {
              System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
            } else {
              for (int ox = lo; ox < hi; ox++) {
                col[dst + ox] = x[src + ox * sw];
              }
            }
          }
        }
      }
    }
  }

  /**
   * Adds the column matrix {@code col[colOff ...]} back into image {@code x[xOff ...]}: each
   * column element is added to the input position it was read from (padding positions are
   * dropped). The transpose of {@link #im2col}; {@code x} must hold the values to add to
   * (zeros for a fresh gradient).
   */
  public static void col2im(float[] col, int colOff, ConvGeometry g, float[] x, int xOff) {
    int outH = g.outH();
    int outW = g.outW();
    int inH = g.inH();
    int inW = g.inW();
    int l = outH * outW;
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = xOff + c * inH * inW;
      for (int i = 0; i < g.kH(); i++) {
        int dy = i * g.dilH() - g.padH();
        for (int j = 0; j < g.kW(); j++, row++) {
          int dx = j * g.dilW() - g.padW();
          int lo = firstValid(dx, g.strideW(), outW);
          int hi = endValid(dx, g.strideW(), inW, outW, lo);
          int base = colOff + row * l;
          int sw = g.strideW();
          for (int oy = 0; oy < outH; oy++) {
            int iy = oy * g.strideH() + dy;
            if (iy < 0 || iy >= inH) {
              continue;
            }
            int src = base + oy * outW;
            int dst = plane + iy * inW + dx;
            for (int ox = lo; ox < hi; ox++) {
              x[dst + ox * sw] += col[src + ox];
            }
          }
        }
      }
    }
  }

  /**
   * Stride 1 with the output as large as the input ("same" padding, W3's convolutions): a tap's
   * rows of the column matrix are then one shifted run of the plane, so im2col copies each tap
   * at once instead of row by row, zeroing the few positions that fall in the padding after,
   * and {@link #col2imFresh} adds each tap back as one run. The same bits. Measured on W3's
   * conv2 (32 channels, 14 x 14, 3 x 3, one thread, 2026-12-06): im2col 16.0 -> 7.6 µs per
   * image (one copy per tap instead of 14 copies and 28 fills).
   */
  private static boolean sameSizeUnitStride(ConvGeometry g) {
    return g.strideH() == 1 && g.strideW() == 1 && g.outW() == g.inW() && g.outH() == g.inH();
  }

  /**
   * One tap (i, j) of a {@link #sameSizeUnitStride} geometry: the offset {@code dy·w + dx} from
   * an output position to the input it reads, and the output rows {@code [oyLo, oyHi)} and
   * columns {@code [lo, hi)} whose input is inside the plane. An empty range: the tap reads
   * only padding.
   */
  private record Tap(int shift, int oyLo, int oyHi, int lo, int hi) {
    boolean empty() {
      return oyLo >= oyHi || lo >= hi;
    }
  }

  /** The taps of a {@link #sameSizeUnitStride} geometry, in column-matrix row order. */
  private static Tap[] sameSizeTaps(ConvGeometry g) {
    int h = g.outH();
    int w = g.outW();
    Tap[] taps = new Tap[g.kH() * g.kW()];
    for (int i = 0, t = 0; i < g.kH(); i++) {
      int dy = i * g.dilH() - g.padH();
      int oyLo = firstValid(dy, 1, h);
      int oyHi = endValid(dy, 1, h, h, oyLo);
      for (int j = 0; j < g.kW(); j++, t++) {
        int dx = j * g.dilW() - g.padW();
        int lo = firstValid(dx, 1, w);
        taps[t] = new Tap(dy * w + dx, oyLo, oyHi, lo, endValid(dx, 1, w, w, lo));
      }
    }
    return taps;
  }

  /** What {@link #sameSize} does with each tap. */
  private enum TapWork { UNFOLD, FOLD_RUNS }

  /**
   * {@link #im2col} or {@link #col2imFresh} when {@link #sameSizeUnitStride}:
   * the column-matrix rows of each channel's taps, in order, each tap one run.
   */
  private static void sameSize(TapWork work, float[] x, int xOff, ConvGeometry g, float[] col,
      int colOff, AddKernel add) {
    int w = g.outW();
    int l = g.outH() * w;
    Tap[] taps = sameSizeTaps(g);
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = xOff + c * l;
      for (Tap t : taps) {
        int base = colOff + row++ * l;
        switch (work) {
          case UNFOLD -> unfoldTap(x, plane + t.shift(), col, base, t, w, l);
          default -> foldTapRun(col, base, x, plane + t.shift(), t, w, add);
        }
      }
    }
  }

  /**
   * One tap's row of the column matrix, {@code col[base, base + l)}, from the plane shifted to
   * {@code from} (the plane's start plus the tap's offset).
   */
  private static void unfoldTap(float[] x, int from, float[] col, int base, Tap t, int w,
      int l) {
    if (t.empty()) {
      Arrays.fill(col, base, base + l, 0f);
      return;
    }
    int oyLo = t.oyLo();
    int oyHi = t.oyHi();
    int lo = t.lo();
    int hi = t.hi();
    // From the first valid position to the last: one copy. Positions of this run whose column
    // falls in the padding read a neighbouring row's value; they are zeroed after.
    int first = oyLo * w + lo;
    int end = (oyHi - 1) * w + hi;
    Arrays.fill(col, base, base + first, 0f);
    System.arraycopy(x, from + first, col, base + first, end - first);
    Arrays.fill(col, base + end, base + l, 0f);
    for (int oy = oyLo; oy < oyHi; oy++) {
      int r = base + oy * w;
      for (int ox = 0; ox < lo; ox++) {
        col[r + ox] = 0f;
      }
      for (int ox = hi; ox < w; ox++) {
        col[r + ox] = 0f;
      }
    }
  }

  /**
   * {@link #col2im} for a fresh gradient, for {@link ConvKernels}: {@code x} holds +0 where it
   * is written (or sums of earlier additions to +0, which are never −0), and the caller is done
   * with {@code col}, whose entries that fall in the padding this may set to +0. The same bits
   * as {@link #col2im} then. For a {@link #sameSizeUnitStride} geometry each tap is added as
   * one run over its rows (a few hundred floats, in vectors: {@link Simd#add()}), its padding
   * entries, now +0, added to the neighbouring positions they wrap onto, which leaves them as
   * they were. Row by row, the runs are shorter than one 16-float vector. Measured on W3's
   * conv2 (one thread, 2026-12-06): 12.0-14.1 µs per image, against 24 for the row-by-row
   * loop it replaced and 29.5-30.7 for the general loop.
   */
  static void col2imFresh(float[] col, int colOff, ConvGeometry g, float[] x, int xOff) {
    col2imFresh(col, colOff, g, x, xOff, Simd.add());
  }

  /** {@link #col2imFresh} adding runs with {@code add}, or plain loops when it is null. */
  static void col2imFresh(float[] col, int colOff, ConvGeometry g, float[] x, int xOff,
      AddKernel add) {
    if (!sameSizeUnitStride(g)) {
      col2im(col, colOff, g, x, xOff);
      return;
    }
    sameSize(TapWork.FOLD_RUNS, x, xOff, g, col, colOff, add);
  }

  /**
   * One tap added back as one run, from its first position inside the plane to its last (so
   * no other plane, which another thread may be writing, is touched), its padding entries
   * within the run set to +0 first.
   */
  private static void foldTapRun(float[] col, int base, float[] x, int to, Tap t, int w,
      AddKernel add) {
    if (t.empty()) {
      return;
    }
    int oyLo = t.oyLo();
    int oyHi = t.oyHi();
    int lo = t.lo();
    int hi = t.hi();
    for (int oy = oyLo; oy < oyHi; oy++) {
      int r = base + oy * w;
      for (int ox = oy > oyLo ? 0 : lo; ox < lo; ox++) {
        col[r + ox] = 0f;
      }
      for (int ox = hi; oy < oyHi - 1 && ox < w; ox++) {
        col[r + ox] = 0f;
      }
    }
    int first = base + oyLo * w + lo;
    int n = (oyHi - 1 - oyLo) * w + hi - lo;
    int shift = to - base;
    if (add != null) {
      add.addInto(col, first, x, first + shift, n);
      return;
    }
    for (int k = first; k < first + n; k++) {
      x[k + shift] += col[k];
    }
  }

  /** The first output column whose input column {@code ox·s + dx} is >= 0. */
  private static int firstValid(int dx, int s, int outW) {
    if (dx >= 0) {
      return 0;
    }
    return Math.min(outW, (-dx + s - 1) / s);
  }

  /** One past the last output column whose input column {@code ox·s + dx} is < inW. */
  private static int endValid(int dx, int s, int inW, int outW, int lo) {
    int last = inW - 1 - dx;   // ox·s <= last
    if (last < 0) {
      return lo;
    }
    return Math.max(lo, Math.min(outW, last / s + 1));
  }
}
