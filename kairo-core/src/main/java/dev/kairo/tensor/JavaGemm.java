package dev.kairo.tensor;

/**
 * Kairo's pure-Java single-precision matrix product: blocked, packed, multi-threaded, no
 * native code and no incubator modules. It is the fallback where OpenBLAS does not load and
 * the fast path for tiny products, where a JNI call costs more than the arithmetic.
 *
 * <pre>{@code
 * Gemm.javaBackend().sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
 * }</pre>
 *
 * <h2>How it is fast without the Vector API</h2>
 * C2's auto-vectoriser (SuperWord) only packs a loop when it can prove that its loads and
 * stores do not overlap. For two {@code float[]} accesses it compares the index expressions
 * and ignores which array they hit, so {@code c[ci + j] += a * b[bi + j]} with two different
 * loop-invariant offsets is <em>not</em> vectorised (measured: 7 GFLOP/s on one core). Every
 * array in the inner loop is therefore indexed by the bare loop counter {@code j}: op(B) is
 * packed into one array per row ({@code bp[p]}) and the C tile is accumulated in one array per
 * row ({@code acc[i]}). The micro-kernel updates two rows of C with four rows of B per pass
 * (2x4 fused multiply-adds per column); larger bodies exceed C2's unrolling budget
 * ({@code LoopUnrollLimit}) and fall back to scalar code, smaller ones waste loads. Measured on
 * an AMD EPYC (AVX-512), one core: 2x4 runs at 80-105 GFLOP/s, 1x4 at 45-55, 4x4 at 15.
 *
 * <h2>Blocking and threads</h2>
 * For each block of {@link #NC} columns, a panel of up to {@link #KP} rows of op(B) is packed
 * (4 MiB at most, lives in L3). For each block of {@link #MC} rows the C tile is loaded into
 * {@code acc} (beta applied once), then for every {@link #KC} rows of the panel (512 KiB, held
 * in L2 while the row pairs stream past) that slice of op(A) is packed with alpha folded in
 * and the kernel runs; the tile goes back to C once per panel. Work is split over
 * {@link Parallel#forRange} by rows of C, each thread packing its own B panel, or by columns
 * when there are too few rows. Every element of C sees the same operations in the same order
 * whatever the split and blocking, so results are bit-identical run after run and for any
 * thread count. Whole products (AMD EPYC, n = 512-2048): about 90 GFLOP/s on one core, 145 on
 * two; OpenBLAS does 200 and 390.
 *
 * <p>Per thread the workspace holds up to 4.6 MiB (B panel rows are allocated as deep as the
 * largest k seen, up to KP).
 */
final class JavaGemm extends GemmBackend {
  static final JavaGemm INSTANCE = new JavaGemm();

  /** Depth of one kernel pass: KC x NC floats of op(B) = 512 KiB, about half an L2. */
  static final int KC = 256;
  /**
   * Depth of a packed panel of op(B) (4 MiB, from L3): the C tile stays in {@code acc} for
   * this many k, so C makes one round trip per KP instead of one per KC. With round trips
   * per KC, n = 2048 on two threads fell to 50-75 GFLOP/s, moving C through memory 8 times.
   */
  static final int KP = 2048;
  /** Width of a packed block of op(B). */
  static final int NC = 512;
  /** Rows of op(A) per packed block; the MC x NC accumulator tile is 128 KiB. */
  static final int MC = 64;
  /** Below this many multiply-adds a product runs on the calling thread only. */
  static final long PARALLEL_MIN = 1L << 18;
  /** Below this many multiply-adds packing costs more than it saves. */
  static final long TINY = 4096;

  /** Per-thread packing buffers, reused across calls so a product allocates nothing. */
  private static final class Workspace {
    final float[][] bp = new float[KP][];
    final float[][] window = new float[KC][];
    final float[][] acc = new float[MC][NC];
    final float[] ap = new float[MC * KC];

    /** The first {@code rows} rows of the B panel, allocated on first use only. */
    float[][] panel(int rows) {
      for (int p = rows - 1; p >= 0 && bp[p] == null; p--) {
        bp[p] = new float[NC];
      }
      return bp;
    }
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private JavaGemm() {}

  @Override
  public String name() {
    return "java";
  }

