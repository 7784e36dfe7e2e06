package dev.kairo.bench;

import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.GemmBackend;
import dev.kairo.tensor.Parallel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Workload W1 of WORKLOADS.md: float32 {@code C = A * B} for square n, A and B uniform in
 * [0, 1), C preallocated; 3 untimed calls, then {@code k = max(5, floor(1 s / one call))}
 * timed calls; GFLOP/s = 2 n^3 / fastest call. One process measures one backend at one
 * thread count; {@code bench/w1} runs it once per figure and repetition.
 *
 * <pre>
 * java -jar kairo-bench/target/kairo-bench.jar --threads 2 --backend default \
 *     --sizes 512,1024 --json w1.json
 * </pre>
 *
 * <p>{@code --backend default} goes through {@link Gemm#sgemm} (OpenBLAS where it loads);
 * {@code java} sets {@code KAIRO_BLAS=java} so no native code loads at all; {@code openblas}
 * calls {@link Gemm#nativeBackend()} and fails if it is absent. {@code --threads} sets
 * {@code KAIRO_NUM_THREADS}, which also sizes OpenBLAS's pool.
 */
public final class W1MatMul {
  private W1MatMul() {}

  /** One measured size. */
  record Result(int n, double gflops, double bestSeconds, int calls) {}

  public static void main(String[] args) throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    String backend = "default";
    String sizes = "256,512,1024,2048";
    String json = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(required(args[i], value));
        case "--backend" -> backend = required(args[i], value).toLowerCase(Locale.ROOT);
        case "--sizes" -> sizes = required(args[i], value);
        case "--json" -> json = required(args[i], value);
        case "-h", "--help" -> {
          System.out.println("usage: W1MatMul [--threads N] [--backend java|openblas|default]"
              + " [--sizes 256,512,1024,2048] [--json FILE]");
          return;
        }
        default -> throw new IllegalArgumentException("W1MatMul: unknown option " + args[i]);
      }
      i++;
    }
    // Both are read once, when Kairo's classes initialise, so set them before touching Gemm.
    System.setProperty("KAIRO_NUM_THREADS", Integer.toString(threads));
    if (backend.equals("java")) {
      System.setProperty("KAIRO_BLAS", "java");
    }
    GemmBackend be = switch (backend) {
      case "default" -> null;
      case "java" -> Gemm.javaBackend();
      case "openblas" -> Gemm.nativeBackend().orElseThrow(() -> new IllegalStateException(
          "W1MatMul: --backend openblas but OpenBLAS did not load (see the log line above)"));
      default -> throw new IllegalArgumentException(
          "W1MatMul: --backend must be java, openblas or default, got " + backend);
    };
    String name = be == null ? Gemm.backendName() : be.name();
    System.out.printf("W1 kairo backend=\"%s\" threads=%d (Parallel.threads()=%d) java=%s"
        + " cpu=\"%s\"%n", name, threads, Parallel.threads(), System.getProperty("java.version"),
        cpuModel());
    List<Result> results = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(1);
    for (String s : sizes.split(",")) {
      Result r = measure(be, Integer.parseInt(s.trim()), rng);
      results.add(r);
      System.out.printf(Locale.ROOT, "W1 kairo n=%d %.1f GFLOP/s (best %.3f ms of %d calls)%n",
          r.n(), r.gflops(), r.bestSeconds() * 1e3, r.calls());
    }
    if (json != null) {
      Files.writeString(Path.of(json), toJson(name, threads, backend, results),
          StandardCharsets.UTF_8);
    }
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException("W1MatMul: " + option + " needs a value");
    }
    return value;
  }

  static Result measure(GemmBackend be, int n, SplittableRandom rng) {
    float[] a = new float[n * n];
    float[] b = new float[n * n];
    float[] c = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextDouble();
      b[i] = (float) rng.nextDouble();
    }
    long one = 0;
    for (int i = 0; i < 3; i++) {
      one = call(be, n, a, b, c);
    }
    int calls = (int) Math.max(5, 1_000_000_000L / Math.max(1, one));
    long best = Long.MAX_VALUE;
    for (int i = 0; i < calls; i++) {
      best = Math.min(best, call(be, n, a, b, c));
    }
    return new Result(n, 2.0 * n * n * n / best, best / 1e9, calls);
  }

  /** One timed product; nanoseconds. */
  private static long call(GemmBackend be, int n, float[] a, float[] b, float[] c) {
    long t = System.nanoTime();
    if (be == null) {
      Gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
    } else {
      be.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
    }
    return System.nanoTime() - t;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static String toJson(String name, int threads, String backend, List<Result> rs) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"workload\": \"W1\", \"impl\": \"kairo\", \"backend_option\": \"")
        .append(backend).append("\", \"backend\": \"").append(name.replace("\"", "'"))
        .append("\", \"threads\": ").append(threads).append(", \"results\": [");
    for (int i = 0; i < rs.size(); i++) {
      Result r = rs.get(i);
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
          "{\"n\": %d, \"gflops\": %.3f, \"best_s\": %.9f, \"calls\": %d}",
          r.n(), r.gflops(), r.bestSeconds(), r.calls()));
    }
    return sb.append("]}\n").toString();
  }
}
