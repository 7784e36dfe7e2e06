package dev.kairo.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix-vector products ({@code m == 1} or {@code n == 1}) on the JDK's Vector API, straight
 * from the Java arrays: no copy of the matrix, no native call. This is what a single-sample
 * forward pass is made of ({@code [1, 784]·[256, 784]ᵀ} in W6), and where OpenBLAS loses,
 * since it must first copy the whole weight matrix into native memory.
 *
 * <p>Loaded only through {@link Simd#gemv()}, when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; never name it elsewhere.
 *
 * <p>Two loop shapes cover every transpose:
 * <ul>
 *   <li><b>dots</b>, when the matrix's rows run along k ({@code x·Wᵀ}, {@code W·v}): four
 *       rows at a time, each with its own vector of partial sums over k, sharing each load of
 *       the vector. C2 on JDK 17 never vectorises a float reduction written as a plain loop
 *       (784 x 256 took 93 µs scalar, 7.2 µs here on an AMD EPYC with AVX-512).
 *   <li><b>axpy</b>, when the matrix's rows run along the output ({@code x·W},
 *       {@code Wᵀ·v}): output columns in blocks of eight or four vectors kept in registers
 *       while every row of the matrix is added in, so each output is stored once.
 * </ul>
 * A vector operand with a stride (a column of a row-major matrix) is first gathered into a
 * per-thread scratch row. Each output element sees the same operations in the same order for
 * a given shape, so results depend neither on timing nor on threads.
 */