  @Override
  void compute(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    long work = (long) m * n * k;
    if (SmallGemm.suits(m, n, k)) {
      SmallGemm.compute(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c,
          cOff, ldc);
      return;
    }
    if (work < TINY) { // small but not skinny (16 x 16 x 16: 1.1 us here, 2-3 in SmallGemm)
      tiny(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    int threads = work < PARALLEL_MIN ? 1 : Parallel.threads();
    // Rows split best (long kernel rows, A packed once); columns only when rows are scarce.
    // Square n = 256 / 512 on two threads: 113 / 131 GFLOP/s by rows, 87 / 103 by columns.
    boolean byCols = m < 32 * threads;
    // Split units of 16 columns (one AVX-512 vector) or 2 rows (one micro-kernel pass).
    int unit = byCols ? 16 : 2;
    int units = ((byCols ? n : m) + unit - 1) / unit;
    Parallel.RangeBody body = (lo, hi) -> {
      int from = lo * unit;
      int to = Math.min(byCols ? n : m, hi * unit);
      if (byCols) {
        block(transA, transB, 0, m, from, to, k, alpha, a, aOff, lda, b, bOff, ldb,
            beta, c, cOff, ldc);
      } else {
        block(transA, transB, from, to, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb,
            beta, c, cOff, ldc);
      }
    };
    if (threads == 1) {
      body.run(0, units);
    } else {
      Parallel.forRange(units, Math.max(1, units / threads), body);
    }
  }

  /** Rows [i0, i1) and columns [j0, j1) of C, on the calling thread. */
  private static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1,
      int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    Workspace w = WORKSPACE.get();
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int kp = 0; kp < k; kp += KP) {
        int kpn = Math.min(KP, k - kp);
        float[][] bp = w.panel(kpn);
        packB(transB, b, bOff, ldb, kp, kpn, jc, nc, bp);
        for (int ic = i0; ic < i1; ic += MC) {
          int mc = Math.min(MC, i1 - ic);
          loadTile(c, cOff, ldc, ic, mc, jc, nc, kp == 0 ? beta : 1f, w.acc);
          for (int pc = 0; pc < kpn; pc += KC) {
            int kc = Math.min(KC, kpn - pc);
            packA(transA, a, aOff, lda, ic, mc, kp + pc, kc, alpha, w.ap);
            // The kernel indexes its B rows from 0: an offset added to that index (bp[pc + p])
            // stops C2 from vectorising the inner loop (measured: 85 -> 15 GFLOP/s), so it
            // gets a window of row references instead.
            System.arraycopy(bp, pc, w.window, 0, kc);
            kernel(mc, nc, kc, w.ap, w.window, w.acc);
          }
          for (int i = 0; i < mc; i++) {
            System.arraycopy(w.acc[i], 0, c, cOff + (ic + i) * ldc + jc, nc);
          }
        }
      }
    }
  }

