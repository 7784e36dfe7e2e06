package dev.kairo.tensor;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.FunctionPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.openblas.presets.openblas_nolapack.MklSetNumThreadsLocal;
import org.bytedeco.openblas.presets.openblas_nolapack.SetNumThreads;

/**
 * OpenBLAS {@code cblas_sgemm} through the {@code org.bytedeco:openblas} preset. Created only
 * by {@link Gemm}; get it with {@link Gemm#nativeBackend()}.
 *
 * <pre>{@code
 * Gemm.nativeBackend().ifPresent(
 *     blas -> blas.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n));
 * }</pre>
 *
 * <h2>Which library</h2>
 * Only {@code openblas_nolapack} is loaded. Loading the preset's {@code openblas} or
 * {@code openblas_full} classes maps a second, identical copy of libopenblas (the preset ships
 * {@code libopenblas.so.0} and {@code libopenblas_nolapack.so.0} as two files), each with its
 * own kernel table and thread pool, and costs 48 MiB of RSS and 230 ms instead of 17 MiB and
 * 130 ms. That class has no {@code openblas_get_corename}, so the functions it lacks are
 * reached through the preset's own function-pointer classes on {@link Loader#addressof}, as
 * the preset itself does for {@code openblas_set_num_threads}.
 *
 * <h2>Core type (what the preset honours, and the fix)</h2>
 * The preset is a DYNAMIC_ARCH build: OpenBLAS picks its kernels from CPUID when the library
 * loads, and reads {@code OPENBLAS_CORETYPE} from the C environment only then; the preset has
 * no system property for it ({@code org.bytedeco.openblas.load} only swaps the library). On
 * the AMD EPYC (family 26, AVX-512) this was written on, 0.3.31 picks Cooperlake
 * (AVX-512, 190-215 GFLOP/s per core at n=512-1024); forced to Haswell it runs at 103, to
 * Prescott at 40. After loading, the active kernel table ({@code gotoblas}) is compared with
 * the exported per-core tables to name the core, and the name is checked against
 * {@code /proc/cpuinfo}. If the kernels are weaker than the CPU (say Prescott or Haswell with
 * avx512f) and {@code OPENBLAS_CORETYPE} was not set, the kernels are re-selected in-process:
 * {@code putenv("OPENBLAS_CORETYPE=SkylakeX")}, {@code gotoblas_dynamic_quit()},
 * {@code gotoblas_dynamic_init()}, then the name is checked again (verified: Prescott 23 ->
 * SkylakeX 85 GFLOP/s in one process). If that fails, or the user's own
 * {@code OPENBLAS_CORETYPE} forces weak kernels (it is honoured: it is often a workaround for
 * a crash), the log line is a warning naming the variable to set. {@code KAIRO_BLAS_CORETYPE}
 * (a core name, or {@code auto} to drop a stray {@code OPENBLAS_CORETYPE}) re-selects
 * in-process regardless.
 *
 * <h2>Threads</h2>
 * Kairo owns the threads: OpenBLAS runs single-threaded, and a product of at least
 * {@link JavaGemm#PARALLEL_MIN} multiply-adds is split into {@link Parallel#threads()} blocks
 * of rows of C (of columns when C has few rows), each one single-threaded {@code cblas_sgemm}
 * on its own staging buffers, on Kairo's pool. OpenBLAS's own pthreads spin while they wait
 * for each other, and on a machine with anything else running (a build, a second JVM, the
 * data loader's thread) a descheduled worker stalls the rest: W2's MLP on 2 busy cores ran at
 * 1,500 samples/s with OpenBLAS threading its products against 18,700 on the Java kernel.
 * Kairo's pool blocks instead of spinning, a split depends only on the sizes and the thread
 * count (so results do not depend on timing), and a product called from inside a parallel
 * kernel (a convolution's per-image GEMM) simply runs on that thread. The operand every block
 * reads whole (B when rows are split) is copied to native memory once, in parallel slices,
 * and shared by the blocks: at n = 1024 on 2 threads that cut the copies from 16 to 12 MiB
 * and took W1 from 390 to about 405 GFLOP/s (NumPy: 453). What is left of the gap is the
 * copies themselves (about 0.5 ms of 5.3) and each block's OpenBLAS packing all of B again,
 * which OpenBLAS's own threads share; handing the product to those threads instead measured
 * no better (405 vs 409, and erratic), so the split stays Kairo's.
 *
 * <h2>Passing Java arrays</h2>
 * JavaCPP's {@code float[]} overload calls {@code GetFloatArrayElements} on all three arrays,
 * which in HotSpot mallocs and copies each whole array (A and B are released without
 * copy-back, C with) and takes no offsets. Each call then page-faults fresh memory. Measured,
 * one thread, n = 256 / 512 / 1024 / 2048, GFLOP/s: {@code float[]} 157 / 173 / 111 / 160;
 * copying the used region into reusable thread-local native buffers 171 / 183 / 180 / 181;
 * native data without any copy 183 / 191 / 192 / 189. Two threads: 265 / 332 / 156 / 224
 * versus 308 / 356 / 344 / 371 versus 359 / 392 / 379 / 392. So operands are copied into
 * per-thread {@link FloatPointer}s through direct {@link FloatBuffer} views (bulk puts are
 * plain memory copies, no JNI call per row), packed tightly when the leading dimension is
 * wider than the matrix, and C is copied in only when {@code beta != 0}. The copies (A and B
 * in, C out) take 15 / 60 / 264 / 1890 us at n = 256 / 512 / 1024 / 2048, about 50 GB/s up to
 * n = 1024; splitting them over two threads saved 7-13% at n >= 1024 and lost at 512 (the
 * hand-off to the pool costs 20 us), so they stay on the calling thread.
 */