final class VectorGemv implements GemvKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /**
   * Multiply-adds per thread below which a product stays on the calling thread. A parallel
   * call costs about 0.3 µs with the workers polling ({@link Parallel}); 16K multiply-adds
   * take about 0.8 µs here. W6's second layer (256 x 128, 32K) went from 1.6 to 1.15 µs when
   * this was lowered from 32K to let it split in two.
   */
  static final long PARALLEL_MIN = 1 << 14;

  /** Per-thread scratch for a gathered vector operand and for strided outputs. */
  private static final class Scratch {
    float[] vec = new float[0];
    float[] out = new float[0];
    final float[] tail = new float[L];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  @Override
  public String name() {
    return "Vector API, " + L + " floats";
  }

  /** Lanes of the preferred species: 16 with AVX-512, 8 with AVX2. */
  @Override
  public int lanes() {
    return L;
  }

  @Override
  public boolean compute(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (m == 1) {
      // C (1 x n) = v·op(B), v = row 0 of op(A), k long; the output row is contiguous.
      if (transB ? k < L : n < L) {
        return false;
      }
      float[] v = transA && lda != 1 ? gather(a, aOff, lda, k) : a;
      int vOff = v == a ? aOff : 0;
      if (transB) {
        splitDots(n, k, alpha, b, bOff, ldb, v, vOff, beta, c, cOff, 1);
      } else {
        splitAxpy(k, n, alpha, b, bOff, ldb, v, vOff, beta, c, cOff, 1);
      }
      return true;
    }
    if (n == 1) {
      // C (m x 1) = op(A)·v, v = column 0 of op(B), k long; the output column has stride ldc.
      if (transA ? m < L : k < L) {
        return false;
      }
      float[] v = !transB && ldb != 1 ? gather(b, bOff, ldb, k) : b;
      int vOff = v == b ? bOff : 0;
      if (transA) {
        splitAxpy(k, m, alpha, a, aOff, lda, v, vOff, beta, c, cOff, ldc);
      } else {
        splitDots(m, k, alpha, a, aOff, lda, v, vOff, beta, c, cOff, ldc);
      }
      return true;
    }
    return false;
  }

  @Override
  public void rowTimesMatrix(int rows, int cols, float[] mat, int mOff, int ldm, float[] v,
      int vOff, float beta, float[] y, int yOff) {
    axpy(rows, cols, 1f, mat, mOff, ldm, v, vOff, beta, y, yOff, 1);
  }

  @Override
  public void matrixTimesVector(int rows, int len, float[] mat, int mOff, int ldm, float[] v,
      float beta, float[] y, int yOff) {
    dots(rows, len, 1f, mat, mOff, ldm, v, 0, beta, y, yOff, 1);
  }

  /**
   * {@link #dots} with the rows shared among Kairo's threads when there are at least
   * {@link #PARALLEL_MIN} multiply-adds per thread. Each output is computed the same way
   * whichever chunk it falls in, so the result does not depend on the thread count.
   */
  private static void splitDots(int rows, int len, float alpha, float[] mat, int mOff, int ldm,
      float[] v, int vOff, float beta, float[] y, int yOff, int incy) {
    int grain = (int) Math.max(4, PARALLEL_MIN / len);
    if (rows < 2 * grain) {
      dots(rows, len, alpha, mat, mOff, ldm, v, vOff, beta, y, yOff, incy);
      return;
    }
    Parallel.forRange(rows, grain, (lo, hi) -> dots(hi - lo, len, alpha, mat, mOff + lo * ldm,
        ldm, v, vOff, beta, y, yOff + lo * incy, incy));
  }

  /** {@link #axpy} with the output columns shared among threads, as {@link #splitDots}. */
  private static void splitAxpy(int rows, int cols, float alpha, float[] mat, int mOff, int ldm,
      float[] v, int vOff, float beta, float[] y, int yOff, int incy) {
    int grain = (int) Math.max(4 * L, PARALLEL_MIN / rows);
    if (cols < 2 * grain) {
      axpy(rows, cols, alpha, mat, mOff, ldm, v, vOff, beta, y, yOff, incy);
      return;
    }
    // The vector operand may be this thread's scratch: the workers read it while the caller
    // waits, and nothing writes it until the call returns.
    Parallel.forRange(cols, grain, (lo, hi) -> axpy(rows, hi - lo, alpha, mat, mOff + lo, ldm,
        v, vOff, beta, y, yOff + lo * incy, incy));
  }

  /** The strided vector {@code x[off + p·stride]}, p < len, packed into scratch from index 0. */
  private static float[] gather(float[] x, int off, int stride, int len) {
    Scratch s = SCRATCH.get();
    if (s.vec.length < len) {
      s.vec = new float[Math.max(len, 2 * s.vec.length)];
    }
    float[] v = s.vec;
    for (int p = 0; p < len; p++) {
      v[p] = x[off + p * stride];
    }
    return v;
  }

  /**
   * {@code y[r·incy] = alpha·Σ_p M[r, p]·v[p] + beta·y[r·incy]} for r < rows, p < len, where
   * row r of M starts at {@code mOff + r·ldm}.
   */
  private static void dots(int rows, int len, float alpha, float[] mat, int mOff, int ldm,
      float[] v, int vOff, float beta, float[] y, int yOff, int incy) {
    int bound = S.loopBound(len);
    int r = 0;
    for (; r + 3 < rows; r += 4) {
      int r0 = mOff + r * ldm;
      int r1 = r0 + ldm;
      int r2 = r1 + ldm;
      int r3 = r2 + ldm;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      int p = 0;
      for (; p < bound; p += L) {
        FloatVector x = FloatVector.fromArray(S, v, vOff + p);
        s0 = x.fma(FloatVector.fromArray(S, mat, r0 + p), s0);
        s1 = x.fma(FloatVector.fromArray(S, mat, r1 + p), s1);
        s2 = x.fma(FloatVector.fromArray(S, mat, r2 + p), s2);
        s3 = x.fma(FloatVector.fromArray(S, mat, r3 + p), s3);
      }
      float d0 = s0.reduceLanes(VectorOperators.ADD);
      float d1 = s1.reduceLanes(VectorOperators.ADD);
      float d2 = s2.reduceLanes(VectorOperators.ADD);
      float d3 = s3.reduceLanes(VectorOperators.ADD);
      for (; p < len; p++) {
        float x = v[vOff + p];
        d0 += x * mat[r0 + p];
        d1 += x * mat[r1 + p];
        d2 += x * mat[r2 + p];
        d3 += x * mat[r3 + p];
      }
      store(y, yOff + r * incy, alpha * d0, beta);
      store(y, yOff + (r + 1) * incy, alpha * d1, beta);
      store(y, yOff + (r + 2) * incy, alpha * d2, beta);
      store(y, yOff + (r + 3) * incy, alpha * d3, beta);
    }
    for (; r < rows; r++) {
      int r0 = mOff + r * ldm;
      FloatVector s0 = FloatVector.zero(S);
      int p = 0;
      for (; p < bound; p += L) {
        s0 = FloatVector.fromArray(S, v, vOff + p).fma(FloatVector.fromArray(S, mat, r0 + p), s0);
      }
      float d0 = s0.reduceLanes(VectorOperators.ADD);
      for (; p < len; p++) {
        d0 += v[vOff + p] * mat[r0 + p];
      }
      store(y, yOff + r * incy, alpha * d0, beta);
    }
  }

  /** {@code y[i] = d + beta·y[i]}, with beta 0 never reading y (it may hold NaN). */
  private static void store(float[] y, int i, float d, float beta) {
    y[i] = beta == 0f ? d : d + beta * y[i];
  }

  /**
   * {@code y[j·incy] = alpha·Σ_p v[p]·M[p, j] + beta·y[j·incy]} for j < cols, p < rows, where
   * row p of M starts at {@code mOff + p·ldm}; cols is at least one vector.
   */
  private static void axpy(int rows, int cols, float alpha, float[] mat, int mOff, int ldm,
      float[] v, int vOff, float beta, float[] y, int yOff, int incy) {
    float[] out = y;
    int outOff = yOff;
    if (incy != 1) {
      Scratch s = SCRATCH.get();
      if (s.out.length < cols) {
        s.out = new float[Math.max(cols, 2 * s.out.length)];
      }
      out = s.out;
      outOff = 0;
    }
    int j = 0;
    // Eight vectors at a time first: one pass over a panel eight vectors wide reads each of its
    // rows as one contiguous run, which the hardware prefetches best (784 x 128 from L2 on an
    // AMD EPYC: 2.1 µs as one pass, 3.4-3.8 µs as passes over parts of each row).
    for (; j + 8 * L <= cols; j += 8 * L) {
      eightColumns(rows, mat, mOff + j, ldm, v, vOff, alpha, beta, y, yOff, incy, out, outOff, j);
    }
    for (; j + 4 * L <= cols; j += 4 * L) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int p = 0; p < rows; p++) {
        FloatVector x = FloatVector.broadcast(S, v[vOff + p]);
        int row = mOff + p * ldm + j;
        a0 = x.fma(FloatVector.fromArray(S, mat, row), a0);
        a1 = x.fma(FloatVector.fromArray(S, mat, row + L), a1);
        a2 = x.fma(FloatVector.fromArray(S, mat, row + 2 * L), a2);
        a3 = x.fma(FloatVector.fromArray(S, mat, row + 3 * L), a3);
      }
      finish(a0, alpha, beta, y, yOff, incy, out, outOff, j);
      finish(a1, alpha, beta, y, yOff, incy, out, outOff, j + L);
      finish(a2, alpha, beta, y, yOff, incy, out, outOff, j + 2 * L);
      finish(a3, alpha, beta, y, yOff, incy, out, outOff, j + 3 * L);
    }
    for (; j + L <= cols; j += L) {
      finish(column(rows, mat, mOff + j, ldm, v, vOff), alpha, beta, y, yOff, incy, out,
          outOff, j);
    }
    if (j < cols) {
      // The last partial vector: redo the final full-width block ending at cols, which
      // recomputes a few outputs identically (same operations, same order) instead of a
      // scalar loop over every row.
      int last = cols - L;
      FloatVector a0 = column(rows, mat, mOff + last, ldm, v, vOff);
      // Outputs before j are final already; only [j, cols) are written (beta applies once).
      float[] tail = SCRATCH.get().tail;
      a0.mul(alpha).intoArray(tail, 0);
      for (int q = j; q < cols; q++) {
        int yi = yOff + q * incy;
        float d = tail[q - last];
        y[yi] = beta == 0f ? d : d + beta * y[yi];
      }
    }
  }

  /** The 8·L outputs from column j: {@link #axpy}'s widest block, its accumulators in registers. */
  private static void eightColumns(int rows, float[] mat, int col, int ldm, float[] v, int vOff,
      float alpha, float beta, float[] y, int yOff, int incy, float[] out, int outOff, int j) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector a4 = a0;
    FloatVector a5 = a0;
    FloatVector a6 = a0;
    FloatVector a7 = a0;
    for (int p = 0; p < rows; p++) {
      FloatVector x = FloatVector.broadcast(S, v[vOff + p]);
      int row = col + p * ldm;
      a0 = x.fma(FloatVector.fromArray(S, mat, row), a0);
      a1 = x.fma(FloatVector.fromArray(S, mat, row + L), a1);
      a2 = x.fma(FloatVector.fromArray(S, mat, row + 2 * L), a2);
      a3 = x.fma(FloatVector.fromArray(S, mat, row + 3 * L), a3);
      a4 = x.fma(FloatVector.fromArray(S, mat, row + 4 * L), a4);
      a5 = x.fma(FloatVector.fromArray(S, mat, row + 5 * L), a5);
      a6 = x.fma(FloatVector.fromArray(S, mat, row + 6 * L), a6);
      a7 = x.fma(FloatVector.fromArray(S, mat, row + 7 * L), a7);
    }
    finish(a0, alpha, beta, y, yOff, incy, out, outOff, j);
    finish(a1, alpha, beta, y, yOff, incy, out, outOff, j + L);
    finish(a2, alpha, beta, y, yOff, incy, out, outOff, j + 2 * L);
    finish(a3, alpha, beta, y, yOff, incy, out, outOff, j + 3 * L);
    finish(a4, alpha, beta, y, yOff, incy, out, outOff, j + 4 * L);
    finish(a5, alpha, beta, y, yOff, incy, out, outOff, j + 5 * L);
    finish(a6, alpha, beta, y, yOff, incy, out, outOff, j + 6 * L);
    finish(a7, alpha, beta, y, yOff, incy, out, outOff, j + 7 * L);
  }

  /** {@code Σ_p v[p]·M[p, c .. c+L)}, the L columns from {@code col} (an index into row 0 of M). */
  private static FloatVector column(int rows, float[] mat, int col, int ldm, float[] v,
      int vOff) {
    FloatVector acc = FloatVector.zero(S);
    for (int p = 0; p < rows; p++) {
      acc = FloatVector.broadcast(S, v[vOff + p]).fma(FloatVector.fromArray(S, mat,
          col + p * ldm), acc);
    }
    return acc;
  }

  /** Writes {@code alpha·acc + beta·y} for the L outputs from column j. */
  private static void finish(FloatVector acc, float alpha, float beta, float[] y, int yOff,
      int incy, float[] out, int outOff, int j) {
    FloatVector d = acc.mul(alpha);
    if (incy == 1) {
      if (beta != 0f) {
        d = FloatVector.fromArray(S, y, yOff + j).mul(beta).add(d);
      }
      d.intoArray(y, yOff + j);
      return;
    }
    d.intoArray(out, outOff + j);
    for (int q = j; q < j + L; q++) {
      int yi = yOff + q * incy;
      y[yi] = beta == 0f ? out[q] : out[q] + beta * y[yi];
    }
  }
}
