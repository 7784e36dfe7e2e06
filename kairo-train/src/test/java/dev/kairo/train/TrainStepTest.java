package dev.kairo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.autograd.Variable;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Dropout;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Parameter;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.Sgd;
import dev.kairo.optim.WeightDecay;
import dev.kairo.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A compiled {@link TrainStep} must give the recorded five-line loop's numbers bit for bit:
 * the same losses, gradients and parameters after every step.
 */
class TrainStepTest {
  private static final int IN = 3;
  private static final int CLASSES = 4;

  /** in-8-act-6-act-out, seeded, so two calls build identical networks. */
  private static Sequential net(String activation, double arg, int out, boolean lastBias) {
    SplittableRandom rng = new SplittableRandom(42);
    return new Sequential(new Linear(IN, 8, true, rng), Activation.of(activation, arg),
        new Sequential(new Linear(8, 6, true, rng), Activation.of(activation, arg)),
        new Linear(6, out, lastBias, rng));
  }

  private static Tensor inputs(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[rows * IN];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rng.nextDouble() * 4 - 2);
    }
    return Tensor.of(v, rows, IN);
  }

  private static int[] labels(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = rng.nextInt(CLASSES);
    }
    return y;
  }

  private static Tensor targets(int rows, int width, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[rows * width];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return Tensor.of(v, rows, width);
  }

  private static Optimizer optimizer(String name, List<Parameter> params) {
    switch (name) {
      case "sgd-l2":
        Optimizer sgd = new Sgd(params, 0.05);
        sgd.addHook(WeightDecay.weightsOnly(0.01));
        return sgd;
      case "momentum":
        return new Sgd(params, 0.05, 0.9, true);
      default:
        return new Adam(params, 0.01);
    }
  }

  @ParameterizedTest(name = "{0}({1}) {2} {3}")
  @CsvSource({
      "relu, NaN, SOFTMAX_CROSS_ENTROPY, sgd-l2",
      "tanh, NaN, SOFTMAX_CROSS_ENTROPY_SUM, sgd-l2",
      "sigmoid, NaN, SOFTMAX_CROSS_ENTROPY, adam",
      "leaky_relu, 0.1, SOFTMAX_CROSS_ENTROPY_SUM, momentum",
      "identity, NaN, SOFTMAX_CROSS_ENTROPY, momentum",
      "relu, NaN, MEAN_SQUARED_ERROR, adam",
      "tanh, NaN, HALF_SUM_SQUARED_ERROR, sgd-l2",
      "sigmoid, NaN, HALF_SUM_SQUARED_ERROR, momentum",
      "leaky_relu, 0.2, MEAN_SQUARED_ERROR, sgd-l2",
  })
  void compiledStepMatchesTheRecordedLoopBitForBit(String act, double arg, StepLoss loss,
      String opt) {
    int out = loss.takesLabels() ? CLASSES : 2;
    Sequential eagerNet = net(act, arg, out, true);
    Sequential compiledNet = net(act, arg, out, true);
    Optimizer eagerOpt = optimizer(opt, eagerNet.parameters());
    TrainStep step = TrainStep.of(compiledNet, loss, optimizer(opt, compiledNet.parameters()));
    assertThat(step.compiled()).as(step.toString()).isTrue();
    // Batch sizes change between steps (a loader's short last batch), one row included.
    int[] rows = {16, 16, 5, 1, 16, 5, 7};
    for (int k = 0; k < rows.length; k++) {
      Tensor x = inputs(rows[k], k);
      int[] y = labels(rows[k], 100 + k);
      Tensor t = targets(rows[k], out, 200 + k);
      Variable l = loss.eager(eagerNet.forward(Variable.of(x)), y, t);
      eagerOpt.zeroGrad();
      l.backward();
      eagerOpt.step();
      float compiledLoss = loss.takesLabels() ? step.run(x, y) : step.run(x, t);
      assertThat(Float.floatToIntBits(compiledLoss)).as("loss at step %d", k)
          .isEqualTo(Float.floatToIntBits(l.item()));
      assertSameParameters(eagerNet, compiledNet, "step " + k);
    }
  }

  private static void assertSameParameters(Module expected, Module actual, String when) {
    List<Parameter> e = expected.parameters();
    List<Parameter> a = actual.parameters();
    for (int i = 0; i < e.size(); i++) {
      assertThat(a.get(i).data().toArray()).as("parameter %d after %s", i, when)
          .containsExactly(e.get(i).data().toArray());
      assertThat(a.get(i).grad().toArray()).as("gradient %d after %s", i, when)
          .containsExactly(e.get(i).grad().toArray());
    }
  }

  @Test
  void aLayerWithoutBiasAndAWeightReplacedBetweenStepsAreFollowed() {
    Sequential eagerNet = net("relu", Double.NaN, CLASSES, false);
    Sequential compiledNet = net("relu", Double.NaN, CLASSES, false);
    Optimizer eagerOpt = new Sgd(eagerNet.parameters(), 0.1);
    TrainStep step = TrainStep.of(compiledNet, StepLoss.SOFTMAX_CROSS_ENTROPY,
        new Sgd(compiledNet.parameters(), 0.1));
    Tensor x = inputs(9, 1);
    int[] y = labels(9, 2);
    for (int k = 0; k < 3; k++) {
      if (k == 1) { // loading weights swaps the tensor a compiled step must read
        Tensor w = Tensor.ones(8, IN);
        ((Linear) eagerNet.get(0)).weight.setData(w);
        ((Linear) compiledNet.get(0)).weight.setData(Tensor.ones(8, IN));
      }
      Variable l = StepLoss.SOFTMAX_CROSS_ENTROPY.eager(eagerNet.forward(Variable.of(x)), y,
          null);
      eagerOpt.zeroGrad();
      l.backward();
      eagerOpt.step();
      assertThat(step.run(x, y)).isEqualTo(l.item());
      assertSameParameters(eagerNet, compiledNet, "step " + k);
    }
  }

  @Test
  void aLeadingFlattenTakesImagesAsRows() {
    // An image MLP (ImageClassifiers.mlp's shape): [batch, 3, 2, 2] inputs, flattened.
    SplittableRandom r1 = new SplittableRandom(21);
    SplittableRandom r2 = new SplittableRandom(21);
    Sequential a = new Sequential(new Flatten(), new Linear(12, 8, true, r1), Activation.relu(),
        new Flatten(), new Linear(8, CLASSES, true, r1));
    Sequential b = new Sequential(new Flatten(), new Linear(12, 8, true, r2), Activation.relu(),
        new Flatten(), new Linear(8, CLASSES, true, r2));
    TrainStep step = TrainStep.of(a, StepLoss.SOFTMAX_CROSS_ENTROPY, new Adam(a.parameters(), 0.01));
    Optimizer eagerOpt = new Adam(b.parameters(), 0.01);
    assertThat(step.compiled()).as(step.toString()).isTrue();
    for (int k = 0; k < 4; k++) {
      Tensor x = Tensor.of(inputs(4 * 6, k).toArray(), 6, 3, 2, 2);
      Tensor rows = k % 2 == 0 ? x : Tensor.of(x.toArray(), 6, 12); // images, then rows
      int[] y = labels(6, 30 + k);
      Variable l = StepLoss.SOFTMAX_CROSS_ENTROPY.eager(b.forward(Variable.of(rows)), y, null);
      eagerOpt.zeroGrad();
      l.backward();
      eagerOpt.step();
      assertThat(step.run(rows, y)).isEqualTo(l.item());
      assertSameParameters(b, a, "step " + k);
    }
    assertThatThrownBy(() -> step.run(Tensor.zeros(6, 3, 2, 3), new int[6]))
        .hasMessageContaining("Linear");
  }

  @Test
  void aLayerAddedAfterwardsIsFollowed() {
    SplittableRandom r1 = new SplittableRandom(5);
    SplittableRandom r2 = new SplittableRandom(5);
    Sequential a = new Sequential(new Linear(IN, CLASSES, true, r1));
    Sequential b = new Sequential(new Linear(IN, CLASSES, true, r2));
    Optimizer eagerOpt = new Sgd(b.parameters(), 0.1);
    TrainStep step = TrainStep.of(a, StepLoss.SOFTMAX_CROSS_ENTROPY, new Sgd(a.parameters(), 0.1));
    Tensor x = inputs(5, 8);
    int[] y = labels(5, 9);
    step.run(x, y);
    Variable l = StepLoss.SOFTMAX_CROSS_ENTROPY.eager(b.forward(Variable.of(x)), y, null);
    eagerOpt.zeroGrad();
    l.backward();
    eagerOpt.step();
    a.add(Activation.tanh());
    b.add(Activation.tanh());
    for (int k = 0; k < 2; k++) {
      l = StepLoss.SOFTMAX_CROSS_ENTROPY.eager(b.forward(Variable.of(x)), y, null);
      eagerOpt.zeroGrad();
      l.backward();
      eagerOpt.step();
      assertThat(step.run(x, y)).isEqualTo(l.item());
      assertThat(step.compiled()).isTrue();
      assertSameParameters(b, a, "a tanh added, step " + k);
    }
  }

  @Test
  void theThreePartsGoInOrderAndShowTheOutput() {
    Sequential net = net("tanh", Double.NaN, CLASSES, true);
    Sequential twin = net("tanh", Double.NaN, CLASSES, true);
    TrainStep step = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY,
        new Sgd(net.parameters(), 0.1));
    assertThatThrownBy(step::backward).hasMessageContaining("call forward first");
    assertThatThrownBy(step::output).hasMessageContaining("no forward yet");
    Tensor x = inputs(6, 3);
    float before = step.forward(x, labels(6, 4));
    // The output is the model's, and nothing is updated until update().
    assertThat(step.output().toArray())
        .containsExactly(twin.forward(Variable.of(x)).data().toArray());
    assertThat(net.parameters().get(0).data().toArray())
        .containsExactly(twin.parameters().get(0).data().toArray());
    assertThatThrownBy(step::update).hasMessageContaining("call backward first");
    step.backward();
    assertThatThrownBy(step::backward).hasMessageContaining("call forward first");
    step.update();
    assertThat(step.forward(x, labels(6, 4))).isLessThan(before);
  }

  @Test
  void otherModelsRunTheRecordedWayAndSayWhy() {
    SplittableRandom rng = new SplittableRandom(1);
    Sequential withDropout = new Sequential(new Linear(IN, 5, true, rng), new Dropout(0.5, 3),
        new Linear(5, CLASSES, true, rng));
    TrainStep step = TrainStep.of(withDropout, StepLoss.SOFTMAX_CROSS_ENTROPY,
        new Sgd(withDropout.parameters(), 0.1));
    assertThat(step.compiled()).isFalse();
    assertThat(step.toString()).contains("recorded").contains("Dropout");
    float before = step.run(inputs(32, 5), labels(32, 6));
    for (int k = 0; k < 50; k++) {
      step.run(inputs(32, 5), labels(32, 6));
    }
    assertThat(step.run(inputs(32, 5), labels(32, 6))).isLessThan(before);

    Sequential net = net("tanh", Double.NaN, CLASSES, true);
    List<Parameter> lastLayerOnly = ((Linear) net.get(3)).parameters();
    TrainStep partial = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY,
        new Sgd(lastLayerOnly, 0.1));
    assertThat(partial.compiled()).isFalse();
    assertThat(partial.toString()).contains("does not update every parameter");

    Linear shared = new Linear(4, 4, true, rng);
    Sequential twice = new Sequential(new Linear(IN, 4, true, rng), shared, Activation.relu(),
        shared);
    TrainStep sharedStep = TrainStep.of(twice, StepLoss.MEAN_SQUARED_ERROR,
        new Sgd(twice.parameters(), 0.1));
    assertThat(sharedStep.compiled()).isFalse();
    assertThat(sharedStep.toString()).contains("appears twice");

    Function<Module, TrainStep> sigmoidT = m -> TrainStep.of(m, StepLoss.MEAN_SQUARED_ERROR,
        new Sgd(m.parameters(), 0.1));
    Sequential tempered = new Sequential(new Linear(IN, 2, true, rng), Activation.sigmoid(2.0));
    assertThat(sigmoidT.apply(tempered).compiled()).isFalse();
  }

  @Test
  void badInputGetsTheOpsErrors() {
    Sequential net = net("relu", Double.NaN, CLASSES, true);
    TrainStep step = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY,
        new Sgd(net.parameters(), 0.1));
    float[] before = ((Linear) net.get(0)).weight.data().toArray();
    assertThatThrownBy(() -> step.run(Tensor.zeros(4, IN + 1), new int[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Linear").hasMessageContaining("[4, 4]");
    assertThatThrownBy(() -> step.run(inputs(3, 1), new int[] {0, CLASSES, 1}))
        .hasMessageContaining("label " + CLASSES + " at row 1");
    assertThatThrownBy(() -> step.run(inputs(3, 1), new int[] {0, 1}))
        .hasMessageContaining("2 labels for 3 rows");
    assertThatThrownBy(() -> step.run(inputs(3, 1), Tensor.zeros(3, CLASSES)))
        .hasMessageContaining("takes class labels");
    // A refused step changes nothing.
    assertThat(((Linear) net.get(0)).weight.data().toArray()).containsExactly(before);

    TrainStep regression = TrainStep.of(net, StepLoss.MEAN_SQUARED_ERROR,
        new Sgd(net.parameters(), 0.1));
    assertThatThrownBy(() -> regression.run(inputs(3, 1), Tensor.zeros(3, 2)))
        .hasMessageContaining("meanSquaredError");
    assertThatThrownBy(() -> TrainStep.of(net, null, new Sgd(net.parameters(), 0.1)))
        .hasMessageContaining("must all be given");
    assertThatThrownBy(() -> step.run(inputs(3, 1), (int[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels must be given");
    assertThatThrownBy(() -> step.run(null, new int[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no inputs");
  }
}
