package dev.kairo.tensor;

/**
 * Tensor-level matrix products following NumPy's {@code matmul}: 1-d operands are promoted
 * to a row or column and the added axis dropped again; leading (batch) axes broadcast. A
 * transposed 2-d view is passed to {@link Gemm} as a transpose flag instead of being copied.
 */
final class MatMul {
  private MatMul() {}

  static Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() == 0 || b.rank() == 0) {
      throw new IllegalArgumentException("matmul: operands must have at least 1 dimension, got "
          + Shape.str(a.shape) + " and " + Shape.str(b.shape));
    }
    boolean aVec = a.rank() == 1;
    boolean bVec = b.rank() == 1;
    Tensor a2 = aVec ? a.unsqueeze(0) : a;
    Tensor b2 = bVec ? b.unsqueeze(1) : b;
    int m = a2.shape[a2.rank() - 2];
    int k = a2.shape[a2.rank() - 1];
    int kb = b2.shape[b2.rank() - 2];
    int n = b2.shape[b2.rank() - 1];
    if (k != kb) {
      throw new IllegalArgumentException("matmul: shapes " + Shape.str(a.shape) + " and "
          + Shape.str(b.shape) + " do not match: " + k + " columns vs " + kb + " rows");
    }
    int[] batchA = java.util.Arrays.copyOf(a2.shape, a2.rank() - 2);
    int[] batchB = java.util.Arrays.copyOf(b2.shape, b2.rank() - 2);
    int[] batch = Shape.broadcast("matmul", batchA, batchB);
    int[] outShape = java.util.Arrays.copyOf(batch, batch.length + 2);
    outShape[batch.length] = m;
    outShape[batch.length + 1] = n;
    float[] out = new float[Shape.numel(outShape)];
    int nb = Shape.numel(batch);
    Tensor ea = a2.expand(concatShape(batch, m, k));
    Tensor eb = b2.expand(concatShape(batch, k, n));
    if (nb == 1 && batch.length == 0) {
      product(ea, eb, out, 0, m, n, k);
    } else {
      Tensor fa = flattenBatch(ea, nb, m, k);
      Tensor fb = flattenBatch(eb, nb, k, n);
      // Small matrices: spread the batch over threads; large ones: Gemm threads itself.
      int grain = (long) m * n * k >= (1 << 18) ? nb : 1;
      Parallel.forRange(nb, grain, (lo, hi) -> {
        for (int i = lo; i < hi; i++) {
          product(fa.select(0, i), fb.select(0, i), out, i * m * n, m, n, k);
        }
      });
    }
    int[] finalShape = outShape;
    if (aVec && bVec) {
      finalShape = batch;
    } else if (aVec) {
      finalShape = dropAxis(outShape, outShape.length - 2);
    } else if (bVec) {
      finalShape = dropAxis(outShape, outShape.length - 1);
    }
    return Tensor.of(out, finalShape);
  }

  private static int[] concatShape(int[] batch, int r, int c) {
    int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = r;
    s[batch.length + 1] = c;
    return s;
  }

  private static int[] dropAxis(int[] s, int axis) {
    int[] o = new int[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i != axis) {
        o[j++] = s[i];
      }
    }
    return o;
  }

  /** Views the batch axes of an expanded [..., r, c] tensor as one axis, copying only when needed. */
  private static Tensor flattenBatch(Tensor t, int nb, int r, int c) {
    int rank = t.rank();
    boolean collapsible = true;
    for (int i = 0; i < rank - 3; i++) {
      if (t.strides[i] != t.strides[i + 1] * t.shape[i + 1]) {
        collapsible = false;
        break;
      }
    }
    if (collapsible) {
      int bs = rank > 2 ? t.strides[rank - 3] : 0;
      return new Tensor(t.data, t.offset, new int[] {nb, r, c},
          new int[] {bs, t.strides[rank - 2], t.strides[rank - 1]});
    }
    return t.contiguous().reshape(nb, r, c);
  }

  /** One 2-d product into {@code out[off ...]}, passing transposed layouts as flags. */
  static void product(Tensor a, Tensor b, float[] out, int off, int m, int n, int k) {
    Operand pa = Operand.of(a);
    Operand pb = Operand.of(b);
    Gemm.sgemm(pa.trans, pb.trans, m, n, k, 1f, pa.data, pa.offset, pa.ld,
        pb.data, pb.offset, pb.ld, 0f, out, off, n);
  }

  /** A 2-d matrix as Gemm wants it: storage, offset, leading dimension, transposed or not. */
  static final class Operand {
    final float[] data;
    final int offset;
    final int ld;
    final boolean trans;

    private Operand(float[] data, int offset, int ld, boolean trans) {
      this.data = data;
      this.offset = offset;
      this.ld = ld;
      this.trans = trans;
    }

    static Operand of(Tensor t) {
      int rows = t.shape[t.rank() - 2];
      int cols = t.shape[t.rank() - 1];
      int rs = t.strides[t.rank() - 2];
      int cs = t.strides[t.rank() - 1];
      if ((cs == 1 || cols == 1) && rs >= Math.max(1, cols)) {
        return new Operand(t.data, t.offset, Math.max(rs, Math.max(1, cols)), false);
      }
      if ((rs == 1 || rows == 1) && cs >= Math.max(1, rows)) {
        return new Operand(t.data, t.offset, Math.max(cs, Math.max(1, rows)), true);
      }
      Tensor c = t.contiguous();
      return new Operand(c.data, c.offset, Math.max(1, cols), false);
    }
  }
}
