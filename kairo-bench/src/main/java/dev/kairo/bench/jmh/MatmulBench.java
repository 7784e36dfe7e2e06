package dev.kairo.bench.jmh;

import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Gemm#sgemm}, Kairo's one matrix-product entry point, into a preallocated C, in
 * products per second. {@code square}: {@code C = A·B} for n x n operands, W1's product at
 * n = 256 and 1024, and at n = 64, where the per-call costs (copying the operands into native
 * memory for OpenBLAS, splitting over threads) weigh most. {@code skinny}: W2's first layer,
 * [128, 784]·[784, 256], called as {@code Linear} calls it (the weight stored [256, 784] and
 * passed with the transpose flag). GFLOP/s = ops/s x 2·m·n·k / 1e9: ops/s x 5.24e-4 at
 * n = 64, x 0.0336 at 256, x 2.147 at 1024, x 0.0514 for the skinny product.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MatmulBench {
  /** Square n x n operands, uniform in [0, 1). */
  @State(Scope.Thread)
  public static class Square {
    @Param({"64", "256", "1024"})
    public int n;

    float[] a;
    float[] b;
    float[] c;

    @Setup
    public void setUp() {
      a = Tensor.uniform(0, 1, 1, n, n).toArray();
      b = Tensor.uniform(0, 1, 2, n, n).toArray();
      c = new float[n * n];
    }
  }

  /** W2's first layer: a batch of 128 images of 784 pixels into 256 units. */
  @State(Scope.Thread)
  public static class Skinny {
    static final int M = 128;
    static final int K = 784;
    static final int N = 256;

    final float[] x = Tensor.uniform(0, 1, 3, M, K).toArray();
    final float[] w = Tensor.uniform(-0.05, 0.05, 4, N, K).toArray();
    final float[] y = new float[M * N];
  }

  @Benchmark
  public float[] square(Square s) {
    Gemm.sgemm(false, false, s.n, s.n, s.n, 1f, s.a, 0, s.n, s.b, 0, s.n, 0f, s.c, 0, s.n);
    return s.c;
  }

  @Benchmark
  public float[] skinny(Skinny s) {
    Gemm.sgemm(false, true, Skinny.M, Skinny.N, Skinny.K, 1f, s.x, 0, Skinny.K, s.w, 0, Skinny.K,
        0f, s.y, 0, Skinny.N);
    return s.y;
  }
}
