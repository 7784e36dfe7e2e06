package dev.kairo.bench.jmh;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
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
 * The fused softmax cross-entropy, {@link F#softmaxCrossEntropy}, on logits [128, classes], in
 * microseconds per call: {@code forward} on constant logits (the loss alone, as in
 * evaluation), {@code forwardBackward} on logits that require a gradient, then
 * {@code backward()} from the scalar loss, as every training step does. 10 classes is the
 * loss of W2, W3 and W4 (batch 128, Fashion-MNIST); 1000 classes is an ImageNet-sized head,
 * where the per-row exponentials dominate instead of the per-call overhead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class SoftmaxCrossEntropyBench {
  private static final int BATCH = 128;

  @Param({"10", "1000"})
  public int classes;

  private Variable constant;
  private Variable trained;
  private int[] labels;

  @Setup
  public void setUp() {
    Tensor logits = Tensor.normal(0, 3, 1, BATCH, classes);
    constant = Variable.of(logits);
    trained = new Variable(logits);
    SplittableRandom rng = new SplittableRandom(2);
    labels = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = rng.nextInt(classes);
    }
  }

  @Benchmark
  public float forward() {
    return F.softmaxCrossEntropy(constant, labels).item();
  }

  /** Returns the gradient of the logits. */
  @Benchmark
  public Tensor forwardBackward() {
    trained.zeroGrad();
    F.softmaxCrossEntropy(trained, labels).backward();
    return trained.grad();
  }
}
