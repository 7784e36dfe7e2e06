package dev.kairo.tensor;

/**
 * Convolution as matrix products (numbers only, no gradients): for each image,
 * {@link Im2Col#im2col} and one {@link Gemm#sgemm} per channel group. Weights are PyTorch's
 * {@code [outC, C/groups, kH, kW]}, row-major, so group {@code gi}'s weights are the matrix
 * {@code [outC/groups, C/groups·kH·kW]} at offset {@code gi·(outC/groups)·(C/groups·kH·kW)}.
 *
 * <pre>{@code
 * float[] y = ConvKernels.forward(x, n, w, bias, outC, groups, g);    // [n, outC, outH, outW]
 * float[] gx = ConvKernels.backwardData(gy, n, w, outC, groups, g);   // [n, C, H, W]
 * float[] gw = ConvKernels.backwardWeight(gy, x, n, outC, groups, g); // [outC, C/groups, kH, kW]
 * ConvKernels.Grads d = ConvKernels.backward(gy, x, n, w, outC, groups, g, true, true, true);
 * }</pre>
 *
 * <p>{@link #backward} computes all three gradients in one pass over the images (what a
 * convolution's backward uses); the separate kernels serve the transposed convolution, whose
 * roles are swapped.
 *
 * <p>A transposed convolution is the same three kernels with the roles swapped: its forward is
 * {@link #backwardData}, its input gradient {@link #forward}, its weight gradient
 * {@link #backwardWeight} with input and output gradient exchanged.
 *
 * <p>Images are split across {@link Parallel} threads (a chunk of images per thread, chunk
 * boundaries fixed by the batch size and thread count, so results do not depend on timing).
 * Each thread reuses one column buffer ({@code colRows · outSize} floats) across calls. The
 * weight gradient sums one partial per chunk, in chunk order. A 1x1 kernel with unit stride
 * and no padding skips im2col: the image already is the column matrix.
 */
public final class ConvKernels {
  /** Column buffers up to this many floats (16 MiB) are kept per thread; larger ones are not. */
  private static final int RETAIN = 1 << 22;
  private static final ThreadLocal<float[]> SCRATCH = new ThreadLocal<>();

  private ConvKernels() {}

  /**
   * {@code y = W ⋆ x + b}: x [n, C, H, W], w [outC, C/groups, kH, kW], bias [outC] or null;
   * returns y [n, outC, outH, outW].
   */
  public static float[] forward(float[] x, int n, float[] w, float[] bias, int outC,
      int groups, ConvGeometry g) {
    return forward(x, n, w, bias, outC, groups, g, false);
  }

  /**
   * {@link #forward}, then, when {@code rectify}, {@code max(y, 0)} applied to each image right
   * after its product, while it is still in cache: the fused convolution + ReLU of a network's
   * hidden layers. Same bits as a separate ReLU (bias added first, then {@code Math.max}).
   */
  public static float[] forward(float[] x, int n, float[] w, float[] bias, int outC,
      int groups, ConvGeometry g, boolean rectify) {
    return forward(x, n, w, bias, outC, groups, g, rectify, null);
  }

  /** Work done on each image's output right after it is computed, on the same thread. */
  @FunctionalInterface
  public interface AfterImage {
    /** Image {@code image} of {@code y} ([n, outC, outH, outW]) is final. */
    void done(float[] y, int image);
  }

  /**
   * {@link #forward(float[], int, float[], float[], int, int, ConvGeometry, boolean)}, then
   * {@code after} (if not null) on each image while its output is still in cache.
   */
  public static float[] forward(float[] x, int n, float[] w, float[] bias, int outC,
      int groups, ConvGeometry g, boolean rectify, AfterImage after) {
    int og = outC / groups;
    int k = g.colRows() / groups;
    int l = g.outSize();
    int inImg = g.channels() * g.inSize();
    int outImg = outC * l;
    float[] y = new float[n * outImg];
    boolean direct = g.isPointwise();
    Parallel.forRange(n, imageGrain(), (lo, hi) -> {
      float[] col = direct ? x : scratch(g.colRows() * l);
      for (int i = lo; i < hi; i++) {
        int colOff = direct ? i * inImg : 0;
        if (!direct) {
          unfold(x, i * inImg, g, col);
        }
        for (int gi = 0; gi < groups; gi++) {
          Gemm.sgemm(false, false, og, l, k, 1f, w, gi * og * k, k, col, colOff + gi * k * l, l,
              0f, y, i * outImg + gi * og * l, l);
        }
        if (bias != null || rectify) {
          epilogue(y, i * outImg, outC, l, bias, rectify);
        }
        if (after != null) {
          after.done(y, i);
        }
      }
    });
    return y;
  }

