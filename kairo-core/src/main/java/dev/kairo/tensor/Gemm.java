package dev.kairo.tensor;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for matrix products in Kairo: row-major
 * {@code C = alpha * op(A) * op(B) + beta * C} in single precision, on OpenBLAS where it loads
 * and on Kairo's own blocked Java kernel ({@link JavaGemm}) where it does not.
 *
 * <pre>{@code
 * float[] a = ..., b = ..., c = new float[m * n];
 * Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);   // C = A * B
 * }</pre>
 *
 * <p>The backend is chosen once, when this class initialises, and logged in one SLF4J line:
 * OpenBLAS through the {@code org.bytedeco:openblas} preset when it loads, the Java kernel
 * when anything about it fails (missing jars, {@code UnsatisfiedLinkError}, ...). The system
 * property or environment variable {@code KAIRO_BLAS} overrides this: {@code java} never loads
 * native code, {@code openblas} fails at start-up if OpenBLAS cannot load. Skinny products
 * (one row or one column of C, at most {@link SmallGemm#MAX_WORK} multiply-adds; see
 * {@link SmallGemm#suits}) run in Java even when OpenBLAS is loaded, because copying the
 * operands across JNI costs more than the arithmetic there (see {@link OpenBlasGemm} for the
 * core-type check and the threading rules). With the Vector API on ({@link Simd}), every
 * matrix-vector product whose long side fills a vector register runs in {@link VectorGemv}
 * instead, whatever its size: it reads the matrix where it lies, while OpenBLAS would first
 * copy all of it (a single-sample pass through a 784 x 256 layer: 7 µs against about 20).
 */
public final class Gemm {
  private static final Logger LOG = LoggerFactory.getLogger(Gemm.class);

  private static final GemmBackend DEFAULT;
  private static final GemmBackend NATIVE;

  /** The outcome of loading OpenBLAS, for the one log line. */
  record Loaded(GemmBackend backend, String message, boolean warning, Throwable failure) {
    static Loaded failed(Throwable t) {
      return new Loaded(null, t.getClass().getSimpleName() + ": " + t.getMessage(), true, t);
    }
  }

  static {
    String choice = setting("KAIRO_BLAS");
    choice = choice == null ? "default" : choice.trim().toLowerCase(Locale.ROOT);
    Loaded loaded = null;
    String line;
    switch (choice) {
      case "java":
        line = "Kairo GEMM: pure Java kernel (KAIRO_BLAS=java), threads: " + Parallel.threads();
        break;
      case "openblas":
      case "default":
      case "":
        try {
          loaded = OpenBlasGemm.load();
        } catch (Throwable t) {
          // Without the bytedeco jars OpenBlasGemm itself fails to link (NoClassDefFoundError).
          loaded = Loaded.failed(t);
        }
        if (loaded.backend() == null && choice.equals("openblas")) {
          throw new IllegalStateException("KAIRO_BLAS=openblas but OpenBLAS did not load: "
              + loaded.message(), loaded.failure());
        }
        line = loaded.backend() != null ? "Kairo GEMM: " + loaded.message()
            : "Kairo GEMM: pure Java kernel, threads: " + Parallel.threads() + "; OpenBLAS did"
                + " not load (" + loaded.message() + ")";
        break;
      default:
        throw new IllegalStateException(
            "KAIRO_BLAS must be java, openblas or default, got '" + choice + "'");
    }
    NATIVE = loaded == null ? null : loaded.backend();
    DEFAULT = NATIVE != null ? NATIVE : JavaGemm.INSTANCE;
    if (loaded != null && loaded.warning()) {
      LOG.warn(line);
    } else {
      LOG.info(line);
    }
  }

  private Gemm() {}

  /**
   * Row-major {@code C = alpha * op(A) * op(B) + beta * C}. {@code op(A)} is m x k,
   * {@code op(B)} is k x n, C is m x n; element (i, j) of a row-major X lives at
   * {@code x[xOff + i * ldx + j]}, and a transposed operand is stored as its transpose
   * (k x m for A, n x k for B). {@code beta == 0} overwrites C without reading it, so C may
   * hold garbage, even NaN.
   *
   * @throws IllegalArgumentException naming {@code sgemm}, the sizes and the bad argument
   */
  public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    if (trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    GemvKernel gemv = Simd.gemv();
    if (gemv != null && (m == 1 || n == 1) && gemv.compute(transA, transB, m, n, k, alpha, a,
        aOff, lda, b, bOff, ldb, beta, c, cOff, ldc)) {
      return;
    }
    if (SmallGemm.suits(m, n, k)) {
      SmallGemm.compute(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
          ldc);
      return;
    }
    DEFAULT.compute(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  /** The backend large products use: OpenBLAS when it loaded, else the Java kernel. */
  public static GemmBackend backend() {
    return DEFAULT;
  }

  /** The default backend's name, such as {@code "openblas 0.3.31 (SkylakeX)"} or {@code "java"}. */
  public static String backendName() {
    return DEFAULT.name();
  }

  /** The pure-Java kernel, always available (for tests and benchmarks). */
  public static GemmBackend javaBackend() {
    return JavaGemm.INSTANCE;
  }

  /**
   * OpenBLAS, if it loaded at start-up; empty when it did not or when {@code KAIRO_BLAS=java}
   * kept it from loading.
   */
  public static Optional<GemmBackend> nativeBackend() {
    return Optional.ofNullable(NATIVE);
  }

  /** A system property, else the environment variable of the same name; null when neither. */
  static String setting(String name) {
    String v = System.getProperty(name);
    return v != null ? v : System.getenv(name);
  }

  /** Checks sizes, leading dimensions, offsets and array lengths; throws naming the bad one. */
  static void check(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw bad(transA, transB, m, n, k, "sizes must be >= 0");
    }
    operand("A", transA ? k : m, transA ? m : k, transA, transB, m, n, k, a, aOff, lda);
    operand("B", transB ? n : k, transB ? k : n, transA, transB, m, n, k, b, bOff, ldb);
    operand("C", m, n, transA, transB, m, n, k, c, cOff, ldc);
  }

  /** One stored operand of {@code rows x cols} (as stored, before op). */
  private static void operand(String x, int rows, int cols, boolean transA, boolean transB,
      int m, int n, int k, float[] data, int off, int ld) {
    if (ld < Math.max(1, cols)) {
      String lx = x.toLowerCase(Locale.ROOT);
      throw bad(transA, transB, m, n, k, "ld" + lx + " = " + ld + " is smaller than the "
          + cols + " columns of " + x + " as stored" + (cols == 0 ? " (minimum 1)" : ""));
    }
    if (off < 0) {
      throw bad(transA, transB, m, n, k, x.toLowerCase(Locale.ROOT) + "Off = " + off + " is negative");
    }
    boolean used = rows > 0 && cols > 0 && (x.equals("C") || m > 0 && n > 0);
    if (!used) {
      return;
    }
    if (data == null) {
      throw bad(transA, transB, m, n, k, x + " is null");
    }
    long end = off + (long) (rows - 1) * ld + cols;
    if (end > data.length) {
      String lx = x.toLowerCase(Locale.ROOT);
      throw bad(transA, transB, m, n, k, x + " needs " + end + " floats (" + lx + "Off = " + off
          + ", " + rows + " rows of " + cols + ", ld" + lx + " = " + ld + ") but has "
          + data.length);
    }
  }

  private static IllegalArgumentException bad(boolean transA, boolean transB, int m, int n,
      int k, String what) {
    return new IllegalArgumentException("sgemm(transA=" + transA + ", transB=" + transB
        + ", m=" + m + ", n=" + n + ", k=" + k + "): " + what);
  }

  /**
   * Handles the products with nothing to multiply: empty C, {@code k == 0} or
   * {@code alpha == 0}, where {@code C = beta * C} (zero-filled for beta 0, as BLAS does).
   * Returns true when nothing is left to compute.
   */
  static boolean trivial(int m, int n, int k, float alpha, float beta, float[] c, int cOff,
      int ldc) {
    if (m == 0 || n == 0) {
      return true;
    }
    if (k != 0 && alpha != 0f) {
      return false;
    }
    if (beta != 1f) {
      for (int i = 0; i < m; i++) {
        int r = cOff + i * ldc;
        if (beta == 0f) {
          java.util.Arrays.fill(c, r, r + n, 0f);
        } else {
          for (int j = r; j < r + n; j++) {
            c[j] *= beta;
          }
        }
      }
    }
    return true;
  }
}
