package dev.kairo.tensor;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Kairo's explicit-SIMD kernels are on: they need the JDK's Vector API, which on JDK
 * 17-25 is still the incubator module {@code jdk.incubator.vector}, present only when the JVM
 * starts with {@code --add-modules jdk.incubator.vector} (the {@code kairo} launcher and the
 * benchmarks pass it). Without it everything still works, on plain Java loops that the JIT
 * vectorises where it can; the choice is made once and logged in one line.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... MyApp     # SIMD kernels on
 * java -DKAIRO_SIMD=off --add-modules jdk.incubator.vector  # module present, kernels off
 * </pre>
 *
 * <p>The system property or environment variable {@code KAIRO_SIMD} overrides: {@code off}
 * never loads them, {@code on} fails at start-up when they cannot load.
 */
public final class Simd {
  private static final Logger LOG = LoggerFactory.getLogger(Simd.class);
  private static final GemvKernel GEMV = load();
  private static final PairSoftmaxKernel PAIRS =
      GEMV == null ? null : kernel("dev.kairo.tensor.VectorPairSoftmax");
  private static final AddKernel ADD = GEMV == null ? null : kernel("dev.kairo.tensor.VectorAdd");

  private Simd() {}

  /** True when the Vector API kernels are in use. */
  public static boolean enabled() {
    return GEMV != null;
  }

  /** A line for logs and benchmark output: which kernels, and how wide. */
  public static String describe() {
    return GEMV != null ? GEMV.name()
        : "off (start the JVM with --add-modules jdk.incubator.vector to enable)";
  }

  /** The matrix-vector kernel, or null when the Vector API is off. */
  static GemvKernel gemv() {
    return GEMV;
  }

  /** The 2-class softmax kernel, or null when the Vector API is off. */
  static PairSoftmaxKernel pairSoftmax() {
    return PAIRS;
  }

  /** The run-into-run addition, or null when the Vector API is off. */
  static AddKernel add() {
    return ADD;
  }

  /** A further kernel class, once the first has loaded: the same module, the same JVM. */
  @SuppressWarnings("unchecked")
  private static <T> T kernel(String className) {
    try {
      return (T) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.warn("Kairo SIMD kernel {}: off ({}: {})", className, e.getClass().getSimpleName(),
          e.getMessage());
      return null;
    }
  }

  private static GemvKernel load() {
    String choice = Gemm.setting("KAIRO_SIMD");
    choice = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
    if (!choice.equals("auto") && !choice.equals("on") && !choice.equals("off")
        && !choice.isEmpty()) {
      throw new IllegalStateException("KAIRO_SIMD must be auto, on or off, got '" + choice + "'");
    }
    if (choice.equals("off")) {
      LOG.info("Kairo SIMD kernels: off (KAIRO_SIMD=off)");
      return null;
    }
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if (!present) {
      if (choice.equals("on")) {
        throw new IllegalStateException(
            "KAIRO_SIMD=on but the JVM was started without --add-modules jdk.incubator.vector");
      }
      LOG.debug("Kairo SIMD kernels: off (no jdk.incubator.vector module)");
      return null;
    }
    try {
      GemvKernel k = (GemvKernel) Class.forName("dev.kairo.tensor.VectorGemv")
          .getDeclaredConstructor().newInstance();
      LOG.info("Kairo SIMD kernels: {}", k.name());
      return k;
    } catch (ReflectiveOperationException | LinkageError e) {
      if (choice.equals("on")) {
        throw new IllegalStateException("KAIRO_SIMD=on but the Vector API kernels did not load",
            e);
      }
      LOG.warn("Kairo SIMD kernels: off ({}: {})", e.getClass().getSimpleName(), e.getMessage());
      return null;
    }
  }
}
