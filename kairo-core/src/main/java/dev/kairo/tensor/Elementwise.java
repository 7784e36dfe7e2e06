package dev.kairo.tensor;

/**
 * Elementwise kernels with NumPy broadcasting. The operation is chosen once per run of
 * elements (a {@code switch} outside the loop), never per element, so the inner loops are
 * plain array code the JIT can vectorise. Large tensors are split across {@link Parallel}.
 */
final class Elementwise {
  private static final int GRAIN = 1 << 15;

  private Elementwise() {}

  /** Binary operations; comparisons produce 1 or 0. */
  enum Binary {
    ADD("add"), SUB("sub"), MUL("mul"), DIV("div"), POW("pow"), MAX("maximum"), MIN("minimum"),
    GT("gt"), GE("ge"), LT("lt"), LE("le"), EQ("eq"), NE("ne");

    final String label;

    Binary(String label) {
      this.label = label;
    }
  }

  /** Unary operations. */
  enum Unary { NEG, EXP, LOG, SQRT, ABS, TANH, SIGMOID, SIGN, SQUARE }

  static float apply(Binary op, float x, float y) {
    switch (op) {
      case ADD: return x + y;
      case SUB: return x - y;
      case MUL: return x * y;
      case DIV: return x / y;
      case POW: return (float) Math.pow(x, y);
      case MAX: return Float.isNaN(x) || Float.isNaN(y) ? Float.NaN : Math.max(x, y);
      case MIN: return Float.isNaN(x) || Float.isNaN(y) ? Float.NaN : Math.min(x, y);
      case GT: return x > y ? 1f : 0f;
      case GE: return x >= y ? 1f : 0f;
      case LT: return x < y ? 1f : 0f;
      case LE: return x <= y ? 1f : 0f;
      case EQ: return x == y ? 1f : 0f;
      case NE: return x != y ? 1f : 0f;
      default: throw new AssertionError(op);
    }
  }