final class OpenBlasGemm extends GemmBackend {
  private final String name;

  private OpenBlasGemm(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** Loads OpenBLAS, checks its kernels and sets its threads; never throws. */
  static Gemm.Loaded load() {
    try {
      Loader.load(openblas_nolapack.class);
      String version = version();
      // Single-threaded: Kairo splits large products over its own pool (see "Threads").
      voidFunction("openblas_set_num_threads").call(1);
      int threads = Parallel.threads();
      OpenBlasCoreCheck check = OpenBlasCoreCheck.run();
      int parallel = intCall("openblas_get_parallel");
      String mode = parallel == 1 ? "pthreads" : parallel == 2 ? "OpenMP" : "sequential";
      OpenBlasGemm be = new OpenBlasGemm("openblas " + version + " (" + check.core + ")");
      String msg = "OpenBLAS " + version + " via org.bytedeco openblas_nolapack, " + check.core
          + " kernels, DYNAMIC_ARCH " + mode + ", single-threaded calls split over Kairo's "
          + threads + " threads"
          + (check.note.isEmpty() ? "" : "; " + check.note);
      return new Gemm.Loaded(be, msg, check.warning, null);
    } catch (Throwable t) {
      return Gemm.Loaded.failed(t);
    }
  }

  private static String version() {
    try {
      // Read reflectively: javac would inline the constant of the jar Kairo compiled against.
      Object v = openblas_nolapack.class.getField("OPENBLAS_VERSION").get(null);
      return String.valueOf(v).replace("OpenBLAS", "").trim();
    } catch (ReflectiveOperationException e) {
      return "?";
    }
  }

  static Pointer symbol(String name) {
    Pointer p = Loader.addressof(name);
    if (p == null || p.isNull()) {
      throw new UnsatisfiedLinkError("symbol " + name + " not found in OpenBLAS");
    }
    return p;
  }

  /** Calls an {@code int f(void)} of OpenBLAS (the spare int argument is ignored by the ABI). */
  static int intCall(String fn) throws ReflectiveOperationException {
    return function(MklSetNumThreadsLocal.class, fn).call(0);
  }

  /** A {@code void f(int)} (or {@code void f(void)}) of OpenBLAS. */
  static SetNumThreads voidFunction(String fn) throws ReflectiveOperationException {
    return function(SetNumThreads.class, fn);
  }

  /**
   * The preset's function-pointer class {@code type} aimed at symbol {@code fn}. Its no-arg
   * constructor allocates the native holder that {@code put} fills; it is protected, meant
   * for the preset's own use, hence the reflection.
   */
  private static <F extends FunctionPointer> F function(Class<F> type, String fn)
      throws ReflectiveOperationException {
    Constructor<F> ctor = type.getDeclaredConstructor();
    ctor.setAccessible(true);
    F f = ctor.newInstance();
    type.getMethod("put", Pointer.class).invoke(f, symbol(fn));
    return f;
  }

  /** The core name OpenBLAS uses now, as {@code openblas_get_corename()} would return it. */
  static String coreName() {
    long active = new LongPointer(symbol("gotoblas")).get(0);
    for (String core : OpenBlasCoreCheck.CORES) {
      Pointer table = Loader.addressof("gotoblas_" + core.toUpperCase(Locale.ROOT));
      if (table != null && table.address() == active) {
        return core;
      }
    }
    return "unknown";
  }

  /** Strings handed to putenv must outlive the process's use of them: keep them here. */
  private static final List<BytePointer> ENVIRONMENT =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Re-selects OpenBLAS's kernels in-process, as if {@code OPENBLAS_CORETYPE=core} (or, for
   * {@code "auto"}, unset) had been in the environment when it loaded. Must not run while
   * any OpenBLAS call is in flight. Returns the core in use afterwards.
   */
  static synchronized String reselect(String core) throws ReflectiveOperationException {
    BytePointer env = new BytePointer(
        core.equalsIgnoreCase("auto") ? "OPENBLAS_CORETYPE" : "OPENBLAS_CORETYPE=" + core);
    ENVIRONMENT.add(env);
    callWithPointer(symbol("putenv"), env);
    voidFunction("gotoblas_dynamic_quit").call(0);
    voidFunction("gotoblas_dynamic_init").call(0);
    return coreName();
  }