  /** Adds each channel's bias to its plane of {@code l} outputs and, if asked, rectifies. */
  private static void epilogue(float[] y, int off, int channels, int l, float[] bias,
      boolean rectify) {
    for (int o = 0; o < channels; o++) {
      float b = bias == null ? 0f : bias[o];
      int r = off + o * l;
      if (!rectify) {
        for (int p = r; p < r + l; p++) {
          y[p] += b;
        }
      } else if (bias == null) {
        for (int p = r; p < r + l; p++) {
          y[p] = Math.max(y[p], 0f);
        }
      } else {
        for (int p = r; p < r + l; p++) {
          y[p] = Math.max(y[p] + b, 0f);
        }
      }
    }
  }

  /**
   * The input gradient {@code gx = Wᵀ ⋆ gy} (col2im of {@code Wᵀ·gy}): gy [n, outC, outH, outW];
   * returns gx [n, C, H, W]. {@link #backward} asked for the input gradient alone.
   */
  public static float[] backwardData(float[] gy, int n, float[] w, int outC, int groups,
      ConvGeometry g) {
    return backward(gy, null, n, w, outC, groups, g, true, false, false).input();
  }

  /**
   * The weight gradient {@code gW = Σ_images gy · col(x)ᵀ}: gy [n, outC, outH, outW],
   * x [n, C, H, W]; returns gW [outC, C/groups, kH, kW]. {@link #backward} asked for the
   * weight gradient alone.
   */
  public static float[] backwardWeight(float[] gy, float[] x, int n, int outC, int groups,
      ConvGeometry g) {
    return backward(gy, x, n, null, outC, groups, g, false, true, false).weight();
  }

  /** The gradients {@link #backward} returns; null where not asked for. */
  public record Grads(float[] input, float[] weight, float[] bias) {}

  /**
   * All the gradients of a convolution in one pass over the images, each image's {@code gy}
   * read once while in cache: the input gradient {@code gx = col2im(Wᵀ·gy)} (needs w), the
   * weight gradient {@code gW = Σ_images gy·col(x)ᵀ} (needs x; one partial per chunk of
   * images, summed in chunk order) and the bias gradient (as {@link #channelSums}, up to the
   * order of the double-precision partial sums). Each gradient is the same bits whether it is
   * asked for alone or with the others. (Masking each
   * image's {@code gy} here for a fused convolution + ReLU was tried: a W3 step's backward
   * took 1.5-2 ms longer than one parallel mask pass over the batch before this kernel.)
   */
  public static Grads backward(float[] gy, float[] x, int n, float[] w,
      int outC, int groups, ConvGeometry g, boolean wantInput, boolean wantWeight,
      boolean wantBias) {
    return backward(gy, null, x, n, w, outC, groups, g, wantInput, wantWeight, wantBias);
  }

  /**
   * Writes one image's output gradient, [outC, outH, outW], into {@code dst} from 0 (every
   * element): for a gradient computed image by image as the backward reaches it.
   */
  @FunctionalInterface
  public interface ImageGradient {
    void fill(int image, float[] dst);
  }

  /**
   * {@link #backward} with each image's {@code gy} made by {@code source} just before its use,
   * into a buffer of the thread's that stays in cache, instead of read from a batch-sized
   * array: the backward of a fused convolution + ReLU + pooling expands the pooled gradient
   * this way. The same bits as {@link #backward} on the array {@code source} describes.
   */
  public static Grads backward(ImageGradient source, float[] x, int n, float[] w,
      int outC, int groups, ConvGeometry g, boolean wantInput, boolean wantWeight,
      boolean wantBias) {
    return backward(null, source, x, n, w, outC, groups, g, wantInput, wantWeight, wantBias);
  }

