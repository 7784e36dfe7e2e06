package dev.kairo.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An n-dimensional float32 array: row-major {@code float[]} storage on the Java heap, a
 * shape, and strides. Reshape, transpose, permute, slice and expand return views that share
 * storage; everything else returns a new tensor. Tensors know nothing about gradients: that
 * is {@code dev.kairo.autograd.Variable}'s job.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * Tensor y = x.mul(2f).add(Tensor.ones(3));    // broadcasting [2,3] + [3]
 * Tensor s = y.sum(new int[] {1}, false);      // [2]
 * Tensor p = x.matmul(x.transpose(0, 1));      // [2,2]
 * }</pre>
 *
 * <p>Instances are immutable in shape; their elements may be written through {@link #set}
 * and the in-place methods ({@code addInPlace}, {@code fill}, ...), which kernels and
 * optimizers use to avoid allocation. A tensor is safe to read from many threads.
 */
public final class Tensor {
  final float[] data;
  final int offset;
  final int[] shape;
  final int[] strides;
  private final int size;

  Tensor(float[] data, int offset, int[] shape, int[] strides) {
    this.data = data;
    this.offset = offset;
    this.shape = shape;
    this.strides = strides;
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    this.size = n;
  }

  // ---------------------------------------------------------------- creation

  /**
   * Wraps {@code data} (no copy) as a contiguous tensor of the given shape.
   *
   * @throws IllegalArgumentException when the length does not match the shape
   */
  public static Tensor of(float[] data, int... shape) {
    int n = Shape.numel(shape);
    if (data.length != n) {
      throw new IllegalArgumentException("Tensor.of: " + data.length
          + " values do not fill shape " + Shape.str(shape) + " (" + n + " elements)");
    }
    return new Tensor(data, 0, shape.clone(), Shape.contiguousStrides(shape));
  }

  /** A 1-d tensor holding a copy of {@code values}. */
  public static Tensor vector(float... values) {
    return of(values.clone(), values.length);
  }

  /** A 2-d tensor from rows of equal length (copied). */
  public static Tensor matrix(float[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    float[] d = new float[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("Tensor.matrix: row " + i + " has " + rows[i].length
            + " values, row 0 has " + c);
      }
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return of(d, r, c);
  }

  /** A 2-d tensor from rows of doubles (converted to float32). */
  public static Tensor matrix(double[][] rows) {
    float[][] f = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      f[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        f[i][j] = (float) rows[i][j];
      }
    }
    return matrix(f);
  }

  /** A 0-d tensor holding one value. */
  public static Tensor scalar(float value) {
    return new Tensor(new float[] {value}, 0, new int[0], new int[0]);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... shape) {
    return of(new float[Shape.numel(shape)], shape);
  }

  /** A tensor of ones. */
  public static Tensor ones(int... shape) {
    return full(1f, shape);
  }

  /** A tensor with every element {@code value}. */
  public static Tensor full(float value, int... shape) {
    float[] d = new float[Shape.numel(shape)];
    Arrays.fill(d, value);
    return of(d, shape);
  }

  /** A tensor of zeros with the shape of {@code like}. */
  public static Tensor zerosLike(Tensor like) {
    return zeros(like.shape);
  }

  /** {@code [start, start + step, ...]} up to but excluding {@code end}, like NumPy's arange. */
  public static Tensor arange(double start, double end, double step) {
    if (step == 0 || Double.isNaN(step)) {
      throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
    }
    int n = (int) Math.max(0, Math.ceil((end - start) / step));
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (start + i * step);
    }
    return of(d, n);
  }

  /** {@code [0, 1, ..., n-1]}. */
  public static Tensor arange(int n) {
    return arange(0, n, 1);
  }

  /** {@code n} evenly spaced values from {@code start} to {@code end} inclusive. */
  public static Tensor linspace(double start, double end, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("linspace: n must be >= 0, got " + n);
    }
    float[] d = new float[n];
    double step = n > 1 ? (end - start) / (n - 1) : 0;
    for (int i = 0; i < n; i++) {
      d[i] = (float) (start + i * step);
    }
    if (n > 1) {
      d[n - 1] = (float) end;
    }
    return of(d, n);
  }

  /** Uniform samples in {@code [low, high)} from a generator seeded with {@code seed}. */
  public static Tensor uniform(double low, double high, long seed, int... shape) {
    return uniform(low, high, new SplittableRandom(seed), shape);
  }

  /** Uniform samples in {@code [low, high)} drawn from {@code rng}. */
  public static Tensor uniform(double low, double high, SplittableRandom rng, int... shape) {
    float[] d = new float[Shape.numel(shape)];
    double w = high - low;
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (low + w * rng.nextDouble());
    }
    return of(d, shape);
  }

  /** Normal samples N(mean, std²) from a generator seeded with {@code seed}. */
  public static Tensor normal(double mean, double std, long seed, int... shape) {
    return normal(mean, std, new SplittableRandom(seed), shape);
  }

  /** Normal samples N(mean, std²) drawn from {@code rng}. */
  public static Tensor normal(double mean, double std, SplittableRandom rng, int... shape) {
    float[] d = new float[Shape.numel(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (mean + std * rng.nextGaussian());
    }
    return of(d, shape);
  }

  // ---------------------------------------------------------------- shape and access

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** A copy of the strides (in elements). */
  public int[] strides() {
    return strides.clone();
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** The size of one dimension (negative axes count from the end). */
  public int size(int axis) {
    return shape[Shape.axis("size", axis, shape.length)];
  }

  /** The number of elements. */
  public int numel() {
    return size;
  }

  /** Whether the elements lie row-major and gap-free in storage. */
  public boolean isContiguous() {
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != 1 && strides[i] != s) {
        return false;
      }
      s *= shape[i];
    }
    return true;
  }

  /** This tensor if contiguous, else a contiguous copy. */
  public Tensor contiguous() {
    return isContiguous() ? this : copy();
  }

  /** A contiguous copy with its own storage. */
  public Tensor copy() {
    float[] d = new float[numel()];
    Strided.copyTo(this, d, 0);
    return of(d, shape);
  }

  /**
   * The backing array of a contiguous tensor that starts at offset 0, shared, not copied.
   * Kernels and optimizers write through it; everyone else should prefer {@link #toArray()}.
   *
   * @throws IllegalStateException when the tensor is a non-contiguous or offset view
   */
  public float[] data() {
    if (offset != 0 || !isContiguous() || data.length != numel()) {
      throw new IllegalStateException("data(): tensor " + Shape.str(shape)
          + " is a view; call contiguous() or toArray() first");
    }
    return data;
  }

  /**
   * The backing array when this tensor is dense (contiguous, offset 0, exact length), else a
   * row-major copy. For read-only use in kernels: writing to it may or may not change the tensor.
   */
  public float[] denseData() {
    if (offset == 0 && data.length == numel() && isContiguous()) {
      return data;
    }
    return toArray();
  }

  /** The elements in row-major order, as a new array. */
  public float[] toArray() {
    float[] d = new float[numel()];
    Strided.copyTo(this, d, 0);
    return d;
  }

  /** The element at the given index (one index per dimension). */
  public float get(int... index) {
    return data[flatIndex("get", index)];
  }

  /** Writes one element. */
  public void set(float value, int... index) {
    data[flatIndex("set", index)] = value;
  }

  /**
   * The single value of a one-element tensor.
   *
   * @throws IllegalStateException when the tensor has more than one element
   */
  public float item() {
    if (numel() != 1) {
      throw new IllegalStateException("item(): tensor of shape " + Shape.str(shape)
          + " has " + numel() + " elements, not 1");
    }
    return data[offset];
  }

  int flatIndex(String op, int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(op + ": " + index.length + " indices for a tensor of shape "
          + Shape.str(shape));
    }
    int p = offset;
    for (int i = 0; i < index.length; i++) {
      int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
      if (ix < 0 || ix >= shape[i]) {
        throw new IndexOutOfBoundsException(op + ": index " + index[i] + " is out of range for axis "
            + i + " of size " + shape[i] + " (shape " + Shape.str(shape) + ")");
      }
      p += ix * strides[i];
    }
    return p;
  }

  // ---------------------------------------------------------------- views

  /** A view (or, when the layout does not allow one, a copy) with a new shape; -1 infers one dimension. */
  public Tensor reshape(int... newShape) {
    int[] s = Shape.resolveReshape(shape, newShape);
    if (isContiguous()) {
      return new Tensor(data, offset, s, Shape.contiguousStrides(s));
    }
    return copy().reshape(s);
  }

  /** Swaps two axes (a view). */
  public Tensor transpose(int axis0, int axis1) {
    int a = Shape.axis("transpose", axis0, shape.length);
    int b = Shape.axis("transpose", axis1, shape.length);
    int[] perm = new int[shape.length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    perm[a] = b;
    perm[b] = a;
    return permute(perm);
  }

  /** The transpose of a 2-d tensor (a view). */
  public Tensor t() {
    if (shape.length != 2) {
      throw new IllegalArgumentException("t(): expects a 2-d tensor, got shape " + Shape.str(shape));
    }
    return transpose(0, 1);
  }

  /** Reorders the axes: result axis i is this tensor's axis {@code perm[i]} (a view). */
  public Tensor permute(int... perm) {
    return Views.permute(this, perm);
  }

  /** Elements {@code start, start+step, ...} below {@code end} along one axis (a view). */
  public Tensor slice(int axis, int start, int end, int step) {
    return Views.slice(this, axis, start, end, step);
  }

  /** {@code slice(axis, start, end, 1)}. */
  public Tensor slice(int axis, int start, int end) {
    return slice(axis, start, end, 1);
  }

  /** The sub-tensor at {@code index} along {@code axis}, with that axis removed (a view). */
  public Tensor select(int axis, int index) {
    return Views.select(this, axis, index);
  }

  /** Inserts an axis of size 1 at {@code axis} (a view). */
  public Tensor unsqueeze(int axis) {
    return Views.unsqueeze(this, axis);
  }

  /** Removes an axis of size 1 (a view). */
  public Tensor squeeze(int axis) {
    int a = Shape.axis("squeeze", axis, shape.length);
    if (shape[a] != 1) {
      throw new IllegalArgumentException("squeeze: axis " + axis + " has size " + shape[a]
          + ", not 1 (shape " + Shape.str(shape) + ")");
    }
    return select(a, 0);
  }

  /**
   * A broadcast view of this tensor with the given shape (stride 0 along expanded axes).
   *
   * @throws IllegalArgumentException when this shape does not broadcast to {@code target}
   */
  public Tensor expand(int... target) {
    return Views.expand(this, target);
  }

  // ---------------------------------------------------------------- elementwise (see Elementwise)

  /** {@code this + other} with broadcasting. */
  public Tensor add(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.ADD, this, other);
  }

  /** {@code this - other} with broadcasting. */
  public Tensor sub(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.SUB, this, other);
  }

  /** {@code this * other} (elementwise) with broadcasting. */
  public Tensor mul(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.MUL, this, other);
  }

  /** {@code this / other} with broadcasting. */
  public Tensor div(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.DIV, this, other);
  }

  /** {@code this ^ other} elementwise with broadcasting. */
  public Tensor pow(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.POW, this, other);
  }

  /** Elementwise maximum with broadcasting. */
  public Tensor maximum(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.MAX, this, other);
  }

  /** Elementwise minimum with broadcasting. */
  public Tensor minimum(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.MIN, this, other);
  }

  /** 1 where {@code this > other}, else 0. */
  public Tensor gt(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.GT, this, other);
  }

  /** 1 where {@code this >= other}, else 0. */
  public Tensor ge(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.GE, this, other);
  }

  /** 1 where {@code this < other}, else 0. */
  public Tensor lt(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.LT, this, other);
  }

  /** 1 where {@code this <= other}, else 0. */
  public Tensor le(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.LE, this, other);
  }

  /** 1 where {@code this == other}, else 0. */
  public Tensor eq(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.EQ, this, other);
  }

  /** 1 where {@code this != other}, else 0. */
  public Tensor ne(Tensor other) {
    return Elementwise.binary(Elementwise.Binary.NE, this, other);
  }

  /** {@code this + s}. */
  public Tensor add(float s) {
    return Elementwise.scalar(Elementwise.Binary.ADD, this, s);
  }

  /** {@code this - s}. */
  public Tensor sub(float s) {
    return Elementwise.scalar(Elementwise.Binary.SUB, this, s);
  }

  /** {@code this * s}. */
  public Tensor mul(float s) {
    return Elementwise.scalar(Elementwise.Binary.MUL, this, s);
  }

  /** {@code this / s}. */
  public Tensor div(float s) {
    return Elementwise.scalar(Elementwise.Binary.DIV, this, s);
  }

  /** {@code this ^ s}. */
  public Tensor pow(float s) {
    return Elementwise.scalar(Elementwise.Binary.POW, this, s);
  }

  /** {@code max(this, s)} elementwise. */
  public Tensor maximum(float s) {
    return Elementwise.scalar(Elementwise.Binary.MAX, this, s);
  }

  /** {@code min(this, s)} elementwise. */
  public Tensor minimum(float s) {
    return Elementwise.scalar(Elementwise.Binary.MIN, this, s);
  }

  /** 1 where {@code this > s}, else 0. */
  public Tensor gt(float s) {
    return Elementwise.scalar(Elementwise.Binary.GT, this, s);
  }

  /** 1 where {@code this < s}, else 0. */
  public Tensor lt(float s) {
    return Elementwise.scalar(Elementwise.Binary.LT, this, s);
  }

  /** 1 where {@code this >= s}, else 0. */
  public Tensor ge(float s) {
    return Elementwise.scalar(Elementwise.Binary.GE, this, s);
  }

  /** {@code -this}. */
  public Tensor neg() {
    return Elementwise.unary(Elementwise.Unary.NEG, this);
  }

  /** Elementwise e^x. */
  public Tensor exp() {
    return Elementwise.unary(Elementwise.Unary.EXP, this);
  }

  /** Elementwise natural logarithm. */
  public Tensor log() {
    return Elementwise.unary(Elementwise.Unary.LOG, this);
  }

  /** Elementwise square root. */
  public Tensor sqrt() {
    return Elementwise.unary(Elementwise.Unary.SQRT, this);
  }

  /** Elementwise absolute value. */
  public Tensor abs() {
    return Elementwise.unary(Elementwise.Unary.ABS, this);
  }

  /** Elementwise hyperbolic tangent. */
  public Tensor tanh() {
    return Elementwise.unary(Elementwise.Unary.TANH, this);
  }

  /** Elementwise logistic sigmoid 1/(1+e^-x), computed without overflow. */
  public Tensor sigmoid() {
    return Elementwise.unary(Elementwise.Unary.SIGMOID, this);
  }

  /** Elementwise sign (-1, 0 or 1). */
  public Tensor sign() {
    return Elementwise.unary(Elementwise.Unary.SIGN, this);
  }

  /** Elementwise square. */
  public Tensor square() {
    return Elementwise.unary(Elementwise.Unary.SQUARE, this);
  }

  /** Elements clamped into {@code [lo, hi]}. */
  public Tensor clamp(float lo, float hi) {
    return maximum(lo).minimum(hi);
  }

  /** Elementwise {@code cond != 0 ? a : b}, all three broadcast together. */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    return Elementwise.where(cond, a, b);
  }

  /** Adds {@code other} (broadcast to this shape) into this tensor's elements, in place. */
  public Tensor addInPlace(Tensor other) {
    Elementwise.addInPlace(this, other, 1f);
    return this;
  }

  /** {@code this += alpha * other}, in place ({@code other} broadcast to this shape). */
  public Tensor addInPlace(Tensor other, float alpha) {
    Elementwise.addInPlace(this, other, alpha);
    return this;
  }

  /**
   * Copies {@code src}'s elements into this tensor, in place (any view).
   *
   * @throws IllegalArgumentException when the shapes differ
   */
  public Tensor copyFrom(Tensor src) {
    if (!Shape.same(shape, src.shape)) {
      throw new IllegalArgumentException("copyFrom: source shape " + Shape.str(src.shape)
          + " does not match " + Shape.str(shape));
    }
    Strided.fill(this, 0f);
    Elementwise.addInPlace(this, src, 1f);
    return this;
  }

  /** Multiplies every element by {@code s}, in place. */
  public Tensor scaleInPlace(float s) {
    Elementwise.scaleInPlace(this, s);
    return this;
  }

  /** Sets every element to {@code value}, in place. */
  public Tensor fill(float value) {
    Strided.fill(this, value);
    return this;
  }

  // ---------------------------------------------------------------- reductions (see Reduce)

  /** The sum of all elements, as a 0-d tensor. */
  public Tensor sum() {
    return Reduce.reduce(Reduce.Op.SUM, this, allAxes(), false);
  }

  /** Sums along {@code axes}; {@code keepDims} keeps them as size 1. */
  public Tensor sum(int[] axes, boolean keepDims) {
    return Reduce.reduce(Reduce.Op.SUM, this, axes, keepDims);
  }

  /** Sums along one axis, dropping it. */
  public Tensor sum(int axis) {
    return sum(new int[] {axis}, false);
  }

  /**
   * Sums this (broadcast) tensor down to {@code target}, the inverse of broadcasting: leading
   * axes are summed away and axes where {@code target} has size 1 are summed with keepDims.
   * Backward passes of broadcasting ops use it to return a gradient of the input's shape.
   */
  public Tensor sumTo(int... target) {
    return Reduce.sumTo(this, target);
  }

  /** The mean of all elements, as a 0-d tensor. */
  public Tensor mean() {
    return Reduce.reduce(Reduce.Op.MEAN, this, allAxes(), false);
  }

  /** Means along {@code axes}. */
  public Tensor mean(int[] axes, boolean keepDims) {
    return Reduce.reduce(Reduce.Op.MEAN, this, axes, keepDims);
  }

  /** The maximum of all elements, as a 0-d tensor. */
  public Tensor max() {
    return Reduce.reduce(Reduce.Op.MAX, this, allAxes(), false);
  }

  /** Maxima along {@code axes}. */
  public Tensor max(int[] axes, boolean keepDims) {
    return Reduce.reduce(Reduce.Op.MAX, this, axes, keepDims);
  }

  /** The minimum of all elements, as a 0-d tensor. */
  public Tensor min() {
    return Reduce.reduce(Reduce.Op.MIN, this, allAxes(), false);
  }

  /** Minima along {@code axes}. */
  public Tensor min(int[] axes, boolean keepDims) {
    return Reduce.reduce(Reduce.Op.MIN, this, axes, keepDims);
  }

  /**
   * Variance along {@code axes}: the mean squared deviation divided by {@code n - ddof}
   * ({@code ddof = 0}: population, as NumPy's default; 1: sample, as PyTorch's default).
   */
  public Tensor variance(int[] axes, int ddof, boolean keepDims) {
    return Reduce.variance(this, axes, ddof, keepDims);
  }

  /** Index of the largest element along {@code axis} (first on ties), as float values. */
  public Tensor argmax(int axis) {
    return Reduce.argExtreme(this, axis, true);
  }

  /** Index of the smallest element along {@code axis} (first on ties), as float values. */
  public Tensor argmin(int axis) {
    return Reduce.argExtreme(this, axis, false);
  }

  private int[] allAxes() {
    int[] a = new int[shape.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return a;
  }

  // ---------------------------------------------------------------- products and joins

  /**
   * Matrix product. 1-d and 2-d operands follow NumPy's {@code matmul}; higher ranks are
   * batches of matrices whose batch dimensions broadcast. Every product goes through
   * {@link Gemm}.
   */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(this, other);
  }

  /** Rows (or slices) at {@code indices} along {@code axis}, copied. */
  public Tensor indexSelect(int axis, int... indices) {
    return Join.indexSelect(this, axis, indices);
  }

  /** Joins tensors along an existing axis. */
  public static Tensor concat(int axis, Tensor... parts) {
    return Join.concat(axis, parts);
  }

  /** Joins tensors of equal shape along a new axis. */
  public static Tensor stack(int axis, Tensor... parts) {
    return Join.stack(axis, parts);
  }

  /** Splits along {@code axis} into parts of the given sizes (views). */
  public Tensor[] split(int axis, int... sizes) {
    return Join.split(this, axis, sizes);
  }

  // ---------------------------------------------------------------- comparison and text

  /** Whether shapes match and every pair of elements differs by at most {@code atol + rtol*|other|}. */
  public boolean allClose(Tensor other, double rtol, double atol) {
    if (!Arrays.equals(shape, other.shape)) {
      return false;
    }
    float[] a = toArray();
    float[] b = other.toArray();
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs((double) a[i] - b[i]);
      if (!(d <= atol + rtol * Math.abs(b[i])) && !(a[i] == b[i])) {
        return false;
      }
    }
    return true;
  }

  /** NumPy-like text: nested brackets, aligned columns, long tensors summarised with "...". */
  @Override
  public String toString() {
    return TensorFormat.format(this);
  }
}
