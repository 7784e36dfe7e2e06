package dev.kairo.bench.jmh;

import dev.kairo.autograd.Variable;
import dev.kairo.nn.Conv2d;
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
 * {@link Conv2d#forward} of the two convolutions of W3's CNN, and forward plus backward, in
 * microseconds per call: {@code conv1} is 1 → 32 channels, 3x3, padding 1, on 28x28 images;
 * {@code conv2} is 32 → 64 channels, 3x3, padding 1, on 14x14 maps. As in a W3 training step,
 * the forward records the graph (the weights require gradients), conv1's input is data (no
 * input gradient) and conv2's input gets one. The batch is 32 by default, a quarter of W3's
 * 128, to keep runs short ({@code -p batch=128} for W3's).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ConvBench {
  @Param({"conv1", "conv2"})
  public String layer;

  @Param({"32"})
  public int batch;

  private Conv2d conv;
  private Variable x;
  private Tensor gy;

  @Setup
  public void setUp() {
    boolean first = layer.equals("conv1");
    int in = first ? 1 : 32;
    int out = first ? 32 : 64;
    int side = first ? 28 : 14;
    conv = Conv2d.builder(in, out, 3).padding(1).seed(0).build();
    Tensor data = Tensor.uniform(0, 1, 1, batch, in, side, side);
    x = first ? Variable.of(data) : new Variable(data);
    gy = Tensor.uniform(-1, 1, 2, batch, out, side, side);
  }

  @Benchmark
  public Variable forward() {
    return conv.forward(x);
  }

  /** Forward, then backward with a fixed upstream gradient; returns the weight gradient. */
  @Benchmark
  public Tensor forwardBackward() {
    conv.zeroGrad();
    x.zeroGrad();
    conv.forward(x).backward(gy);
    return conv.weight.grad();
  }
}