  private static Grads backward(float[] gyBatch, ImageGradient source, float[] x, int n,
      float[] w, int outC, int groups, ConvGeometry g, boolean wantInput, boolean wantWeight,
      boolean wantBias) {
    int og = outC / groups;
    int k = g.colRows() / groups;
    int l = g.outSize();
    int inImg = g.channels() * g.inSize();
    int outImg = outC * l;
    boolean direct = g.isPointwise();
    float[] gx = wantInput ? new float[n * inImg] : null;
    int chunks = Math.max(1, Parallel.chunks(n, imageGrain()));
    float[][] weightParts = new float[chunks][];
    double[][] biasParts = new double[chunks][];
    Parallel.forRange(chunks, 1, (clo, chi) -> {
      float[] col = direct ? null : scratch(g.colRows() * l);
      float[] gy = source == null ? gyBatch : new float[outImg];
      for (int ch = clo; ch < chi; ch++) {
        float[] accW = wantWeight ? new float[outC * k] : null;
        double[] accB = wantBias ? new double[outC] : null;
        for (int i = Parallel.bound(n, chunks, ch); i < Parallel.bound(n, chunks, ch + 1); i++) {
          int gyOff = i * outImg;
          if (source != null) {
            source.fill(i, gy);
            gyOff = 0;
          }
          if (accB != null) {
            for (int c = 0; c < outC; c++) {
              accB[c] += planeSum(gy, gyOff + c * l, l);
            }
          }
          if (wantInput) {
            float[] dst = direct ? gx : col;
            int dstOff = direct ? i * inImg : 0;
            for (int gi = 0; gi < groups; gi++) {
              Gemm.sgemm(true, false, k, l, og, 1f, w, gi * og * k, k, gy, gyOff + gi * og * l,
                  l, 0f, dst, dstOff + gi * k * l, l);
            }
            if (!direct) {
              fold(col, g, gx, i * inImg);
            }
          }
          if (accW != null) {
            float[] src = direct ? x : col;
            int srcOff = direct ? i * inImg : 0;
            if (!direct) {
              unfold(x, i * inImg, g, col);
            }
            for (int gi = 0; gi < groups; gi++) {
              Gemm.sgemm(false, true, og, k, l, 1f, gy, gyOff + gi * og * l, l, src,
                  srcOff + gi * k * l, l, 1f, accW, gi * og * k, k);
            }
          }
        }
        weightParts[ch] = accW;
        biasParts[ch] = accB;
      }
    });
    float[] gw = null;
    if (wantWeight) {
      gw = weightParts[0];
      for (int ch = 1; ch < chunks; ch++) {
        float[] p = weightParts[ch];
        for (int j = 0; j < gw.length; j++) {
          gw[j] += p[j];
        }
      }
    }
    float[] gb = null;
    if (wantBias) {
      gb = new float[outC];
      for (int c = 0; c < outC; c++) {
        double sum = 0;
        for (int ch = 0; ch < chunks; ch++) {
          sum += biasParts[ch][c];
        }
        gb[c] = (float) sum;
      }
    }
    return new Grads(gx, gw, gb);
  }

  /**
   * The bias gradient: the sum of gy [n, channels, size] over images and positions, per
   * channel (accumulated in double); returns [channels].
   */
  public static float[] channelSums(float[] gy, int n, int channels, int size) {
    float[] out = new float[channels];
    Parallel.forRange(channels, Math.max(1, (1 << 15) / Math.max(1, n * size)), (lo, hi) -> {
      for (int c = lo; c < hi; c++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += planeSum(gy, (i * channels + c) * size, size);
        }
        out[c] = (float) s;
      }
    });
    return out;
  }

  /**
   * The sum of {@code a[from, from + len)} in four interleaved float partials, then added in a
   * fixed order: one running sum waits out the adder's latency at every element (the JIT may
   * not reorder float additions), four keep it busy. W3's first layer (128 x 32 planes of 784):
   * 0.8 ms before.
   */
  private static float planeSum(float[] a, int from, int len) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int p = from;
    int end4 = from + (len & ~3);
    for (; p < end4; p += 4) {
      s0 += a[p];
      s1 += a[p + 1];
      s2 += a[p + 2];
      s3 += a[p + 3];
    }
    for (; p < from + len; p++) {
      s0 += a[p];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Images per chunk: one, so images spread over the threads and each image's products run
   * single-threaded on its thread (both GEMM backends run a product called from inside a
   * parallel kernel on the calling thread). Measured on the Java kernel, conv 32->64, 3x3,
   * [64, 32, 14, 14], forward + backward on 2 cores: 50 ms images-in-parallel against 65 ms
   * threading each product. (When OpenBLAS threaded its own products, several threads calling
   * it at once oversubscribed the cores, 40x slower; it is single-threaded now.)
   */
  private static int imageGrain() {
    return 1;
  }

  /** im2col of one image into {@code col}, split by channels across threads when free. */
  private static void unfold(float[] x, int xOff, ConvGeometry g, float[] col) {
    int plane = g.inSize();
    int rows = g.kernelSize() * g.outSize();
    Parallel.forRange(g.channels(), channelGrain(g), (c0, c1) -> Im2Col.im2col(x,
        xOff + c0 * plane, g.withChannels(c1 - c0), col, c0 * rows));
  }

  /** col2im of {@code col} into one image; channels write disjoint planes, so split freely. */
  private static void fold(float[] col, ConvGeometry g, float[] x, int xOff) {
    int plane = g.inSize();
    int rows = g.kernelSize() * g.outSize();
    // gx is a fresh array and col is unfolded again before it is read: col2imFresh's terms.
    Parallel.forRange(g.channels(), channelGrain(g), (c0, c1) -> Im2Col.col2imFresh(col,
        c0 * rows, g.withChannels(c1 - c0), x, xOff + c0 * plane));
  }

  /** Channels per chunk: about 32k column elements, enough to be worth a thread. */
  private static int channelGrain(ConvGeometry g) {
    return Math.max(1, (1 << 15) / Math.max(1, g.kernelSize() * g.outSize()));
  }

  /** This thread's column buffer, grown to at least {@code size} floats. */
  private static float[] scratch(int size) {
    float[] s = SCRATCH.get();
    if (s != null && s.length >= size) {
      return s;
    }
    s = new float[size];
    if (size <= RETAIN) {
      SCRATCH.set(s);
    }
    return s;
  }
}
