package dev.kairo.bench.jmh;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.nn.LSTM;
import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.Map;
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
 * The LSTM of W4 (batch 128, 28 input features, 128 hidden units), in microseconds per call.
 * {@code step}: one time step, {@link F#lstmCell} with the weights of an {@link LSTM} layer,
 * the graph recorded as in training. {@code sequenceForward}: {@link LSTM#forwardWithState}
 * over {@code steps} time steps (28 by default, one per image row as in W4), the fused
 * sequence kernel. {@code sequenceForwardBackward}: the same, then backward from the last
 * hidden state with a fixed upstream gradient, which is where W4's classifier reads it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class LstmStepBench {
  private static final int BATCH = 128;
  private static final int INPUT = 28;
  private static final int HIDDEN = 128;

  @Param({"28"})
  public int steps;

  private LSTM lstm;
  private Parameter wIh;
  private Parameter wHh;
  private Parameter bIh;
  private Parameter bHh;
  private Variable x;
  private Variable h;
  private Variable c;
  private Variable sequence;
  private Tensor gy;

  @Setup
  public void setUp() {
    lstm = LSTM.builder(INPUT, HIDDEN).seed(0).build();
    Map<String, Parameter> p = lstm.namedParameters();
    wIh = p.get("weight_ih_l0");
    wHh = p.get("weight_hh_l0");
    bIh = p.get("bias_ih_l0");
    bHh = p.get("bias_hh_l0");
    x = Variable.of(Tensor.uniform(0, 1, 1, BATCH, INPUT));
    h = Variable.of(Tensor.uniform(-0.5, 0.5, 2, BATCH, HIDDEN));
    c = Variable.of(Tensor.uniform(-0.5, 0.5, 3, BATCH, HIDDEN));
    sequence = Variable.of(Tensor.uniform(0, 1, 4, BATCH, steps, INPUT));
    gy = Tensor.uniform(-1, 1, 5, 1, BATCH, HIDDEN);
  }

  /** Returns {h', c'}. */
  @Benchmark
  public Variable[] step() {
    return F.lstmCell(x, h, c, wIh, wHh, bIh, bHh);
  }

  @Benchmark
  public Variable sequenceForward() {
    return lstm.forwardWithState(sequence).h();
  }

  /** Returns the gradient of the recurrent weights. */
  @Benchmark
  public Tensor sequenceForwardBackward() {
    lstm.zeroGrad();
    lstm.forwardWithState(sequence).h().backward(gy);
    return wHh.grad();
  }
}