  /**
   * Calls {@code void f(void *arg)}. The preset has no function-pointer class taking a
   * pointer, but JavaCPP's native deallocator is exactly such a call.
   */
  private static void callWithPointer(Pointer fn, Pointer arg)
      throws ReflectiveOperationException {
    Class<?> cls = Class.forName("org.bytedeco.javacpp.Pointer$NativeDeallocator");
    Constructor<?> ctor = cls.getDeclaredConstructor(Pointer.class, long.class, long.class);
    ctor.setAccessible(true);
    Object call = ctor.newInstance(new Pointer(), arg.address(), fn.address());
    Method run = cls.getDeclaredMethod("deallocate");
    run.setAccessible(true);
    run.invoke(call);
  }

  /** Shared operands smaller than this many floats are copied by the caller alone. */
  private static final int SHARED_SPLIT_MIN = 1 << 16;

  @Override
  void compute(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    int threads = Parallel.threads();
    // Rows of C when there are enough of them, else columns; blocks in multiples of 16 so
    // that every block but the last is kernel-friendly. The operand all blocks read in full
    // (B for rows, A for columns) is copied to native memory once, shared in parallel
    // slices, instead of once per block: at n = 1024 that is 12 MiB of copies instead of 16.
    boolean byCols = m < 32 * threads;
    int extent = byCols ? n : m;
    int units = (extent + 15) / 16;
    int grain = Math.max(1, (units + threads - 1) / threads);
    boolean sharedTooLarge = (long) (byCols ? m : n) * k > MAX_VIEW;
    if (threads == 1 || (long) m * n * k < JavaGemm.PARALLEL_MIN || sharedTooLarge
        || Parallel.chunks(units, grain) <= 1) {
      serial(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
          null, false);
      return;
    }
    OpenBlasStaging own = OpenBlasStaging.forThisThread();
    FloatPointer shared = byCols
        ? stageShared(own.shared, a, aOff, lda, transA ? k : m, transA ? m : k)
        : stageShared(own.shared, b, bOff, ldb, transB ? n : k, transB ? k : n);
    try {
      Parallel.forRange(units, grain, (lo, hi) -> {
        int from = lo * 16;
        int len = Math.min(extent, hi * 16) - from;
        if (byCols) {
          serial(transA, transB, m, len, k, alpha, a, aOff, lda,
              b, bOff + (transB ? from * ldb : from), ldb, beta, c, cOff + from, ldc, shared, true);
        } else {
          serial(transA, transB, len, n, k, alpha, a, aOff + (transA ? from : from * lda), lda,
              b, bOff, ldb, beta, c, cOff + from * ldc, ldc, shared, false);
        }
      });
    } finally {
      own.shared.trim();
    }
  }

