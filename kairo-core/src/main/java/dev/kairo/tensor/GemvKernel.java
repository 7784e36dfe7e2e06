package dev.kairo.tensor;

/**
 * A matrix product with one row or one column of C (a matrix-vector product), done on the Java
 * heap without copying the matrix. Implemented by {@link VectorGemv} on the JDK's Vector API;
 * {@link Simd#gemv()} hands out the instance when that API is present.
 *
 * <p>It is an interface so that {@link Gemm} never names a class that links against
 * {@code jdk.incubator.vector}: a JVM started without that module never loads one.
 */
interface GemvKernel {
  /**
   * {@code C = alpha·op(A)·op(B) + beta·C} for {@code m == 1} or {@code n == 1}, arguments
   * already checked by {@link Gemm#check}, m, n, k > 0. Returns false, touching nothing, when
   * the shape is one this kernel does not speed up (the long side shorter than one vector);
   * the caller then takes its usual route.
   */
  boolean compute(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc);

  /** Floats per vector: a product whose long side is shorter than this is refused. */
  int lanes();

  /**
   * {@code y[yOff + j] = Σ_p v[vOff + p]·M[p, j] + beta·y[yOff + j]} for j < cols, p < rows,
   * row p of M starting at {@code mOff + p·ldm}; cols at least {@link #lanes()}. The
   * {@code m == 1} product {@code compute} runs for {@code v·M}, on the calling thread, with no
   * argument checks: for callers that checked their sizes once (a packed model).
   */
  void rowTimesMatrix(int rows, int cols, float[] mat, int mOff, int ldm, float[] v, int vOff,
      float beta, float[] y, int yOff);

  /**
   * {@code y[yOff + r] = Σ_p M[r, p]·v[p] + beta·y[yOff + r]} for r < rows, p < len, row r of
   * M starting at {@code mOff + r·ldm}; len at least {@link #lanes()}. As
   * {@link #rowTimesMatrix}, for {@code M·v}.
   */
  void matrixTimesVector(int rows, int len, float[] mat, int mOff, int ldm, float[] v,
      float beta, float[] y, int yOff);

  /** What the log line and benchmarks call it, such as {@code "Vector API, 16 floats"}. */
  String name();
}
