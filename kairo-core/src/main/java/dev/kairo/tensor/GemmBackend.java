package dev.kairo.tensor;

/**
 * One implementation of the single-precision general matrix product, row-major:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is X or its transpose.
 * Kairo has two: the pure-Java kernel and OpenBLAS. Normal code calls {@link Gemm#sgemm},
 * which picks one; tests and benchmarks that must compare them get a specific one from
 * {@link Gemm#javaBackend()} or {@link Gemm#nativeBackend()}.
 *
 * <pre>{@code
 * GemmBackend java = Gemm.javaBackend();
 * java.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
 * }</pre>
 */
public abstract sealed class GemmBackend permits JavaGemm, OpenBlasGemm {
  GemmBackend() {}

  /** A short name for logs and benchmark tables, such as {@code "openblas 0.3.31 (SkylakeX)"}. */
  public abstract String name();

  /**
   * Row-major {@code C = alpha * op(A) * op(B) + beta * C} on this backend only. Arguments are
   * checked as in {@link Gemm#sgemm}; {@code beta == 0} overwrites C without reading it.
   *
   * @throws IllegalArgumentException naming {@code sgemm} and the bad argument
   */
  public final void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    Gemm.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    if (!Gemm.trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      compute(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * The product itself, for arguments already checked, with {@code m, n, k > 0} and
   * {@code alpha != 0}.
   */
  abstract void compute(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc);
}
