package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both GEMM backends against a double-precision reference, against each other, and for
 * determinism, argument checks and (OpenBLAS) thread safety and the in-process core fix.
 */
class GemmTest {
  private static final int[] SIZES = {1, 2, 3, 17, 65, 130};

  /** One sgemm case with padded operands; run() fills C and returns the reference. */
  private static final class Case {
    final boolean ta;
    final boolean tb;
    final int m;
    final int n;
    final int k;
    final float alpha;
    final float beta;
    final int aOff;
    final int lda;
    final int bOff;
    final int ldb;
    final int cOff;
    final int ldc;
    final float[] a;
    final float[] b;
    final float[] c0;

    Case(Random r, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta) {
      this.ta = ta;
      this.tb = tb;
      this.m = m;
      this.n = n;
      this.k = k;
      this.alpha = alpha;
      this.beta = beta;
      aOff = r.nextInt(4);
      bOff = r.nextInt(4);
      cOff = r.nextInt(4);
      lda = Math.max(1, ta ? m : k) + r.nextInt(3);
      ldb = Math.max(1, tb ? k : n) + r.nextInt(3);
      ldc = Math.max(1, n) + r.nextInt(3);
      a = random(r, aOff + (ta ? k : m) * lda + 2);
      b = random(r, bOff + (tb ? n : k) * ldb + 2);
      c0 = random(r, cOff + m * ldc + 2);
      if (beta == 0f) {
        Arrays.fill(c0, Float.NaN); // must be ignored, padding included in the check below
      }
    }

    float a(int i, int p) {
      return ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    float b(int p, int j) {
      return tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    private double[] want;
    private double[] tol;

    /** The double-precision reference and its error bound for element (i, j), computed once. */
    private void reference() {
      want = new double[m * n];
      tol = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          double mag = 0;
          for (int p = 0; p < k; p++) {
            double t = (double) a(i, p) * b(p, j);
            s += t;
            mag += Math.abs(t);
          }
          double old = beta == 0f ? 0 : (double) beta * c0[cOff + i * ldc + j];
          want[i * n + j] = alpha * s + old;
          // k roundings of float accumulation, with room for blocked sums.
          tol[i * n + j] = 4 * (k + 2) * 0x1p-24 * (Math.abs(alpha) * mag + Math.abs(old)) + 1e-30;
        }
      }
    }

    /** Runs the backend on a copy of C and checks every element, padding untouched. */
    float[] check(GemmBackend be) {
      return check(be.name(), be::sgemm);
    }

    /** Runs {@code product} on a copy of C and checks every element, padding untouched. */
    float[] check(String name, Product product) {
      if (want == null) {
        reference();
      }
      float[] c = c0.clone();
      product.run(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      for (int idx = 0; idx < c.length; idx++) {
        int rel = idx - cOff;
        int i = Math.floorDiv(rel, ldc);
        int j = rel - i * ldc;
        if (rel < 0 || i >= m || j >= n) {
          assertThat(Float.floatToRawIntBits(c[idx])).as("%s: C padding at %d changed", this, idx)
              .isEqualTo(Float.floatToRawIntBits(c0[idx]));
        } else if (!(Math.abs(c[idx] - want[i * n + j]) <= tol[i * n + j])) { // NaN fails too
          assertThat((double) c[idx]).as("%s: C[%d,%d] on %s", this, i, j, name)
              .isCloseTo(want[i * n + j], org.assertj.core.data.Offset.offset(tol[i * n + j]));
        }
      }
      return c;
    }

    @Override
    public String toString() {
      return "sgemm(" + (ta ? "T" : "N") + (tb ? "T" : "N") + ", m=" + m + ", n=" + n + ", k=" + k
          + ", alpha=" + alpha + ", beta=" + beta + ", lda=" + lda + ", ldb=" + ldb + ", ldc="
          + ldc + ")";
    }
  }

  /** Any implementation of the sgemm contract, for {@link Case#check(String, Product)}. */
  @FunctionalInterface
  interface Product {
    void run(boolean transA, boolean transB, int m, int n, int k, float alpha,
        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
        float beta, float[] c, int cOff, int ldc);
  }

  private static float[] random(Random r, int len) {
    float[] x = new float[len];
    for (int i = 0; i < len; i++) {
      x[i] = r.nextFloat() * 2 - 1;
    }
    return x;
  }

