package dev.kairo.tensor;

/**
 * Matrix products too small to be worth a trip to OpenBLAS: the 2-3-2 network of seed 003
 * (200 x 2 times 2 x 3) or the per-sample steps of seed 000 (1 x 1 times 1 x 1024). A native
 * call copies both operands into native memory and back, 0.4-1.6 µs whatever the size; these
 * loops do such products in a tenth of that, on the calling thread, allocating nothing.
 *
 * <pre>{@code
 * SmallGemm.compute(false, true, 200, 3, 2, 1f, x, 0, 2, w, 0, 2, 0f, y, 0, 3);  // y = x·wᵀ
 * }</pre>
 *
 * <p>Three loop orders, picked by shape so that the innermost loop always runs over a long
 * row the JIT turns into vector instructions. On JDK 17 C2 vectorises {@code y[j] += s·x[j]}
 * only when every array is indexed by the bare counter: with offsets ({@code y[yi + j]}) it
 * cannot prove the arrays apart and runs scalar (250 ns per 1,024 floats against 55), so
 * the long rows are first copied into scratch rows of their own, each starting at index 0,
 * as {@link JavaGemm} does. A loop that runs once or twice costs more in set-up than in work
 * (a 1024 x 1 transpose done row by row took 2 µs), so copies loop over the longer side:
 * <ul>
 *   <li><b>rows</b> (n ≥ {@link #WIDE}): each row of C gathers {@code A(i,p)·op(B)[p, :]};
 *       a transposed B is first packed into rows.
 *   <li><b>columns</b> (m ≥ WIDE, n narrow): the same on Cᵀ, over rows of op(A)ᵀ, into a
 *       scratch Cᵀ that is then added into C.
 *   <li><b>dots</b> (both narrow): one dot product per element of C, over contiguous copies
 *       of the row of op(A) and the column of op(B), with four partial sums.
 * </ul>
 * Each element of C sees the same operations in the same order for a given shape, so results
 * do not depend on threads or timing.
 */
final class SmallGemm {
  /** Products up to this many multiply-adds run here rather than in a native call. */
  static final long MAX_WORK = 1L << 14;
  /** A row at least this long fills vector registers. */
  static final int WIDE = 16;

  /** Per-thread scratch rows, grown on demand and reused, so a product allocates nothing. */
  private static final class Scratch {
    float[][] first = new float[0][];
    float[][] second = new float[0][];
    float[] flatA = new float[0];
    float[] flatB = new float[0];

    float[][] first(int count, int len) {
      return first = rows(first, count, len);
    }

    float[][] second(int count, int len) {
      return second = rows(second, count, len);
    }

    float[] flatA(int len) {
      return flatA = flat(flatA, len);
    }

    float[] flatB(int len) {
      return flatB = flat(flatB, len);
    }

    /** {@code pool}, grown to at least {@code count} rows of {@code len}, each from index 0. */
    private static float[][] rows(float[][] pool, int count, int len) {
      float[][] p = pool.length >= count ? pool
          : java.util.Arrays.copyOf(pool, Math.max(count, 2 * pool.length));
      for (int r = 0; r < count; r++) {
        if (p[r] == null || p[r].length < len) {
          p[r] = new float[Math.max(len, 16)];
        }
      }
      return p;
    }

