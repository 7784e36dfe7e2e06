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
    float[] out = new float[n];
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
    float[] out = new float[n];
    Parallel.forRange(n, GRAIN, (lo, hi) -> vs(op, c.data, c.offset + lo, s, out, lo, hi - lo));
    return Tensor.of(out, a.shape);
  }

  private static void vv(Binary op, float[] a, int ai, float[] b, int bi, float[] o, int oi, int n) {
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

  private static void vs(Binary op, float[] a, int ai, float s, float[] o, int oi, int n) {
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
    Tensor c = x.contiguous();
    int n = c.numel();
    float[] out = new float[n];
    Parallel.forRange(n, GRAIN, (lo, hi) -> map(op, c.data, c.offset + lo, out, lo, hi - lo));
    return Tensor.of(out, x.shape);
  }

  private static void map(Unary op, float[] x, int xi, float[] o, int oi, int n) {
    switch (op) {
      case NEG:
        for (int i = 0; i < n; i++) {
          o[oi + i] = -x[xi + i];
        }
        break;
      case EXP:
        for (int i = 0; i < n; i++) {
          o[oi + i] = (float) Math.exp(x[xi + i]);
        }
        break;
      case LOG:
        for (int i = 0; i < n; i++) {
          o[oi + i] = (float) Math.log(x[xi + i]);
        }
        break;
      case SQRT:
        for (int i = 0; i < n; i++) {
          o[oi + i] = (float) Math.sqrt(x[xi + i]);
        }
        break;
      case ABS:
        for (int i = 0; i < n; i++) {
          o[oi + i] = Math.abs(x[xi + i]);
        }
        break;
      case TANH:
        for (int i = 0; i < n; i++) {
          o[oi + i] = tanh(x[xi + i]);
        }
        break;
      case SIGMOID:
        for (int i = 0; i < n; i++) {
          o[oi + i] = sigmoid(x[xi + i]);
        }
        break;
      case SIGN:
        for (int i = 0; i < n; i++) {
          o[oi + i] = Math.signum(x[xi + i]);
        }
        break;
      case SQUARE:
        for (int i = 0; i < n; i++) {
          float v = x[xi + i];
          o[oi + i] = v * v;
        }
        break;
      default:
        throw new AssertionError(op);
    }
  }

  /**
   * tanh through the intrinsic {@code Math.exp} instead of the much slower {@code Math.tanh}:
   * {@code tanh x = sign(x)·(1 − 2/(e^{2|x|} + 1))}, in double, which keeps the float result
   * exact to rounding (the cancellation near 0 costs only double-precision bits); tiny |x|
   * returns x.
   */
  static float tanh(float x) {
    float a = Math.abs(x);
    if (a < 1e-4f) {
      return x;
    }
    if (a > 10f) {
      return Math.copySign(1f, x);
    }
    double t = 1.0 - 2.0 / (Math.exp(2.0 * a) + 1.0);
    return (float) Math.copySign(t, x);
  }

  /** The logistic function without overflow for large |x|. */
  static float sigmoid(float x) {
    if (x >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
    double e = Math.exp(x);
    return (float) (e / (1.0 + e));
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
