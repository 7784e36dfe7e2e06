package dev.kairo.bench.jmh;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.ActivationKernels;
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
 * Element-wise kernels, in microseconds per call, each allocating its output as the library
 * does: {@code add} is {@link Tensor#add(Tensor)} of two tensors of the same shape;
 * {@code reluForward} is {@link F#relu} on a constant; {@code reluBackward} is ReLU's
 * gradient mask, {@link ActivationKernels#maskNonPositive} with slope 0, the kernel
 * {@code Relu.backward} calls. 32K floats is W2's first hidden layer for a batch of 128
 * (128 x 256); 1M floats is the order of W3's feature maps for a batch of 128 (128 x 32 x 14
 * x 14 = 0.8M after the first pool), where memory bandwidth and the split over threads show.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ElementwiseBench {
  @Param({"32768", "1048576"})
  public int size;

  private Tensor a;
  private Tensor b;
  private Variable x;

  @Setup
  public void setUp() {
    a = Tensor.uniform(-1, 1, 1, size);
    b = Tensor.uniform(-1, 1, 2, size);
    x = Variable.of(a);
  }

  @Benchmark
  public Tensor add() {
    return a.add(b);
  }

  @Benchmark
  public Variable reluForward() {
    return F.relu(x);
  }

  /** The upstream gradient b passed where the input a is positive. */
  @Benchmark
  public Tensor reluBackward() {
    return ActivationKernels.maskNonPositive(b, a, 0f);
  }
}
