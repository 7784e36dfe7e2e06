package dev.kairo.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Functions whose maths is subtle, checked against values computed independently in float64
 * by {@code src/test/resources/golden/make_golden.py} (Python standard library only).
 */
class FunctionGoldenTest {
  private static final float[] X = {-4.0f, -2.5f, -1.0f, -0.3f, 0.0f, 0.4f, 1.0f, 2.2f, 3.7f};
  private static final double[] GELU = {-0.00012668496733247991, -0.015524163314440398,
      -0.15865525393145707, -0.1146265733433142, 0.0, 0.2621686966441297, 0.8413447460685429,
      2.1694124154703034, 3.699601140986134};
  private static final double[] GELU_GRAD = {-0.0005036496612264215, -0.03761108590814519,
      -0.08331547058768629, 0.26767223317289013, 0.5, 0.8027297977316535, 1.0833154705876864,
      1.0641406567482106, 1.0014638872675603};
  private static final double[] SELU = {-1.7258986281898945, -1.6137857588732423,
      -1.1113307378125625, -0.4556673153791221, 0.0, 0.4202803949421922, 1.0507009873554805,
      2.3115421721820573, 3.8875936532152777};
  // At x = 0 Kairo, like PyTorch, uses the left-hand derivative λα (x > 0 is the linear branch).
  private static final double[] SELU_GRAD = {0.03220071265748214, 0.1443135819741343,
      0.646768603034814, 1.3024320254682547, 1.7580993408473766, 1.0507009873554805,
      1.0507009873554805, 1.0507009873554805, 1.0507009873554805};
  private static final float[][] LOGITS = {{1, 2, 3}, {1000, 0, -1000}, {-5, 5, 0.5f},
      {0.1f, 0.1f, 0.1f}};
  private static final int[] LABELS = {2, 1, 0, 1};
  private static final double[] LOG_SOFTMAX = {-2.4076059644443806, -1.4076059644443806,
      -0.4076059644443806, 0.0, -1000.0, -2000.0, -10.011092644963906, -0.011092644963906828,
      -4.511092644963907, -1.0986122886681098, -1.0986122886681098, -1.0986122886681098};
  private static final double CROSS_ENTROPY = 252.87932772451913;
  private static final double[] CROSS_ENTROPY_GRAD = {0.02250764329259511, 0.061182117763699397,
      -0.08368976105629458, 0.25, -0.25, 0.0, -0.2499887752231704, 0.2472421628915013,
      0.0027466123316692284, 0.08333333333333333, -0.16666666666666669, 0.08333333333333333};

  private static void assertClose(float[] actual, double[] expected, double tol) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("element %d", i)
          .isCloseTo(expected[i], within(tol * Math.max(1, Math.abs(expected[i]))));
    }
  }

  @Test
  void geluMatchesErfFormAndItsDerivative() {
    Variable x = new Variable(Tensor.vector(X));
    Variable y = F.gelu(x);
    y.backward(Tensor.ones(X.length));
    assertClose(y.data().toArray(), GELU, 1e-6);
    assertClose(x.grad().toArray(), GELU_GRAD, 1e-6);
  }

  @Test
  void seluMatchesItsConstants() {
    Variable x = new Variable(Tensor.vector(X));
    Variable y = F.selu(x);
    y.backward(Tensor.ones(X.length));
    assertClose(y.data().toArray(), SELU, 1e-6);
    assertClose(x.grad().toArray(), SELU_GRAD, 1e-6);
  }

  @Test
  void logSoftmaxIsExactForHugeLogits() {
    Variable y = F.logSoftmax(Variable.of(Tensor.matrix(LOGITS)));
    assertClose(y.data().toArray(), LOG_SOFTMAX, 1e-6);
  }

  @Test
  void softmaxCrossEntropyIsStableAndExact() {
    Variable logits = new Variable(Tensor.matrix(LOGITS));
    Variable loss = F.softmaxCrossEntropy(logits, LABELS);
    loss.backward();
    assertThat((double) loss.item()).isCloseTo(CROSS_ENTROPY, within(1e-6 * CROSS_ENTROPY));
    assertClose(logits.grad().toArray(), CROSS_ENTROPY_GRAD, 1e-6);
  }

  @Test
  void fusedCrossEntropyAgreesWithTheComposite() {
    // DeZero's "_simple" twin: -mean(sum(onehot * logSoftmax)) built from primitives.
    float[][] small = {{0.3f, -1.2f, 2.0f}, {1.5f, 0.2f, -0.7f}};
    int[] labels = {2, 0};
    Variable a = new Variable(Tensor.matrix(small));
    Variable fused = F.softmaxCrossEntropy(a, labels);
    fused.backward();
    Variable b = new Variable(Tensor.matrix(small));
    Tensor onehot = Tensor.matrix(new float[][] {{0, 0, 1}, {1, 0, 0}});
    Variable composite = F.neg(F.mean(F.sum(F.mul(F.logSoftmax(b), Variable.of(onehot)),
        new int[] {1}, false)));
    composite.backward();
    assertThat(fused.item()).isCloseTo(composite.item(), within(1e-6f));
    assertThat(a.grad().allClose(b.grad(), 1e-5, 1e-6)).isTrue();
  }
}