    private static float[] flat(float[] a, int len) {
      return a.length >= len ? a : new float[Math.max(len, 2 * a.length)];
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private SmallGemm() {}

  /**
   * True when {@link #compute} is the fastest place for a product of this shape: a single
   * row or column of C, up to {@link #MAX_WORK} multiply-adds. Measured on an AMD EPYC, one
   * core, against OpenBLAS with its copies: 1x1024 by 1024x1 0.37 µs vs 1.6; 1024x1 by 1x1
   * 0.55 vs 1.2; 1x1 by 1x1024 0.14-0.44 vs 0.45-0.52; 1x128 by 128x10 0.47 vs 0.66. Square
   * ones lose (16x16x16: 3.1 µs vs 0.3, short rows cost their loop set-up), and 200x2 by 2x3
   * is a draw (0.49 vs 0.44), so those stay native.
   */
  static boolean suits(int m, int n, int k) {
    return (m == 1 || n == 1) && (long) m * n * k <= MAX_WORK;
  }

  /** {@code C = alpha·op(A)·op(B) + beta·C}, arguments checked, m, n, k > 0. */
  static void compute(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    Scratch s = SCRATCH.get();
    if (n >= WIDE) {
      rows(s, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else if (m >= WIDE) {
      columns(s, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else {
      dots(s, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
  }

  /** C[i, :] = beta·C[i, :] + Σ_p alpha·A(i,p)·op(B)[p, :], over scratch rows of op(B). */
  private static void rows(Scratch s, boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    float[][] bRows = s.first(k, n);
    for (int p = 0; p < k; p++) {
      if (transB && ldb != 1) {
        float[] row = bRows[p];
        for (int j = 0; j < n; j++) {
          row[j] = b[bOff + j * ldb + p];
        }
      } else { // a transposed B with ldb 1 is one row: element j of row p sits at p + j
        System.arraycopy(b, bOff + (transB ? p : p * ldb), bRows[p], 0, n);
      }
    }
    float[] acc = s.second(1, n)[0];
    int as = transA ? lda : 1;
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(acc, 0, n, 0f);
      } else {
        System.arraycopy(c, ci, acc, 0, n);
        if (beta != 1f) {
          for (int j = 0; j < n; j++) {
            acc[j] *= beta;
          }
        }
      }
      int ai = aOff + (transA ? i : i * lda);
      for (int p = 0; p < k; p++) {
        float f = alpha * a[ai + p * as];
        float[] row = bRows[p];
        for (int j = 0; j < n; j++) {
          acc[j] += f * row[j];
        }
      }
      System.arraycopy(acc, 0, c, ci, n);
    }
  }

  /** Cᵀ[j, :] = Σ_p op(B)(p,j)·op(A)ᵀ[p, :] in scratch rows, then C = beta·C + alpha·Cᵀᵀ. */
  private static void columns(Scratch s, boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    float[][] aCols = s.first(k, m);
    if (transA) {
      for (int p = 0; p < k; p++) {
        System.arraycopy(a, aOff + p * lda, aCols[p], 0, m);
      }
    } else {
      for (int p = 0; p < k; p++) {
        float[] col = aCols[p];
        for (int i = 0; i < m; i++) {
          col[i] = a[aOff + i * lda + p];
        }
      }
    }
    float[][] ct = s.second(n, m);
    for (int j = 0; j < n; j++) {
      float[] acc = ct[j];
      java.util.Arrays.fill(acc, 0, m, 0f);
      for (int p = 0; p < k; p++) {
        float f = b[bOff + (transB ? j * ldb + p : p * ldb + j)];
        float[] col = aCols[p];
        for (int i = 0; i < m; i++) {
          acc[i] += f * col[i];
        }
      }
      for (int i = 0; i < m; i++) {
        int ci = cOff + i * ldc + j;
        c[ci] = (beta == 0f ? 0f : beta * c[ci]) + alpha * acc[i];
      }
    }
  }

  /**
   * Both sides narrow: each element of C is one dot product of length k, over a row of op(A)
   * and a column of op(B) first packed contiguous, with four partial sums so the
   * multiply-adds do not wait on each other.
   */
  private static void dots(Scratch s, boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    float[] rowsA = a;
    int rowOff = aOff;
    int rowLd = lda;
    if (transA) {
      rowsA = s.flatA(m * k);
      transpose(a, aOff, lda, k, m, rowsA);
      rowOff = 0;
      rowLd = k;
    }
    float[] colsB = b;
    int colOff = bOff;
    int colLd = ldb;
    if (!transB) {
      colsB = s.flatB(n * k);
      transpose(b, bOff, ldb, k, n, colsB);
      colOff = 0;
      colLd = k;
    }
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      for (int j = 0; j < n; j++) {
        float d = alpha * dot(rowsA, rowOff + i * rowLd, colsB, colOff + j * colLd, k);
        c[ci + j] = beta == 0f ? d : beta * c[ci + j] + d;
      }
    }
  }

  private static float dot(float[] x, int xi, float[] y, int yi, int len) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int p = 0;
    for (; p + 3 < len; p += 4) {
      s0 += x[xi + p] * y[yi + p];
      s1 += x[xi + p + 1] * y[yi + p + 1];
      s2 += x[xi + p + 2] * y[yi + p + 2];
      s3 += x[xi + p + 3] * y[yi + p + 3];
    }
    for (; p < len; p++) {
      s0 += x[xi + p] * y[yi + p];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** dst (cols x rows, contiguous) = transpose of src (rows x cols, leading dimension ld). */
  private static void transpose(float[] src, int off, int ld, int rows, int cols, float[] dst) {
    if (rows >= cols) {
      for (int q = 0; q < cols; q++) {
        int d = q * rows;
        for (int r = 0; r < rows; r++) {
          dst[d + r] = src[off + r * ld + q];
        }
      }
    } else {
      for (int r = 0; r < rows; r++) {
        int s = off + r * ld;
        for (int q = 0; q < cols; q++) {
          dst[q * rows + r] = src[s + q];
        }
      }
    }
  }
}
