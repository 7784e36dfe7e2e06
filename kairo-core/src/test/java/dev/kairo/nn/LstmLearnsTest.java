package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * "Learns" tests on seeded toy sequence tasks, each a few hundred Adam steps (well under a few
 * seconds): an LSTM classifies the sign of a running sum from its last hidden state, and a GRU
 * predicts the next value of a sine wave from the whole window.
 */
class LstmLearnsTest {
  private static final int T = 12;

  /** x [n, T, 1] uniform in ±1; label 1 when the sum over time is positive. */
  private static Tensor sequences(SplittableRandom rng, int n, int[] labels) {
    float[] x = new float[n * T];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int t = 0; t < T; t++) {
        float v = (float) (rng.nextDouble() * 2 - 1);
        x[i * T + t] = v;
        s += v;
      }
      labels[i] = s > 0 ? 1 : 0;
    }
    return Tensor.of(x, n, T, 1);
  }

  @Test
  void lstmLearnsTheSignOfASum() {
    LSTM lstm = LSTM.builder(1, 16).seed(1).build();
    Linear head = new Linear(16, 2, true, new SplittableRandom(2));
    java.util.List<Parameter> params = new java.util.ArrayList<>(lstm.parameters());
    params.addAll(head.parameters());
    Optimizer opt = new Adam(params, 0.01);
    SplittableRandom rng = new SplittableRandom(3);
    int[] labels = new int[64];
    for (int step = 0; step < 600; step++) {
      Tensor x = sequences(rng, 64, labels);
      Variable h = F.reshape(lstm.forwardWithState(Variable.of(x)).h(), 64, 16);
      Variable loss = F.softmaxCrossEntropy(head.forward(h), labels);
      opt.zeroGrad();
      loss.backward();
      opt.step();
    }
    int[] test = new int[2000];
    Tensor x = sequences(new SplittableRandom(99), 2000, test);
    int correct = 0;
    try (NoGrad g = NoGrad.enter()) {
      Variable h = F.reshape(lstm.forwardWithState(Variable.of(x)).h(), 2000, 16);
      Tensor pred = head.forward(h).data().argmax(1);
      for (int i = 0; i < test.length; i++) {
        correct += (int) pred.get(i) == test[i] ? 1 : 0;
      }
    }
    double acc = correct / 2000.0;
    System.out.println("LSTM sum-sign test accuracy " + acc);
    assertThat(acc).as("test accuracy after 600 steps").isGreaterThan(0.95);
  }

  @Test
  void gruPredictsTheNextSineValue() {
    GRU gru = GRU.builder(1, 12).seed(4).build();
    Linear head = new Linear(12, 1, true, new SplittableRandom(5));
    java.util.List<Parameter> params = new java.util.ArrayList<>(gru.parameters());
    params.addAll(head.parameters());
    Optimizer opt = new Adam(params, 0.01);
    SplittableRandom rng = new SplittableRandom(6);
    double first = 0;
    double last = 0;
    for (int step = 0; step < 200; step++) {
      float[] x = new float[32 * T];
      float[] y = new float[32];
      for (int i = 0; i < 32; i++) {
        double phase = rng.nextDouble() * 2 * Math.PI;
        double freq = 0.3 + 0.4 * rng.nextDouble();
        for (int t = 0; t < T; t++) {
          x[i * T + t] = (float) Math.sin(phase + freq * t);
        }
        y[i] = (float) Math.sin(phase + freq * T);
      }
      Variable h = F.reshape(gru.forwardWithState(Variable.of(Tensor.of(x, 32, T, 1))).h(), 32, 12);
      Variable loss = F.meanSquaredError(head.forward(h), Variable.of(Tensor.of(y, 32, 1)));
      opt.zeroGrad();
      loss.backward();
      opt.step();
      if (step < 10) {
        first += loss.item() / 10;
      } else if (step >= 190) {
        last += loss.item() / 10;
      }
    }
    System.out.println("GRU next-sine MSE " + first + " -> " + last);
    assertThat(last).as("MSE of the last 10 steps vs the first 10").isLessThan(first / 20);
  }
}
