package dev.kairo.tensor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A multilayer perceptron's weights copied into the layout its inference reads fastest, and
 * that inference: fully connected layers, each followed by element-wise activations, for one
 * sample or a batch. What {@code dev.kairo.nn.Predictor} runs.
 *
 * <p>Why a copy: one sample through a layer is a matrix-vector product, and its speed is that
 * of reading the weights from cache. The layer's own layout, W [out, in], makes each output a
 * dot product over a row: four rows read side by side, then a sum across the vector's lanes
 * per output. Transposed and cut into panels of up to eight vectors of outputs, each panel
 * stored whole ([in][panel width]), every output instead keeps its running sum in a register
 * while the panel is read once, front to back (784 x 128 from L2 on an AMD EPYC with AVX-512:
 * 2.1 µs against 3.0 µs). Layers narrower than one vector keep W's layout.
 *
 * <p>One sample runs in a single parallel call ({@link Parallel#forPhases}): each layer is a
 * phase whose panels are shared among the threads, the same panels going to the same thread
 * call after call (so each core's cache keeps its panels), and the activations are applied to
 * each thread's outputs as soon as they are computed. A batch runs the same way with its rows
 * shared instead, each thread's rows one product on W as given (kept too: the copy holds the
 * weights twice).
 *
 * <p>The outputs agree with the layer-by-layer ops to float rounding, not bit for bit: one
 * sample's outputs are each summed in input order, where the ops' single-sample kernel sums
 * lane-wise, and a batch's product is cut into other blocks. The same input, weights and
 * thread count give the same bits every time.
 *
 * <pre>{@code
 * PackedMlp mlp = PackedMlp.pack(784, new int[] {LINEAR, LEAKY_RELU, LINEAR},
 *     new int[] {256, 256, 10}, new float[3], new float[][] {w1, null, w2},
 *     new float[][] {b1, null, b2});
 * float[] y = mlp.forward(x, 1);   // [1, 10]
 * }</pre>
 */
public final class PackedMlp {
  /** A fully connected layer: {@code y = x·Wᵀ + b}, W [out, in] row-major, b [out] or none. */
  public static final int LINEAR = 0;
  /** {@code x where x > 0, else slope·x} (slope 0 is ReLU), as the leaky ReLU op. */
  public static final int LEAKY_RELU = 1;
  /** {@code tanh}, as {@link Tensor#tanh()}. */
  public static final int TANH = 2;
  /** The logistic sigmoid, as {@link Tensor#sigmoid()}. */
  public static final int SIGMOID = 3;

  /**
   * Multiply-adds below which a layer is not shared among threads for one sample: each share
   * must be worth more than the wait between phases (a counter crossing cores, 0.1-0.2 µs);
   * 16K multiply-adds take about 0.4 µs from cache.
   */
  static final int MIN_SHARED_WORK = 1 << 14;
  /** Rows per share of a batch among threads. */
  private static final int BATCH_GRAIN = 8;
  /** Vectors of outputs per panel: {@code VectorGemv}'s widest register block. */
  private static final int PANEL_VECTORS = 8;

  private final int inWidth;
  private final Layer[] layers;
  /** Each layer's output for one sample (the last copied out: the result is the caller's). */
  private final float[][] hidden;
  private final AtomicBoolean hiddenInUse = new AtomicBoolean();
  /** The phases of one row: each layer's panel count and panels per share (never written). */
  private final int[] oneRowSizes;
  private final int[] oneRowGrains;
  /** Every layer's output but the last's for the last batch size seen (null before one). */
  private float[][] rowsHidden;
  private final AtomicBoolean rowsInUse = new AtomicBoolean();

  /** One fully connected layer, its panels and the activations after it. */
  private static final class Layer {
    final int in;
    final int out;
    /**
     * Whether the layer is narrower than a vector and keeps W's layout, [out, in]: its outputs
     * are then dot products, which the kernel computes a vector of inputs at a time.
     */
    final boolean rowMajor;
    /** The panels one after another, or W [out, in] when rowMajor. */
    final float[] weights;
    /** W [out, in] as given, for batches. */
    final float[] rows;
    /**
     * Panel p covers outputs [start[p], start[p + 1]), begins at offset[p] and stores rows of
     * stride[p] floats.
     */
    final int[] start;
    final int[] offset;
    final int[] stride;
    /** Panels per share among threads, for one sample. */
    final int grain;
    final float[] bias;
    final int[] activation;
    final float[] slope;
    /**
     * The Vector API kernel, called straight for one row (no checks, no dispatch: the sizes
     * were checked when packed), or null without the Vector API.
     */
    final GemvKernel gemv;

    Layer(int in, int out, float[] w, float[] b, int[] activation, float[] slope,
        GemvKernel gemv) {
      this.in = in;
      this.out = out;
      this.bias = b == null ? null : b.clone();
      this.activation = activation;
      this.slope = slope;
      this.gemv = gemv;
      int lanes = gemv == null ? 8 : gemv.lanes();
      int shares = (long) in * out >= 2L * MIN_SHARED_WORK
          ? Math.min(Parallel.threads(), Math.max(1, out / lanes)) : 1;
      rows = w.clone();
      rowMajor = out < lanes;
      if (rowMajor) {
        weights = rows;
        start = new int[] {0, out};
        offset = new int[] {0};
        stride = new int[] {in};
        grain = 1;
        return;
      }
      // Outputs in whole vectors (the last may be partial), split evenly into shares, each
      // share cut into panels of at most PANEL_VECTORS vectors.
      int vectors = (out + lanes - 1) / lanes;
      int[] bounds = new int[out + 1];
      int panels = 0;
      for (int s = 0; s < shares; s++) {
        int v0 = Parallel.bound(vectors, shares, s);
        int v1 = Parallel.bound(vectors, shares, s + 1);
        for (int v = v0; v < v1; v += PANEL_VECTORS) {
          bounds[panels++] = v * lanes;
        }
      }
      bounds[panels] = out;
      start = java.util.Arrays.copyOf(bounds, panels + 1);
      offset = new int[panels];
      stride = new int[panels];
      int total = 0;
      for (int p = 0; p < panels; p++) {
        stride[p] = start[p + 1] - start[p];
        offset[p] = total;
        total += in * stride[p];
      }
      weights = new float[total];
      for (int p = 0; p < panels; p++) {
        int c0 = start[p];
        int wide = start[p + 1] - c0;
        for (int k = 0; k < in; k++) {
          for (int c = 0; c < wide; c++) {
            weights[offset[p] + k * stride[p] + c] = w[(c0 + c) * in + k];
          }
        }
      }
      // forPhases splits the panels into at most `shares` even runs (not always the shares'
      // own panels when shares hold different counts; only which core reads which differs).
      grain = Math.max(1, panels / shares);
    }

    int panelCount() {
      return offset.length;
    }

    /**
     * Outputs {@code [start[lo], start[hi])} of one row, panels lo to hi: the bias, the product
     * added onto it, then the activations. The same steps as {@link #batch}, on the panels,
     * so that the code a run of single samples has compiled is the code a batch runs too.
     */
    void panels(int lo, int hi, float[] x, float[] y) {
      int c0 = start[lo];
      int c1 = start[hi];
      float beta = bias != null ? 1f : 0f;
      if (bias != null) {
        System.arraycopy(bias, c0, y, c0, c1 - c0);
      }
      if (rowMajor) {
        if (gemv != null && in >= gemv.lanes()) {
          gemv.matrixTimesVector(out, in, weights, 0, in, x, beta, y, 0);
        } else {
          Gemm.sgemm(false, true, 1, out, in, 1f, x, 0, in, weights, 0, in, beta, y, 0, out);
        }
        activate(y, c0, c1);
        return;
      }
      for (int p = lo; p < hi; p++) {
        int wide = stride[p];
        if (gemv != null && wide >= gemv.lanes()) {
          gemv.rowTimesMatrix(in, wide, weights, offset[p], wide, x, 0, beta, y, start[p]);
        } else { // no Vector API, or a last panel of less than a vector
          Gemm.sgemm(false, false, 1, wide, in, 1f, x, 0, in, weights, offset[p], wide, beta, y,
              start[p], wide);
        }
      }
      activate(y, c0, c1);
    }

    /** Panels [lo, hi) of one row, or rows [lo, hi) of a batch. */
    void run(int rows, int lo, int hi, float[] x, float[] y) {
      if (rows == 1) {
        panels(lo, hi, x, y);
      } else {
        batch(x, lo, hi, y);
      }
    }

    /**
     * Rows [r0, r1) of x [n, in] through the layer and its activations into the same rows of
     * y [n, out], the steps of the ops ({@code dev.kairo.functions.connection.Linear.affine}:
     * the bias rows, then the product added onto them) on W as given.
     */
    void batch(float[] x, int r0, int r1, float[] y) {
      if (bias != null) {
        for (int r = r0; r < r1; r++) {
          System.arraycopy(bias, 0, y, r * out, out);
        }
      }
      Gemm.sgemm(false, true, r1 - r0, out, in, 1f, x, r0 * in, in, rows, 0, in,
          bias != null ? 1f : 0f, y, r0 * out, out);
      activate(y, r0 * out, r1 * out);
    }

    /** The activations after this layer, in order, on {@code y[lo, hi)}. */
    void activate(float[] y, int lo, int hi) {
      for (int a = 0; a < activation.length; a++) {
        switch (activation[a]) {
          case LEAKY_RELU:
            ActivationKernels.leakyRectify(y, slope[a], y, lo, hi);
            break;
          case TANH:
            Elementwise.unaryRange(Elementwise.Unary.TANH, y, y, lo, hi);
            break;
          default:
            Elementwise.unaryRange(Elementwise.Unary.SIGMOID, y, y, lo, hi);
            break;
        }
      }
    }
  }

  private PackedMlp(int inWidth, Layer[] layers) {
    this.inWidth = inWidth;
    this.layers = layers;
    hidden = newRowOutputs();
    oneRowSizes = new int[layers.length];
    oneRowGrains = new int[layers.length];
    for (int l = 0; l < layers.length; l++) {
      oneRowSizes[l] = layers[l].panelCount();
      oneRowGrains[l] = layers[l].grain;
    }
  }

  /** Arrays for every layer's output for one row, the last's included. */
  private float[][] newRowOutputs() {
    float[][] h = new float[layers.length][];
    for (int l = 0; l < h.length; l++) {
      h[l] = new float[layers[l].out];
    }
    return h;
  }

  /** Arrays for the outputs of every layer but the last, for {@code rows} rows. */
  private float[][] newHidden(int rows) {
    float[][] h = new float[layers.length - 1][];
    for (int l = 0; l < h.length; l++) {
      h[l] = new float[rows * layers[l].out];
    }
    return h;
  }

  /**
   * Copies the weights of a chain of stages into their inference layout.
   *
   * @param inWidth the input's width
   * @param kind each stage's kind, the first {@link #LINEAR}
   * @param width each stage's output width (an activation's is its layer's)
   * @param slope each {@link #LEAKY_RELU} stage's slope (ignored for the others)
   * @param weights each LINEAR stage's W [out, in] (null for the other stages)
   * @param biases each LINEAR stage's b [out], or null for none
   * @throws IllegalArgumentException naming the stage, when the arrays do not describe such a
   *     chain (lengths, kinds, widths that do not follow, weights or biases of the wrong size)
   */
  public static PackedMlp pack(int inWidth, int[] kind, int[] width, float[] slope,
      float[][] weights, float[][] biases) {
    int n = kind.length;
    if (n == 0 || width.length != n || slope.length != n || weights.length != n
        || biases.length != n || kind[0] != LINEAR) {
      throw new IllegalArgumentException("PackedMlp: " + n + " kinds, " + width.length
          + " widths, " + slope.length + " slopes, " + weights.length + " weights and "
          + biases.length + " biases; one of each per stage, the first a LINEAR");
    }
    GemvKernel gemv = Simd.gemv();
    java.util.List<Layer> layers = new java.util.ArrayList<>();
    int in = inWidth;
    for (int s = 0; s < n; s++) {
      if (kind[s] != LINEAR) {
        throw new IllegalArgumentException("PackedMlp: stage " + s + " (kind " + kind[s]
            + ") is not an activation that follows a layer of its width");
      }
      int out = width[s];
      float[] w = weights[s];
      float[] b = biases[s];
      if (w == null || w.length != (long) out * in || b != null && b.length != out) {
        throw new IllegalArgumentException("PackedMlp: stage " + s + " maps " + in + " to "
            + out + " values and needs a weight of " + (long) out * in + " floats and a bias of "
            + out + ", got " + (w == null ? "none" : w.length) + " and "
            + (b == null ? "none" : b.length));
      }
      int t = s + 1;
      while (t < n && kind[t] != LINEAR) {
        if (kind[t] < LEAKY_RELU || kind[t] > SIGMOID || width[t] != out) {
          throw new IllegalArgumentException("PackedMlp: stage " + t + " (kind " + kind[t]
              + ", width " + width[t] + ") is not an activation of width " + out);
        }
        t++;
      }
      layers.add(new Layer(in, out, w, b, java.util.Arrays.copyOfRange(kind, s + 1, t),
          java.util.Arrays.copyOfRange(slope, s + 1, t), gemv));
      in = out;
      s = t - 1;
    }
    return new PackedMlp(inWidth, layers.toArray(new Layer[0]));
  }

  /** The width of an input row. */
  public int inWidth() {
    return inWidth;
  }

  /** The width of an output row. */
  public int outWidth() {
    return layers[layers.length - 1].out;
  }

  /**
   * The outputs for {@code rows} input rows, {@code x} [rows, inWidth] row-major, in a new
   * array [rows, outWidth]. Safe to call from several threads at once.
   *
   * @throws IllegalArgumentException when x does not hold rows rows of inWidth values
   */
  public float[] forward(float[] x, int rows) {
    if (rows < 1 || x.length != (long) rows * inWidth) {
      throw new IllegalArgumentException("PackedMlp: " + x.length + " input values for " + rows
          + " rows of " + inWidth);
    }
    boolean one = rows == 1;
    AtomicBoolean inUse = one ? hiddenInUse : rowsInUse;
    boolean own = inUse.compareAndSet(false, true);
    try {
      float[][] h = outputs(rows, own);
      int n = layers.length;
      int[] sizes = oneRowSizes;
      int[] grains = oneRowGrains;
      if (!one) {
        sizes = new int[n];
        grains = new int[n];
        java.util.Arrays.fill(sizes, rows);
        java.util.Arrays.fill(grains, BATCH_GRAIN);
      }
      // One body for one row and for batches: the parallel call that runs it, compiled during
      // a run of single samples, then goes on with the first batch without being recompiled.
      Parallel.forPhases(sizes, grains,
          (l, lo, hi) -> layers[l].run(rows, lo, hi, l == 0 ? x : h[l - 1], h[l]));
      return one ? java.util.Arrays.copyOf(h[n - 1], outWidth()) : h[n - 1];
    } finally {
      if (own) {
        inUse.set(false);
      }
    }
  }

  /**
   * Every layer's output array for {@code rows} rows. One row: arrays kept for the next call
   * (the last one's copied out by the caller). A batch: one sample goes through each layer in
   * the same parallel call, each layer a phase with its rows shared among the threads (each
   * thread's product a single-threaded one on its rows); the arrays between layers are kept for
   * the next call of the same batch size (fresh heap costs a page fault per 4 KiB on first
   * touch; see {@link Workspace}), the last is new. {@code own}: whether this call may use
   * the kept arrays (no other thread is in a call of its kind).
   */
  private float[][] outputs(int rows, boolean own) {
    if (rows == 1) {
      return own ? hidden : newRowOutputs();
    }
    float[][] h = own && rowsHidden != null
        && (rowsHidden.length == 0 || rowsHidden[0].length == rows * layers[0].out)
        ? rowsHidden : newHidden(rows);
    if (own) {
      rowsHidden = h;
    }
    float[][] all = java.util.Arrays.copyOf(h, layers.length);
    all[layers.length - 1] = new float[rows * outWidth()];
    return all;
  }
}