  /** bp[p][j] = op(B)[pc + p, jc + j]. */
  private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc,
      int jc, int nc, float[][] bp) {
    if (!transB) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, bOff + (pc + p) * ldb + jc, bp[p], 0, nc);
      }
      return;
    }
    // op(B)[p, j] = B[j, p]: a transpose. Eight packed rows at a time, their references held
    // in locals so the loop over j is one load and one store per element (1x256x784 with B
    // transposed: 82 us, against 122 us indexing bp[p][j] in a nested loop).
    int p = 0;
    for (; p + 8 <= kc; p += 8) {
      float[] r0 = bp[p];
      float[] r1 = bp[p + 1];
      float[] r2 = bp[p + 2];
      float[] r3 = bp[p + 3];
      float[] r4 = bp[p + 4];
      float[] r5 = bp[p + 5];
      float[] r6 = bp[p + 6];
      float[] r7 = bp[p + 7];
      int src = bOff + jc * ldb + pc + p;
      for (int j = 0; j < nc; j++, src += ldb) {
        r0[j] = b[src];
        r1[j] = b[src + 1];
        r2[j] = b[src + 2];
        r3[j] = b[src + 3];
        r4[j] = b[src + 4];
        r5[j] = b[src + 5];
        r6[j] = b[src + 6];
        r7[j] = b[src + 7];
      }
    }
    for (; p < kc; p++) {
      float[] r = bp[p];
      int src = bOff + jc * ldb + pc + p;
      for (int j = 0; j < nc; j++, src += ldb) {
        r[j] = b[src];
      }
    }
  }

  /** ap[i * kc + p] = alpha * op(A)[ic + i, pc + p]. */
  private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc,
      int pc, int kc, float alpha, float[] ap) {
    for (int i = 0; i < mc; i++) {
      int dst = i * kc;
      if (!transA) {
        int src = aOff + (ic + i) * lda + pc;
        if (alpha == 1f) {
          System.arraycopy(a, src, ap, dst, kc);
          continue;
        }
        for (int p = 0; p < kc; p++) {
          ap[dst + p] = alpha * a[src + p];
        }
      } else {
        int src = aOff + pc * lda + ic + i;
        for (int p = 0; p < kc; p++) {
          ap[dst + p] = alpha * a[src + p * lda];
        }
      }
    }
  }

  /** acc[i][j] = scale * C[ic + i, jc + j], where scale 0 ignores C (even NaN). */
  private static void loadTile(float[] c, int cOff, int ldc, int ic, int mc, int jc, int nc,
      float scale, float[][] acc) {
    for (int i = 0; i < mc; i++) {
      float[] row = acc[i];
      int src = cOff + (ic + i) * ldc + jc;
      if (scale == 1f) {
        System.arraycopy(c, src, row, 0, nc);
      } else if (scale == 0f) {
        java.util.Arrays.fill(row, 0, nc, 0f);
      } else {
        for (int j = 0; j < nc; j++) {
          row[j] = scale * c[src + j];
        }
      }
    }
  }

  /**
   * acc[i][0, nc) += sum over p of ap[i * kc + p] * bp[p][0, nc), p in order, each step a
   * fused multiply-add. Two rows per pass; a last odd row on its own.
   */
  static void kernel(int mc, int nc, int kc, float[] ap, float[][] bp, float[][] acc) {
    int i = 0;
    for (; i + 2 <= mc; i += 2) {
      rows2(nc, kc, ap, i * kc, bp, acc[i], acc[i + 1]);
    }
    if (i < mc) {
      row1(nc, kc, ap, i * kc, bp, acc[i]);
    }
  }

  private static void rows2(int nc, int kc, float[] ap, int a0, float[][] bp,
      float[] c0, float[] c1) {
    int a1 = a0 + kc;
    int p = 0;
    for (; p + 4 <= kc; p += 4) {
      float x0 = ap[a0 + p];
      float x1 = ap[a0 + p + 1];
      float x2 = ap[a0 + p + 2];
      float x3 = ap[a0 + p + 3];
      float y0 = ap[a1 + p];
      float y1 = ap[a1 + p + 1];
      float y2 = ap[a1 + p + 2];
      float y3 = ap[a1 + p + 3];
      float[] b0 = bp[p];
      float[] b1 = bp[p + 1];
      float[] b2 = bp[p + 2];
      float[] b3 = bp[p + 3];
      for (int j = 0; j < nc; j++) {
        float v0 = b0[j];
        float v1 = b1[j];
        float v2 = b2[j];
        float v3 = b3[j];
        c0[j] = Math.fma(x3, v3, Math.fma(x2, v2, Math.fma(x1, v1, Math.fma(x0, v0, c0[j]))));
        c1[j] = Math.fma(y3, v3, Math.fma(y2, v2, Math.fma(y1, v1, Math.fma(y0, v0, c1[j]))));
      }
    }
    for (; p < kc; p++) {
      float x0 = ap[a0 + p];
      float y0 = ap[a1 + p];
      float[] b0 = bp[p];
      for (int j = 0; j < nc; j++) {
        float v0 = b0[j];
        c0[j] = Math.fma(x0, v0, c0[j]);
        c1[j] = Math.fma(y0, v0, c1[j]);
      }
    }
  }

  private static void row1(int nc, int kc, float[] ap, int a0, float[][] bp, float[] c0) {
    int p = 0;
    for (; p + 4 <= kc; p += 4) {
      float x0 = ap[a0 + p];
      float x1 = ap[a0 + p + 1];
      float x2 = ap[a0 + p + 2];
      float x3 = ap[a0 + p + 3];
      float[] b0 = bp[p];
      float[] b1 = bp[p + 1];
      float[] b2 = bp[p + 2];
      float[] b3 = bp[p + 3];
      for (int j = 0; j < nc; j++) {
        c0[j] = Math.fma(x3, b3[j], Math.fma(x2, b2[j], Math.fma(x1, b1[j],
            Math.fma(x0, b0[j], c0[j]))));
      }
    }
    for (; p < kc; p++) {
      float x0 = ap[a0 + p];
      float[] b0 = bp[p];
      for (int j = 0; j < nc; j++) {
        c0[j] = Math.fma(x0, b0[j], c0[j]);
      }
    }
  }

  /**
   * Small products without packing. Same arithmetic as the blocked path (start from beta * C,
   * add (alpha * a) * b by fused multiply-adds in k order), so results do not depend on which
   * path a size takes.
   */
  private static void tiny(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    int as = transA ? lda : 1;
    int bs = transB ? 1 : ldb;
    for (int i = 0; i < m; i++) {
      int ai = aOff + (transA ? i : i * lda);
      int ci = cOff + i * ldc;
      for (int j = 0; j < n; j++) {
        int bj = bOff + (transB ? j * ldb : j);
        float s = beta == 0f ? 0f : beta == 1f ? c[ci + j] : beta * c[ci + j];
        for (int p = 0; p < k; p++) {
          s = Math.fma(alpha * a[ai + p * as], b[bj + p * bs], s);
        }
        c[ci + j] = s;
      }
    }
  }
}