  private static List<GemmBackend> backends() {
    List<GemmBackend> all = new ArrayList<>();
    all.add(Gemm.javaBackend());
    Gemm.nativeBackend().ifPresent(all::add);
    return all;
  }

  @Test
  void matchesTheReferenceOnOddSizesAllTransposesOffsetsAndScalings() {
    Random r = new Random(42);
    float[][] scalings = {{1f, 0f}, {1f, 1f}, {-0.5f, 0f}, {2.5f, -1.5f}};
    int cases = 0;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        for (int rep = 0; rep < 14; rep++) {
          int m = SIZES[r.nextInt(SIZES.length)];
          int n = SIZES[r.nextInt(SIZES.length)];
          int k = rep == 0 ? 300 : SIZES[r.nextInt(SIZES.length)]; // > KC: two k blocks
          float[] s = scalings[rep % scalings.length];
          Case c = new Case(r, ta, tb, m, n, k, s[0], s[1]);
          for (GemmBackend be : backends()) {
            c.check(be);
          }
          cases++;
        }
      }
    }
    assertThat(cases).isEqualTo(56);
  }

  @Test
  void smallProductsMatchTheReferenceInEachLoopOrder() {
    Random r = new Random(19);
    // Rows (n >= 16), columns (m >= 16, n narrow), dots (both narrow), the shapes of seeds
    // 003 and 000; SmallGemm is correct for any shape, though Gemm only routes skinny ones.
    assertThat(SmallGemm.suits(1, 1024, 1)).isTrue();
    assertThat(SmallGemm.suits(1024, 1, 16)).isTrue();
    assertThat(SmallGemm.suits(16, 16, 16)).isFalse();
    assertThat(SmallGemm.suits(1, 1024, 64)).isFalse();
    int[][] shapes = {{3, 40, 7}, {1, 1024, 1}, {1, 40, 1}, {200, 3, 2}, {200, 2, 3}, {1024, 1, 1},
        {3, 2, 200}, {1, 1, 1024}, {5, 7, 9}, {16, 16, 64}};
    float[][] scalings = {{1f, 0f}, {1f, 1f}, {-0.5f, 0f}, {2.5f, -1.5f}};
    for (int[] s : shapes) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          for (float[] sc : scalings) {
            Case c = new Case(r, ta, tb, s[0], s[1], s[2], sc[0], sc[1]);
            float[] out = c.c0.clone();
            SmallGemm.compute(c.ta, c.tb, c.m, c.n, c.k, c.alpha, c.a, c.aOff, c.lda, c.b,
                c.bOff, c.ldb, c.beta, out, c.cOff, c.ldc);
            float[] viaJava = c.check(Gemm.javaBackend()); // also fills c.want and c.tol
            if (SmallGemm.suits(c.m, c.n, c.k)) {
              assertThat(out).as("%s", c).containsExactly(viaJava);
            }
            for (int i = 0; i < c.m; i++) {
              for (int j = 0; j < c.n; j++) {
                assertThat((double) out[c.cOff + i * c.ldc + j]).as("%s: C[%d,%d]", c, i, j)
                    .isCloseTo(c.want[i * c.n + j],
                        org.assertj.core.data.Offset.offset(c.tol[i * c.n + j]));
              }
            }
            c.check(Gemm.backend());
          }
        }
      }
    }
  }

  @Test
  void vectorApiMatrixVectorProductsMatchTheReference() {
    GemvKernel gemv = Simd.gemv();
    // The build's tests run with --add-modules jdk.incubator.vector (kairo.test.jvm in the
    // parent pom), so this is skipped only where someone runs them without it.
    assumeTrue(gemv != null, "Vector API not enabled");
    int l = gemv.lanes();
    Random r = new Random(23);
    // Long sides around one vector and four (the axpy block), the W6 layer shapes, and
    // shapes the kernel declines (long side shorter than a vector).
    int[] longSides = {l - 1, l, l + 1, 4 * l - 1, 4 * l + 3, 9 * l + 5};
    float[][] scalings = {{1f, 0f}, {1f, 1f}, {-0.5f, 0f}, {2.5f, -1.5f}};
    List<int[]> shapes = new ArrayList<>();
    for (int len : longSides) {
      for (int other : new int[] {1, 3, 4, 7, 37}) {
        shapes.add(new int[] {1, other, len});   // m = 1, long k
        shapes.add(new int[] {1, len, other});   // m = 1, long n
        shapes.add(new int[] {other, 1, len});   // n = 1, long k
        shapes.add(new int[] {len, 1, other});   // n = 1, long m
      }
    }
    shapes.add(new int[] {1, 256, 784});
    shapes.add(new int[] {1, 10, 128});
    shapes.add(new int[] {784, 1, 256});
    // Large enough to be split across threads (VectorGemv.PARALLEL_MIN), by rows and columns.
    shapes.add(new int[] {1, 301, 784});
    shapes.add(new int[] {1, 1030, 256});
    shapes.add(new int[] {1030, 1, 256});
    int declined = 0;
    for (int[] s : shapes) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          float[] sc = scalings[r.nextInt(scalings.length)];
          Case c = new Case(r, ta, tb, s[0], s[1], s[2], sc[0], sc[1]);
          boolean[] took = new boolean[1];
          float[] viaVector = c.check(gemv.name(), (ta2, tb2, m, n, k, al, a, ao, lda, b, bo,
              ldb, be, cc, co, ldc) -> took[0] = gemv.compute(ta2, tb2, m, n, k, al, a, ao, lda,
              b, bo, ldb, be, cc, co, ldc) || fallBack(ta2, tb2, m, n, k, al, a, ao, lda, b, bo,
              ldb, be, cc, co, ldc));
          boolean longEnough = c.m == 1 ? (c.tb ? c.k : c.n) >= l : (c.ta ? c.m : c.k) >= l;
          assertThat(took[0]).as("%s taken by the vector kernel", c).isEqualTo(longEnough);
          declined += longEnough ? 0 : 1;
          float[] viaGemm = c.check("Gemm.sgemm", Gemm::sgemm);
          if (longEnough) { // the facade routes it to the same kernel: identical bits
            assertThat(viaGemm).as("%s through Gemm", c).containsExactly(viaVector);
          }
        }
      }
    }
    assertThat(declined).isPositive();
  }

  /** The facade, for shapes the vector kernel declines (returns false, as the kernel did). */
  private static boolean fallBack(boolean ta, boolean tb, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c,
      int cOff, int ldc) {
    Gemm.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    return false;
  }

  @Test
  void wideAndTallShapesSplitAcrossThreadsStillMatch() {
    Random r = new Random(7);
    // Split by rows, by columns, a thread's columns wider than one packed block, and m = 1
    // over three k blocks.
    for (int[] s : new int[][] {{701, 9, 50}, {9, 700, 50}, {41, 1100, 20}, {1, 300, 520}}) {
      Case c = new Case(r, false, r.nextBoolean(), s[0], s[1], s[2], 1f, 0f);
      for (GemmBackend be : backends()) {
        c.check(be);
      }
    }
    // The operand every block reads whole (B split by rows, A by columns) is staged once and,
    // from 64K floats up, in parallel slices: every transpose, padded leading dimensions and
    // offsets, with beta reading C.
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        for (int[] s : new int[][] {{300, 260, 280}, {40, 700, 1700}}) {
          Case c = new Case(r, ta, tb, s[0], s[1], s[2], 0.5f, ta ? 1f : 0f);
          for (GemmBackend be : backends()) {
            c.check(be);
          }
        }
      }
    }
  }

  @Test
  void emptyInnerDimensionOrZeroAlphaScalesC() {
    float[] c = {1, 2, Float.NaN, 4};
    Gemm.sgemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2);
    assertThat(c).containsExactly(0, 0, 0, 0);
    float[] d = {1, 2, 3, 4};
    Gemm.sgemm(false, false, 2, 2, 0, 1f, null, 0, 1, null, 0, 2, 2f, d, 0, 2);
    assertThat(d).containsExactly(2, 4, 6, 8);
    float[] e = {1, 2, 3, 4};
    float[] ab = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
    Gemm.sgemm(false, false, 2, 2, 2, 0f, ab, 0, 2, ab, 0, 2, -1f, e, 0, 2);
    assertThat(e).containsExactly(-1, -2, -3, -4);
    Gemm.sgemm(false, false, 0, 5, 3, 1f, null, 0, 3, null, 0, 5, 0f, null, 0, 5);
  }

  @Test
  void tallProductsWithASmallTransposedBMatchTheReference() {
    // OpenBLAS gets such a B transposed while it is staged, and with beta = 1 the product is
    // added to C afterwards (OpenBlasGemm): padded and packed C, every scaling.
    Random r = new Random(9);
    float[][] scalings = {{1f, 0f}, {1f, 1f}, {2.5f, -1.5f}, {-0.5f, 1f}};
    for (int[] s : new int[][] {{200, 3, 2}, {200, 2, 3}, {33, 5, 7}, {16, 32, 32}, {70, 1, 9}}) {
      for (float[] sc : scalings) {
        Case c = new Case(r, false, true, s[0], s[1], s[2], sc[0], sc[1]);
        for (GemmBackend be : backends()) {
          c.check(be);
        }
      }
    }
  }

  @Test
  void facadeAgreesWithTheReferenceAndRoutesTinyProductsToo() {
    Random r = new Random(3);
    for (int[] s : new int[][] {{1, 1, 1}, {2, 3, 4}, {8, 8, 8}, {33, 20, 70}, {40, 30, 20}}) {
      Case c = new Case(r, false, true, s[0], s[1], s[2], 1f, 1f);
      float[] out = c.c0.clone();
      Gemm.sgemm(c.ta, c.tb, c.m, c.n, c.k, c.alpha, c.a, c.aOff, c.lda, c.b, c.bOff, c.ldb,
          c.beta, out, c.cOff, c.ldc);
      // Small products run in SmallGemm whatever the backend, like the Java backend's own.
      GemmBackend expected = SmallGemm.suits(s[0], s[1], s[2]) ? Gemm.javaBackend() : Gemm.backend();
      assertThat(out).containsExactly(c.check(expected));
    }
  }

  @Test
  void javaAndOpenBlasAgreeOn512() {
    assumeTrue(Gemm.nativeBackend().isPresent(), "OpenBLAS did not load");
    Random r = new Random(5);
    int n = 512;
    float[] a = random(r, n * n);
    float[] b = random(r, n * n);
    float[] cj = new float[n * n];
    float[] cn = new float[n * n];
    Gemm.javaBackend().sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, cj, 0, n);
    Gemm.nativeBackend().get().sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, cn, 0, n);
    for (int i = 0; i < n * n; i++) {
      assertThat(cj[i]).as("C[%d]", i).isCloseTo(cn[i], org.assertj.core.data.Offset.offset(2e-4f));
    }
  }

  @Test
  void sameInputsGiveIdenticalBits() {
    Random r = new Random(11);
    for (GemmBackend be : backends()) {
      for (int[] s : new int[][] {{200, 150, 270}, {64, 700, 31}}) {
        Case c = new Case(r, true, false, s[0], s[1], s[2], 0.75f, 0.5f);
        float[] first = c.c0.clone();
        float[] second = c.c0.clone();
        be.sgemm(c.ta, c.tb, c.m, c.n, c.k, c.alpha, c.a, c.aOff, c.lda, c.b, c.bOff, c.ldb,
            c.beta, first, c.cOff, c.ldc);
        be.sgemm(c.ta, c.tb, c.m, c.n, c.k, c.alpha, c.a, c.aOff, c.lda, c.b, c.bOff, c.ldb,
            c.beta, second, c.cOff, c.ldc);
        assertThat(second).as(be.name()).containsExactly(first);
      }
    }
  }

  @Test
  void javaKernelGivesTheSameBitsOnOneThreadAsOnThePool() throws Exception {
    // Called from a pool worker the product runs serially, unsplit; from the caller's thread
    // it is split over the pool. Each element sees the same operations either way.
    Random r = new Random(13);
    Case c = new Case(r, false, false, 100, 300, 280, 1f, 0f);
    float[] pooled = c.c0.clone();
    Gemm.javaBackend().sgemm(false, false, c.m, c.n, c.k, 1f, c.a, c.aOff, c.lda, c.b, c.bOff,
        c.ldb, 0f, pooled, c.cOff, c.ldc);
    float[] serial = c.c0.clone();
    Parallel.forRange(2, 1, (lo, hi) -> {
      if (lo == 1) { // chunk 1 runs on a pool worker, where nested kernels run serially
        Gemm.javaBackend().sgemm(false, false, c.m, c.n, c.k, 1f, c.a, c.aOff, c.lda, c.b,
            c.bOff, c.ldb, 0f, serial, c.cOff, c.ldc);
      }
    });
    if (Parallel.threads() == 1) {
      Gemm.javaBackend().sgemm(false, false, c.m, c.n, c.k, 1f, c.a, c.aOff, c.lda, c.b,
          c.bOff, c.ldb, 0f, serial, c.cOff, c.ldc);
    }
    assertThat(serial).containsExactly(pooled);
  }

  @Test
  void argumentErrorsNameTheOpSizesAndArgument() {
    float[] x = new float[12];
    assertThatThrownBy(() -> Gemm.sgemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sgemm(transA=false, transB=false, m=-1, n=2, k=2)")
        .hasMessageContaining("sizes must be >= 0");
    assertThatThrownBy(() -> Gemm.sgemm(false, false, 2, 2, 3, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
        .hasMessageContaining("lda = 2 is smaller than the 3 columns of A");
    assertThatThrownBy(() -> Gemm.sgemm(true, false, 4, 2, 3, 1f, x, 0, 4, x, 0, 2, 0f, x, 0, 1))
        .hasMessageContaining("ldc = 1 is smaller than the 2 columns of C");
    assertThatThrownBy(() -> Gemm.sgemm(false, true, 3, 3, 3, 1f, x, 4, 3, x, 0, 3, 0f, x, 0, 3))
        .hasMessageContaining("A needs 13 floats (aOff = 4, 3 rows of 3, lda = 3) but has 12");
    assertThatThrownBy(() -> Gemm.sgemm(false, false, 2, 2, 2, 1f, x, -1, 2, x, 0, 2, 0f, x, 0, 2))
        .hasMessageContaining("aOff = -1 is negative");
    assertThatThrownBy(
        () -> Gemm.sgemm(false, false, 2, 2, 2, 1f, x, 0, 2, null, 0, 2, 0f, x, 0, 2))
        .hasMessageContaining("B is null");
    assertThatThrownBy(() -> Gemm.javaBackend().sgemm(false, false, 2, 2, 2, 1f, x, 0, 2, x, 0, 2,
        0f, new float[3], 0, 2)).hasMessageContaining("C needs 4 floats");
  }

  @Test
  void openBlasIsSafeUnderConcurrentCallers() throws Exception {
    assumeTrue(Gemm.nativeBackend().isPresent(), "OpenBLAS did not load");
    GemmBackend blas = Gemm.nativeBackend().get();
    Random r = new Random(17);
    int n = 160;
    List<float[]> as = new ArrayList<>();
    List<float[]> want = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      float[] a = random(r, n * n);
      float[] c = new float[n * n];
      blas.sgemm(false, true, n, n, n, 1f, a, 0, n, a, 0, n, 0f, c, 0, n);
      as.add(a);
      want.add(c);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        float[] a = as.get(t);
        float[] expect = want.get(t);
        results.add(pool.submit(() -> {
          float[] c = new float[n * n];
          for (int rep = 0; rep < 40; rep++) {
            blas.sgemm(false, true, n, n, n, 1f, a, 0, n, a, 0, n, 0f, c, 0, n);
            if (!Arrays.equals(c, expect)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void openBlasReportsItsCoreAndCanReselectItInProcess() throws Exception {
    assumeTrue(Gemm.nativeBackend().isPresent(), "OpenBLAS did not load");
    assertThat(Gemm.nativeBackend().get().name()).startsWith("openblas ")
        .doesNotContain("unknown");
    assumeTrue(OpenBlasCoreCheck.cpuTier() >= 2, "needs an AVX2 CPU");
    // In a child JVM, since re-selecting kernels is process-wide: start on Prescott, then ask
    // Kairo for Haswell kernels in-process.
    Path out = Files.createTempFile("kairo-gemm", ".txt");
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Child.class.getName(), out.toString());
    pb.environment().put("OPENBLAS_CORETYPE", "Prescott");
    pb.environment().put("KAIRO_BLAS_CORETYPE", "Haswell");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(out, StandardCharsets.UTF_8))
        .isEqualTo("ok Haswell");
    Files.deleteIfExists(out);
  }

  /** Child process of the core test: writes what it ran on and whether the product was right. */
  static final class Child {
    public static void main(String[] args) throws IOException {
      float[] a = {1, 2, 3, 4};
      float[] c = new float[4];
      Gemm.nativeBackend().orElseThrow().sgemm(false, false, 2, 2, 2, 1f, a, 0, 2, a, 0, 2, 0f,
          c, 0, 2);
      boolean ok = Arrays.equals(c, new float[] {7, 10, 15, 22});
      String name = Gemm.backendName();
      String core = name.substring(name.indexOf('(') + 1, name.indexOf(')'));
      Files.writeString(Path.of(args[0]), (ok ? "ok " : "wrong ") + core);
    }
  }
}
