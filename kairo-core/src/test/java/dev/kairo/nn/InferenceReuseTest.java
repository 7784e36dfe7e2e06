package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A {@link Sequential} under {@link NoGrad} reuses its layers' output arrays from call to call
 * (see {@code dev.kairo.tensor.Workspace}): results must be the same bits as with a graph, a
 * result already handed out must never change, and threads sharing one model must not see
 * each other's numbers.
 */
class InferenceReuseTest {
  /** Every kind of layer the reuse allows, with a nested Sequential. */
  private static Sequential network() {
    SplittableRandom rng = new SplittableRandom(3);
    Sequential net = new Sequential(
        new Linear(6, 16, true, rng), Activation.relu(), new BatchNorm(16),
        new Sequential(new Linear(16, 12, true, rng), Activation.tanh()), new Dropout(0.3, 1),
        new LayerNorm(12), new Flatten(), new Linear(12, 4, true, rng), Activation.softmax());
    // Running statistics that are not the identity, so eval-mode BatchNorm does arithmetic.
    BatchNorm bn = (BatchNorm) net.get(2);
    bn.namedBuffers().forEach((name, t) -> t.fill(name.contains("var") ? 2f : 0.5f));
    net.eval();
    return net;
  }

  private static Tensor withGraph(Sequential net, Tensor x) {
    return net.forward(new Variable(x.copy(), true)).data(); // a graph: no reuse
  }

  @Test
  void resultsMatchTheGraphAndEarlierResultsStayAsTheyWere() {
    Sequential net = network();
    Tensor a = Tensor.normal(0, 1, 1L, 5, 6);
    Tensor b = Tensor.normal(0, 1, 2L, 1, 6);
    Tensor c = Tensor.normal(0, 1, 3L, 5, 6);
    float[] wantA = withGraph(net, a).toArray();
    float[] wantB = withGraph(net, b).toArray();
    float[] wantC = withGraph(net, c).toArray();
    try (NoGrad g = NoGrad.enter()) {
      Tensor gotA = net.forward(Variable.of(a)).data();
      Tensor gotB = net.forward(Variable.of(b)).data();
      Tensor gotC = net.forward(Variable.of(c)).data();
      Tensor gotA2 = net.forward(Variable.of(a)).data();
      assertThat(gotA.toArray()).containsExactly(wantA);
      assertThat(gotB.toArray()).containsExactly(wantB);
      assertThat(gotC.toArray()).containsExactly(wantC);
      assertThat(gotA2.toArray()).containsExactly(wantA);
    }
  }

  @Test
  void threadsSharingOneModelGetTheirOwnNumbers() throws Exception {
    Sequential net = network();
    List<Tensor> inputs = new ArrayList<>();
    List<float[]> wanted = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Tensor x = Tensor.normal(0, 1, 10L + i, 1 + 3 * i, 6);
      inputs.add(x);
      wanted.add(withGraph(net, x).toArray());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int which = t;
        results.add(pool.submit(() -> {
          try (NoGrad g = NoGrad.enter()) {
            for (int call = 0; call < 300; call++) {
              int i = (which + call) % 4;
              float[] got = net.forward(Variable.of(inputs.get(i))).data().toArray();
              if (!java.util.Arrays.equals(got, wanted.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A layer of the user's that keeps what it sees: its arrays must not be reused. */
  private static final class Recorder extends Module {
    final List<Tensor> seen = new ArrayList<>();

    @Override
    public Variable forward(Variable x) {
      seen.add(x.data());
      return x;
    }
  }

  @Test
  void aLayerOutsideTheKnownOnesTurnsReuseOff() {
    SplittableRandom rng = new SplittableRandom(5);
    Recorder recorder = new Recorder();
    Sequential net = new Sequential(new Linear(3, 8, true, rng), Activation.tanh(), recorder,
        new Linear(8, 2, true, rng));
    Tensor a = Tensor.normal(0, 1, 7L, 4, 3);
    Tensor b = Tensor.normal(0, 1, 8L, 4, 3);
    try (NoGrad g = NoGrad.enter()) {
      net.forward(Variable.of(a));
      float[] hiddenA = recorder.seen.get(0).toArray();
      net.forward(Variable.of(b));
      assertThat(recorder.seen.get(0).toArray()).containsExactly(hiddenA);
      assertThat(recorder.seen.get(1).toArray()).isNotEqualTo(hiddenA);
    }
  }
}