  static Tensor binary(Binary op, Tensor a, Tensor b) {
    int[] outShape = Shape.broadcast(op.label, a.shape, b.shape);
    int n = Shape.numel(outShape);
    float[] out = Workspace.floats(n); // every path below writes all n
    if (Shape.same(a.shape, b.shape) && a.isContiguous() && b.isContiguous()) {
      Parallel.forRange(n, GRAIN, (lo, hi) ->
          vv(op, a.data, a.offset + lo, b.data, b.offset + lo, out, lo, hi - lo));
      return Tensor.of(out, outShape);
    }
    if (b.numel() == 1 && a.isContiguous()) {
      float s = b.data[b.offset];
      Parallel.forRange(n, GRAIN, (lo, hi) -> vs(op, a.data, a.offset + lo, s, out, lo, hi - lo));
      return Tensor.of(out, outShape);
    }
    Tensor ea = a.expand(outShape);
    Tensor eb = b.expand(outShape);
    int rows = Strided.rows(outShape);
    int inner = Strided.inner(outShape);
    int sa = Strided.innerStride(ea);
    int sb = Strided.innerStride(eb);
    Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(1, inner)), (lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int pa = Strided.rowOffset(ea, r);
        int pb = Strided.rowOffset(eb, r);
        int po = r * inner;
        if (sa == 1 && sb == 1) {
          vv(op, ea.data, pa, eb.data, pb, out, po, inner);
        } else if (sa == 1 && sb == 0) {
          vs(op, ea.data, pa, eb.data[pb], out, po, inner);
        } else if (sa == 0 && sb == 1) {
          sv(op, ea.data[pa], eb.data, pb, out, po, inner);
        } else {
          for (int i = 0; i < inner; i++) {
            out[po + i] = apply(op, ea.data[pa + i * sa], eb.data[pb + i * sb]);
          }
        }
      }
    });
    return Tensor.of(out, outShape);
  }

  static Tensor scalar(Binary op, Tensor a, float s) {
    Tensor c = a.contiguous();
    int n = c.numel();
    float[] out = Workspace.floats(n);
    Parallel.forRange(n, GRAIN, (lo, hi) -> vs(op, c.data, c.offset + lo, s, out, lo, hi - lo));
    return Tensor.of(out, a.shape);
  }

  private static void vv(Binary op, float[] a, int ai, float[] b, int bi, float[] o, int oi, int n) {
    if (ai == oi && bi == oi) {
      vvSameIndex(op, a, b, o, oi, oi + n);
      return;
    }
    switch (op) {
      case ADD:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] + b[bi + i];
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] - b[bi + i];
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] * b[bi + i];
        }
        break;
      case DIV:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] / b[bi + i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          o[oi + i] = apply(op, a[ai + i], b[bi + i]);
        }
    }
  }

  /**
   * {@link #vv} when every operand is indexed alike, as for dense tensors at offset 0: with
   * one index, C2 knows the loop carries no dependence even if the arrays are the same, and
   * emits vector code; with three different offsets it often stays scalar (ReLU over 32K
   * floats: 1.2 µs against 12).
   */
  private static void vvSameIndex(Binary op, float[] a, float[] b, float[] o, int lo, int hi) {
    switch (op) {
      case ADD:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] + b[i];
        }
        break;
      case SUB:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] - b[i];
        }
        break;
      case MUL:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] * b[i];
        }
        break;
      case DIV:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] / b[i];
        }
        break;
      default:
        for (int i = lo; i < hi; i++) {
          o[i] = apply(op, a[i], b[i]);
        }
    }
  }

  private static void vs(Binary op, float[] a, int ai, float s, float[] o, int oi, int n) {
    if (ai == oi) {
      vsSameIndex(op, a, s, o, oi, oi + n);
      return;
    }
    switch (op) {
      case ADD:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] + s;
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] - s;
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] * s;
        }
        break;
      case DIV:
        for (int i = 0; i < n; i++) {
          o[oi + i] = a[ai + i] / s;
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          o[oi + i] = apply(op, a[ai + i], s);
        }
    }
  }

  /** {@link #vs} with one index for both arrays (see {@link #vvSameIndex}). */
  private static void vsSameIndex(Binary op, float[] a, float s, float[] o, int lo, int hi) {
    switch (op) {
      case ADD:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] + s;
        }
        break;
      case SUB:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] - s;
        }
        break;
      case MUL:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] * s;
        }
        break;
      case DIV:
        for (int i = lo; i < hi; i++) {
          o[i] = a[i] / s;
        }
        break;
      default:
        for (int i = lo; i < hi; i++) {
          o[i] = apply(op, a[i], s);
        }
    }
  }

  private static void sv(Binary op, float s, float[] b, int bi, float[] o, int oi, int n) {
    switch (op) {
      case ADD:
        for (int i = 0; i < n; i++) {
          o[oi + i] = s + b[bi + i];
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          o[oi + i] = s * b[bi + i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          o[oi + i] = apply(op, s, b[bi + i]);
        }
    }
  }

  static Tensor unary(Unary op, Tensor x) {
    float[] d = x.denseData();
    int n = d.length;
    float[] out = Workspace.floats(n);
    unaryInto(op, d, out);
    return Tensor.of(out, x.shape);
  }

  /** {@code op} of each element of {@code x} into {@code out}, of the same length. */
  static void unaryInto(Unary op, float[] x, float[] out) {
    Parallel.forRange(out.length, GRAIN, (lo, hi) -> map(op, x, out, lo, hi));
  }

  /** {@code op} of {@code x[lo, hi)} into the same places of {@code out}, on this thread. */
  static void unaryRange(Unary op, float[] x, float[] out, int lo, int hi) {
    map(op, x, out, lo, hi);
  }

  /** One index for both arrays, so C2 emits vector code (see {@link #vvSameIndex}). */
  private static void map(Unary op, float[] x, float[] o, int lo, int hi) {
    switch (op) {
      case NEG:
        for (int i = lo; i < hi; i++) {
          o[i] = -x[i];
        }
        break;
      case EXP:
        for (int i = lo; i < hi; i++) {
          o[i] = FloatMath.exp(x[i]);
        }
        break;
      case LOG:
        for (int i = lo; i < hi; i++) {
          o[i] = FloatMath.log(x[i]);
        }
        break;
      case SQRT:
        for (int i = lo; i < hi; i++) {
          o[i] = (float) Math.sqrt(x[i]);
        }
        break;
      case ABS:
        for (int i = lo; i < hi; i++) {
          o[i] = Math.abs(x[i]);
        }
        break;
      case TANH:
        for (int i = lo; i < hi; i++) {
          o[i] = tanh(x[i]);
        }
        break;
      case SIGMOID:
        for (int i = lo; i < hi; i++) {
          o[i] = sigmoid(x[i]);
        }
        break;
      case SIGN:
        for (int i = lo; i < hi; i++) {
          o[i] = Math.signum(x[i]);
        }
        break;
      case SQUARE:
        for (int i = lo; i < hi; i++) {
          float v = x[i];
          o[i] = v * v;
        }
        break;
      default:
        throw new AssertionError(op);
    }
  }

  /**
   * tanh as a rational function, {@code x·P(x²)/Q(x²)} with x clamped to ±7.9053 (where the
   * float result is ±1): only multiplies, adds, a divide and min/max, so the JIT turns the loop
   * into vector instructions (0.4 ns an element against 6 ns through {@code Math.exp}). The
   * coefficients are the published 13/6 minimax fit that Eigen and XLA use for float tanh.
   * Error against double-precision tanh: at most 4e-7 absolute over [-10, 10] (a few ulps near
   * ±1), relative 1e-6 near 0; exact 0 at 0 and ±1 beyond the clamp. Seed 003's tanh network
   * spent two thirds of its step in {@code Math.exp} before this.
   */
  static float tanh(float x) {
    float v = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x));
    float x2 = v * v;
    float p = -2.76076847742355e-16f;
    p = p * x2 + 2.00018790482477e-13f;
    p = p * x2 - 8.60467152213735e-11f;
    p = p * x2 + 5.12229709037114e-08f;
    p = p * x2 + 1.48572235717979e-05f;
    p = p * x2 + 6.37261928875436e-04f;
    p = p * x2 + 4.89352455891786e-03f;
    float q = 1.19825839466702e-06f;
    q = q * x2 + 1.18534705686654e-04f;
    q = q * x2 + 2.26843463243900e-03f;
    q = q * x2 + 4.89352518554385e-03f;
    return v * p / q;
  }

  private static final float TANH_CLAMP = 7.90531110763549805f;

  static float sigmoid(float x) {
    if (x >= 0) {
      return 1f / (1f + FloatMath.exp(-x));
    }
    float e = FloatMath.exp(x);
    return e / (1f + e);
  }

  static Tensor where(Tensor cond, Tensor a, Tensor b) {
    int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape, a.shape), b.shape);
    Tensor c = cond.expand(shape).contiguous();
    Tensor ea = a.expand(shape).contiguous();
    Tensor eb = b.expand(shape).contiguous();
    float[] out = new float[Shape.numel(shape)];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.data[c.offset + i] != 0f ? ea.data[ea.offset + i] : eb.data[eb.offset + i];
    }
    return Tensor.of(out, shape);
  }

  private static void addRowToEachRow(Tensor dst, Tensor row, float alpha) {
    int width = row.shape[0];
    int rows = width == 0 ? 0 : dst.numel() / width;
    float[] d = dst.data;
    float[] r = row.data;
    int ro = row.offset;
    int base = dst.offset;
    Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(1, width)), (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        int p = base + i * width;
        for (int j = 0; j < width; j++) {
          d[p + j] += alpha * r[ro + j];
        }
      }
    });
  }

  /** {@code dst *= s} for any view. */
  static void scaleInPlace(Tensor dst, float s) {
    int rows = Strided.rows(dst.shape);
    int inner = Strided.inner(dst.shape);
    int sd = Strided.innerStride(dst);
    for (int r = 0; r < rows; r++) {
      int p = Strided.rowOffset(dst, r);
      for (int i = 0; i < inner; i++) {
        dst.data[p + i * sd] *= s;
      }
    }
  }

  /** {@code dst += alpha * src}, src broadcast to dst's shape; dst may be any view. */
  static void addInPlace(Tensor dst, Tensor src, float alpha) {
    int rank = dst.shape.length;
    if (rank >= 1 && src.shape.length == 1 && src.shape[0] == dst.shape[rank - 1]
        && dst.isContiguous() && src.isContiguous() && rank > 1) {
      addRowToEachRow(dst, src, alpha);   // bias rows: the common broadcast, kept fast
      return;
    }
    Tensor s = src.expand(dst.shape);
    if (dst.isContiguous() && s.isContiguous()) {
      float[] d = dst.data;
      float[] v = s.data;
      int dOff = dst.offset;
      int sOff = s.offset;
      Parallel.forRange(dst.numel(), GRAIN, (lo, hi) -> {
        for (int i = lo; i < hi; i++) {
          d[dOff + i] += alpha * v[sOff + i];
        }
      });
      return;
    }
    int rows = Strided.rows(dst.shape);
    int inner = Strided.inner(dst.shape);
    int sd = Strided.innerStride(dst);
    int ss = Strided.innerStride(s);
    for (int r = 0; r < rows; r++) {
      int pd = Strided.rowOffset(dst, r);
      int ps = Strided.rowOffset(s, r);
      for (int i = 0; i < inner; i++) {
        dst.data[pd + i * sd] += alpha * s.data[ps + i * ss];
      }
    }
  }
}
