package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PredictorTest {
  /** W2's shape, scaled down: Flatten, 3 Linear layers with ReLU, a nested container. */
  private static Sequential mlp() {
    SplittableRandom rng = new SplittableRandom(5);
    return new Sequential(new Flatten(), new Linear(64, 96, true, rng), Activation.relu(),
        new Sequential(new Linear(96, 40, true, rng), Activation.leakyRelu(0.05)),
        new Linear(40, 10, true, rng));
  }

  private static Tensor forward(Module model, Tensor x) {
    try (NoGrad g = NoGrad.enter()) {
      return model.forward(Variable.of(x)).data();
    }
  }

  private static void assertClose(Tensor actual, Tensor expected) {
    assertThat(actual.shape()).containsExactly(expected.shape());
    float[] a = actual.denseData();
    float[] e = expected.denseData();
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as("element %d", i).isCloseTo(e[i], Offset.offset(1e-5f));
    }
  }

  @Test
  void aPlainMlpIsPackedAndPredictsWhatTheModelComputes() {
    Sequential net = mlp();
    Predictor predictor = Predictor.of(net);
    assertThat(predictor.packed()).isTrue();
    assertThat(predictor.toString()).isEqualTo("Predictor(packed MLP 64 -> 10)");
    Tensor one = Tensor.uniform(0, 1, 11, 1, 64);
    assertClose(predictor.predict(one), forward(net, one));
    Tensor batch = Tensor.uniform(0, 1, 12, 32, 64);
    assertClose(predictor.predict(batch), forward(net, batch));
    // Images go through the model's leading Flatten.
    Tensor images = Tensor.uniform(0, 1, 13, 3, 1, 8, 8);
    assertThat(predictor.predict(images).shape()).containsExactly(3, 10);
    assertClose(predictor.predict(images), forward(net, images));
  }

  @Test
  void probabilitiesAreTheSoftmaxOfThePrediction() {
    Sequential net = mlp();
    Predictor predictor = Predictor.of(net);
    Tensor x = Tensor.uniform(0, 1, 14, 4, 64);
    Tensor p = predictor.probabilities(x);
    Tensor expected;
    try (NoGrad g = NoGrad.enter()) {
      expected = F.softmax(net.forward(Variable.of(x))).data();
    }
    assertClose(p, expected);
    // One sample takes the one-row path (panels, softmax in place): the same row.
    Tensor first = Tensor.of(java.util.Arrays.copyOf(x.denseData(), 64), 1, 64);
    Tensor expectedFirst = Tensor.of(java.util.Arrays.copyOf(expected.denseData(), 10), 1, 10);
    assertClose(predictor.probabilities(first), expectedFirst);
    for (int r = 0; r < 4; r++) {
      double sum = 0;
      for (int c = 0; c < 10; c++) {
        sum += p.get(r, c);
      }
      assertThat(sum).isCloseTo(1.0, Offset.offset(1e-5));
    }
  }

  @Test
  void aPackedPredictorKeepsTheWeightsItWasMadeWith() {
    Sequential net = mlp();
    Predictor before = Predictor.of(net);
    Tensor x = Tensor.uniform(0, 1, 15, 1, 64);
    Tensor old = before.predict(x);
    Linear first = (Linear) net.get(1);
    first.weight.data().fill(0.01f);
    assertThat(before.predict(x).denseData()).containsExactly(old.denseData());
    Predictor after = Predictor.of(net);
    assertClose(after.predict(x), forward(net, x));
    assertThat(after.predict(x).denseData()).isNotEqualTo(old.denseData());
  }

  @Test
  void anyOtherModelRunsAsItselfAndSaysWhy() {
    SplittableRandom rng = new SplittableRandom(6);
    Sequential net = new Sequential(new Linear(8, 16, true, rng), new Dropout(0.5, 1),
        Activation.relu(), new Linear(16, 3, true, rng));
    net.eval();
    Predictor predictor = Predictor.of(net);
    assertThat(predictor.packed()).isFalse();
    assertThat(predictor.toString()).startsWith("Predictor(runs Sequential.forward: layer ")
        .contains("is not a Linear, a Flatten or one of the activations");
    Tensor x = Tensor.uniform(0, 1, 16, 5, 8);
    assertThat(predictor.predict(x).denseData()).containsExactly(forward(net, x).denseData());
  }

  @Test
  void anInputOfTheWrongWidthNamesBothShapesAndTheLayer() {
    Predictor predictor = Predictor.of(mlp());
    assertThatThrownBy(() -> predictor.predict(Tensor.zeros(2, 63)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Predictor: input [2, 63] does not fit the model's first layer, "
            + "Linear(64 -> 96), which takes [batch, 64] (batch at least 1)");
    assertThatThrownBy(() -> predictor.predict(Tensor.zeros(2, 1, 7, 7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Predictor: input [2, 1, 7, 7] (flattened: [2, 49]) does not fit");
    SplittableRandom rng = new SplittableRandom(7);
    Predictor noFlatten = Predictor.of(new Sequential(new Linear(49, 3, true, rng)));
    assertThatThrownBy(() -> noFlatten.predict(Tensor.zeros(2, 1, 7, 7)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("; the model does not start with Flatten, so it takes rank-2 "
            + "inputs only");
  }
}
