package dev.kairo.tensor;

import java.util.Arrays;

/**
 * Reductions along axes. A reduction over several axes is done one axis at a time on a
 * contiguous [outer, n, inner] layout. Sums accumulate in double, so the result does not
 * depend on how the work was split across threads.
 */
final class Reduce {
  private Reduce() {}

  enum Op {
    SUM("sum"), MEAN("mean"), MAX("max"), MIN("min");

    final String label;

    Op(String label) {
      this.label = label;
    }
  }

  static Tensor reduce(Op op, Tensor x, int[] axes, boolean keepDims) {
    String name = op.label;
    int[] ax = Shape.axes(name, axes, x.rank());
    boolean[] reduced = new boolean[x.rank()];
    for (int a : ax) {
      reduced[a] = true;
      if ((op == Op.MAX || op == Op.MIN) && x.shape[a] == 0) {
        throw new IllegalArgumentException(name + ": cannot reduce over axis " + a
            + " of size 0 (shape " + Shape.str(x.shape) + ")");
      }
    }
    Tensor cur = x.contiguous();
    long count = 1;
    // Reduce the highest axis first so the lower axis numbers stay valid.
    int[] sorted = ax.clone();
    Arrays.sort(sorted);
    for (int i = sorted.length - 1; i >= 0; i--) {
      count *= x.shape[sorted[i]];
      cur = reduceAxis(op == Op.MEAN ? Op.SUM : op, cur, sorted[i]);
    }
    if (op == Op.MEAN) {
      float inv = (float) (1.0 / count);
      float[] d = cur.data;
      for (int i = 0; i < d.length; i++) {
        d[i] *= inv;
      }
    }
    return cur.reshape(outShape(x.shape, reduced, keepDims));
  }

  static Tensor sumTo(Tensor x, int[] target) {
    if (Shape.same(x.shape, target)) {
      return x;
    }
    int lead = x.rank() - target.length;
    if (lead < 0) {
      throw new IllegalArgumentException("sumTo: cannot sum " + Shape.str(x.shape) + " to "
          + Shape.str(target));
    }
    int count = 0;
    int[] axes = new int[x.rank()];
    for (int i = 0; i < x.rank(); i++) {
      if (i < lead) {
        axes[count++] = i;
      } else if (target[i - lead] == 1 && x.shape[i] != 1) {
        axes[count++] = i;
      } else if (target[i - lead] != x.shape[i]) {
        throw new IllegalArgumentException("sumTo: cannot sum " + Shape.str(x.shape) + " to "
            + Shape.str(target));
      }
    }
    Tensor s = reduce(Op.SUM, x, java.util.Arrays.copyOf(axes, count), true);
    return s.reshape(target);
  }

  static int[] outShape(int[] shape, boolean[] reduced, boolean keepDims) {
    int n = 0;
    for (int i = 0; i < shape.length; i++) {
      if (!reduced[i] || keepDims) {
        n++;
      }
    }
    int[] out = new int[n];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (!reduced[i]) {
        out[j++] = shape[i];
      } else if (keepDims) {
        out[j++] = 1;
      }
    }
    return out;
  }

  /** Reduces one axis of a contiguous tensor, keeping it as size 1. */
  private static Tensor reduceAxis(Op op, Tensor x, int axis) {
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= x.shape[i];
    }
    int n = x.shape[axis];
    int inner = 1;
    for (int i = axis + 1; i < x.rank(); i++) {
      inner *= x.shape[i];
    }
    int[] shape = x.shape.clone();
    shape[axis] = 1;
    float[] out = new float[outer * inner];
    float[] d = x.data;
    int base = x.offset;
    int innerF = inner;
    if (inner == 1) {
      Parallel.forRange(outer, Math.max(1, 32768 / Math.max(1, n)), (lo, hi) -> {
        for (int o = lo; o < hi; o++) {
          out[o] = reduceRun(op, d, base + o * n, n);
        }
      });
    } else {
      Parallel.forRange(outer, Math.max(1, 32768 / Math.max(1, n * innerF)), (lo, hi) -> {
        double[] acc = new double[innerF];
        for (int o = lo; o < hi; o++) {
          int p = base + o * n * innerF;
          if (op == Op.SUM) {
            Arrays.fill(acc, 0);
            for (int k = 0; k < n; k++) {
              int q = p + k * innerF;
              for (int i = 0; i < innerF; i++) {
                acc[i] += d[q + i];
              }
            }
            for (int i = 0; i < innerF; i++) {
              out[o * innerF + i] = (float) acc[i];
            }
          } else {
            boolean max = op == Op.MAX;
            System.arraycopy(d, p, out, o * innerF, innerF);
            for (int k = 1; k < n; k++) {
              int q = p + k * innerF;
              for (int i = 0; i < innerF; i++) {
                float v = d[q + i];
                float c = out[o * innerF + i];
                if (max ? (v > c || Float.isNaN(v)) : (v < c || Float.isNaN(v))) {
                  out[o * innerF + i] = v;
                }
              }
            }
          }
        }
      });
    }
    return Tensor.of(out, shape);
  }

  private static float reduceRun(Op op, float[] d, int p, int n) {
    if (op == Op.SUM) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += d[p + i];
      }
      return (float) s;
    }
    float m = d[p];
    boolean max = op == Op.MAX;
    for (int i = 1; i < n; i++) {
      float v = d[p + i];
      if (max ? (v > m || Float.isNaN(v)) : (v < m || Float.isNaN(v))) {
        m = v;
      }
    }
    return m;
  }

  static Tensor variance(Tensor x, int[] axes, int ddof, boolean keepDims) {
    int[] ax = Shape.axes("variance", axes, x.rank());
    long n = 1;
    for (int a : ax) {
      n *= x.shape[a];
    }
    if (n - ddof <= 0) {
      throw new IllegalArgumentException("variance: " + n + " elements with ddof " + ddof
          + " leave no degrees of freedom (shape " + Shape.str(x.shape) + ")");
    }
    Tensor mean = reduce(Op.MEAN, x, ax, true);
    Tensor dev = x.sub(mean).square();
    return reduce(Op.SUM, dev, ax, keepDims).mul((float) (1.0 / (n - ddof)));
  }

  static Tensor argExtreme(Tensor x, int axis, boolean max) {
    String name = max ? "argmax" : "argmin";
    int a = Shape.axis(name, axis, x.rank());
    if (x.shape[a] == 0) {
      throw new IllegalArgumentException(name + ": axis " + axis + " has size 0");
    }
    Tensor c = x.contiguous();
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= x.shape[i];
    }
    int n = x.shape[a];
    int inner = 1;
    for (int i = a + 1; i < x.rank(); i++) {
      inner *= x.shape[i];
    }
    float[] out = new float[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int p = c.offset + o * n * inner + i;
        int best = 0;
        float bv = c.data[p];
        for (int k = 1; k < n; k++) {
          float v = c.data[p + k * inner];
          if (!Float.isNaN(bv) && (max ? v > bv : v < bv) || (Float.isNaN(v) && !Float.isNaN(bv))) {
            best = k;
            bv = v;
          }
        }
        out[o * inner + i] = best;
      }
    }
    boolean[] reduced = new boolean[x.rank()];
    reduced[a] = true;
    return Tensor.of(out, outShape(x.shape, reduced, false));
  }
}