  /**
   * Copies a rows x cols operand (leading dimension ld) into {@code dst}, packed, in parallel
   * row slices when it is large, and returns its native pointer.
   */
  private static FloatPointer stageShared(OpenBlasStaging.Buffer dst, float[] src, int off,
      int ld, int rows, int cols) {
    FloatBuffer view = dst.ensure((long) rows * cols);
    if ((long) rows * cols < SHARED_SPLIT_MIN) {
      OpenBlasStaging.put(src, off, ld, rows, cols, view);
    } else {
      Parallel.forRange(rows, 1, (lo, hi) -> {
        if (ld == cols) {
          view.put(lo * cols, src, off + lo * ld, (hi - lo) * cols);
        } else {
          for (int r = lo; r < hi; r++) {
            view.put(r * cols, src, off + r * ld, cols);
          }
        }
      });
    }
    return dst.ptr;
  }

  /** True when an operand exceeds what one direct buffer view can address (2 GiB). */
  private static boolean tooLarge(int m, int n, int k) {
    return (long) m * k > MAX_VIEW || (long) n * k > MAX_VIEW || (long) m * n > MAX_VIEW;
  }

  /** The most floats one direct buffer view can address (2 GiB). */
  private static final long MAX_VIEW = Integer.MAX_VALUE / 4;

  /**
   * One single-threaded {@code cblas_sgemm} through this thread's staging buffers. When
   * {@code shared} is not null it holds one operand already packed in native memory: A when
   * {@code sharedIsA} (a block of columns of C), else B (a block of rows).
   */
  private static void serial(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc, FloatPointer shared,
      boolean sharedIsA) {
    int rowsA = transA ? k : m;
    int colsA = transA ? m : k;
    int rowsB = transB ? n : k;
    int colsB = transB ? k : n;
    if (tooLarge(m, n, k)) {
      // A direct buffer view holds at most 2 GiB: leave such giants to the Java kernel.
      JavaGemm.INSTANCE.compute(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
          beta, c, cOff, ldc);
      return;
    }
    OpenBlasStaging s = OpenBlasStaging.forThisThread();
    FloatPointer pa = shared;
    FloatPointer pb = shared;
    if (shared == null || !sharedIsA) {
      OpenBlasStaging.put(a, aOff, lda, rowsA, colsA, s.a.ensure((long) rowsA * colsA));
      pa = s.a.ptr;
    }
    boolean flipB = transB && shared == null && m >= FLIP_MIN_ROWS
        && (long) n * k <= FLIP_MAX_FLOATS;
    if (flipB) {
      OpenBlasStaging.putTransposed(b, bOff, ldb, n, k, s.b.ensure((long) n * k));
      pb = s.b.ptr;
    } else if (shared == null || sharedIsA) {
      OpenBlasStaging.put(b, bOff, ldb, rowsB, colsB, s.b.ensure((long) rowsB * colsB));
      pb = s.b.ptr;
    }
    // With beta = 1 the flipped product is computed with beta = 0 and added to C here: the
    // small-matrix kernel that would add it is the slow one (1,070 ns against 190 for the
    // same [200, 2]·[2, 3]).
    boolean addAfter = flipB && beta == 1f;
    FloatBuffer nc = s.c.ensure((long) m * n);
    if (beta != 0f && !addAfter) {
      OpenBlasStaging.put(c, cOff, ldc, m, n, nc);
    }
    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
        transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        transB && !flipB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        m, n, k, alpha, pa, colsA, pb, flipB ? n : colsB, addAfter ? 0f : beta, s.c.ptr, n);
    if (addAfter) {
      OpenBlasStaging.addTo(nc, s.scratch(m * n), c, cOff, ldc, m, n);
    } else {
      OpenBlasStaging.get(nc, c, cOff, ldc, m, n);
    }
    s.trimBlocks();
  }

  /**
   * A tall product with a small transposed B (a Linear layer's {@code x·Wᵀ} with few inputs
   * and outputs) is handed to OpenBLAS with B already transposed: its small-matrix kernel for
   * that case runs at less than half the speed of the plain one. Seed 003's [200, 2]·[3, 2]ᵀ
   * and [200, 3]·[2, 3]ᵀ took 451 and 423 ns with the flag, 184 and 177 ns without (one
   * pinned core); transposing six floats while staging them costs nothing.
   */
  private static final int FLIP_MIN_ROWS = 16;
  private static final int FLIP_MAX_FLOATS = 1024;
}
