package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Shapes, initialisation, errors and modes of the convolution and pooling layers. */
class ConvLayersTest {
  private static Variable input(long seed, int... shape) {
    return Variable.of(Tensor.normal(0, 1, seed, shape));
  }

  @Test
  void conv2dBuilderGivesPytorchShapesAndMatchesTheFunction() {
    Conv2d c = Conv2d.builder(3, 16, 3).stride(2).padding(1).dilation(1).groups(1).bias(true)
        .seed(5).build();
    assertThat(c.weight.shape()).containsExactly(16, 3, 3, 3);
    assertThat(c.bias.shape()).containsExactly(16);
    Variable x = input(1, 2, 3, 28, 28);
    Variable y = c.forward(x);
    assertThat(y.shape()).containsExactly(2, 16, 14, 14);
    assertThat(y.data().toArray()).containsExactly(
        F.conv2d(x, c.weight, c.bias, 2, 1, 1, 1).data().toArray());
    assertThat(new Conv2d(1, 4, 5).forward(input(2, 1, 1, 8, 8)).shape())
        .containsExactly(1, 4, 4, 4);
    Conv2d rect = Conv2d.builder(2, 4, 1).kernel(1, 3).padding(0, 1).groups(2).bias(false)
        .build();
    assertThat(rect.weight.shape()).containsExactly(4, 1, 1, 3);
    assertThat(rect.bias).isNull();
    assertThat(rect.forward(input(3, 1, 2, 5, 6)).shape()).containsExactly(1, 4, 5, 6);
  }

  @Test
  void initialisationIsPytorchsKaimingUniformAndSeeded() {
    Conv2d a = Conv2d.builder(8, 16, 3).seed(9).build();
    Conv2d b = Conv2d.builder(8, 16, 3).seed(9).build();
    Conv2d other = Conv2d.builder(8, 16, 3).seed(10).build();
    assertThat(a.weight.data().toArray()).containsExactly(b.weight.data().toArray());
    assertThat(a.weight.data().toArray()).isNotEqualTo(other.weight.data().toArray());
    double bound = 1 / Math.sqrt(8 * 9);
    for (Parameter p : a.parameters()) {
      float[] v = p.data().toArray();
      float max = 0;
      for (float f : v) {
        assertThat(Math.abs(f)).isLessThanOrEqualTo((float) bound);
        max = Math.max(max, Math.abs(f));
      }
      assertThat(max).as(p.name() + " spreads over the bound").isGreaterThan((float) (0.8 * bound));
    }
    // Grouped and transposed: fan-in is (channels per group) x kernel area, from weight dim 1.
    ConvTranspose2d t = ConvTranspose2d.builder(6, 8, 2).groups(2).seed(1).build();
    assertThat(t.weight.shape()).containsExactly(6, 4, 2, 2);
    double tb = 1 / Math.sqrt(4 * 4);
    for (float f : t.weight.data().toArray()) {
      assertThat(Math.abs(f)).isLessThanOrEqualTo((float) tb);
    }
  }

  @Test
  void errorsNameTheLayerAndTheShapes() {
    assertThatThrownBy(() -> new Conv2d(3, 16, 3).forward(input(1, 8, 1, 28, 28)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Conv2d(3->16, k=3): input [8, 1, 28, 28] has 1 channels, expected 3");
    assertThatThrownBy(() -> new Conv2d(3, 16, 3).forward(input(1, 8, 28, 28)))
        .hasMessage("Conv2d(3->16, k=3): input [8, 28, 28] must be [N, C, H, W]");
    assertThatThrownBy(() -> new Conv2d(1, 1, 5).forward(input(1, 1, 1, 3, 3)))
        .hasMessageContaining("conv2d: input [1, 1, 3, 3] and weight [1, 1, 5, 5] give an "
            + "output height of 0");
    assertThatThrownBy(() -> Conv2d.builder(3, 16, 3).groups(2).build())
        .hasMessageContaining("Conv2d(3->16): groups 2 must divide the 3 input and 16 output");
    assertThatThrownBy(() -> Conv2d.builder(3, 16, 3).stride(1, 2, 3))
        .hasMessageContaining("Conv2d: stride takes 1 or 2 values");
    assertThatThrownBy(() -> Conv2d.builder(3, 16, 3).outputPadding(1))
        .hasMessageContaining("only to transposed");
    assertThatThrownBy(() -> new Conv1d(2, 4, 3).forward(input(1, 2, 3, 8, 8)))
        .hasMessage("Conv1d(2->4, k=3): input [2, 3, 8, 8] must be [N, C, L]");
    assertThatThrownBy(() -> new MaxPool2d(2).forward(input(1, 4, 4)))
        .hasMessageContaining("MaxPool2d(k=[2, 2], stride [2, 2], padding [0, 0]): input [4, 4]");
    assertThatThrownBy(() -> new MaxPool2d(2, 2, 2).forward(input(1, 1, 1, 4, 4)))
        .hasMessageContaining("must be at most half");
  }

  @Test
  void conv1dAndTransposedConvolutionShapes() {
    Conv1d c = Conv1d.builder(2, 5, 3).padding(1).build();
    assertThat(c.weight.shape()).containsExactly(5, 2, 3);
    assertThat(c.forward(input(1, 4, 2, 10)).shape()).containsExactly(4, 5, 10);
    assertThat(Conv1d.builder(2, 4, 3).stride(2).dilation(2).groups(2).build()
        .forward(input(1, 1, 2, 11)).shape()).containsExactly(1, 4, 4);
    ConvTranspose2d up = ConvTranspose2d.builder(8, 4, 3).stride(2).padding(1).outputPadding(1)
        .build();
    assertThat(up.weight.shape()).containsExactly(8, 4, 3, 3);
    assertThat(up.forward(input(2, 2, 8, 7, 7)).shape()).containsExactly(2, 4, 14, 14);
    assertThat(up.toString()).isEqualTo(
        "ConvTranspose2d(8 -> 4, kernel [3, 3], stride [2, 2], padding [1, 1], output padding [1, 1])");
  }

  @Test
  void poolingFlattenAndGlobalAveragePoolingShapes() {
    Variable x = input(4, 2, 3, 28, 28);
    assertThat(new MaxPool2d(2).forward(x).shape()).containsExactly(2, 3, 14, 14);
    assertThat(new MaxPool2d(3, 2, 1).forward(x).shape()).containsExactly(2, 3, 14, 14);
    assertThat(new AvgPool2d(3, 2, 1).forward(input(1, 1, 2, 7, 7)).shape())
        .containsExactly(1, 2, 4, 4);
    Variable g = new GlobalAvgPool().forward(input(5, 2, 3, 4, 5));
    assertThat(g.shape()).containsExactly(2, 3);
    assertThat(new Flatten().forward(input(5, 2, 3, 4, 5)).shape()).containsExactly(2, 60);
    assertThat(new Flatten().forward(input(5, 2, 7)).shape()).containsExactly(2, 7);
  }

  @Test
  void dropout2dDropsWholeChannelsReproduciblyAndOnlyInTraining() {
    Variable x = Variable.of(Tensor.ones(8, 16, 3, 3));
    Dropout2d a = new Dropout2d(0.5, 42L);
    Dropout2d b = new Dropout2d(0.5, 42L);
    float[] ya = a.forward(x).data().toArray();
    assertThat(ya).containsExactly(b.forward(x).data().toArray());
    int dropped = 0;
    for (int ch = 0; ch < 8 * 16; ch++) {
      float first = ya[ch * 9];
      assertThat(first).isIn(0f, 2f);
      for (int p = 1; p < 9; p++) {
        assertThat(ya[ch * 9 + p]).as("channel %d is all or nothing", ch).isEqualTo(first);
      }
      dropped += first == 0 ? 1 : 0;
    }
    assertThat(dropped).isBetween(40, 88);
    assertThat(a.forward(x).data().toArray()).as("next call, next mask").isNotEqualTo(ya);
    a.eval();
    assertThat(a.forward(x).data().toArray()).containsOnly(1f);
  }

  @Test
  void batchNormHandlesImagesAsBatchNorm2d() {
    BatchNorm bn = new BatchNorm(3);
    Tensor t = Tensor.normal(2, 3, 8L, 4, 3, 5, 5);
    Variable y = bn.forward(Variable.of(t));
    float[] x = t.toArray();
    float[] out = y.data().toArray();
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double sq = 0;
      double ysum = 0;
      double ysq = 0;
      for (int n = 0; n < 4; n++) {
        for (int p = 0; p < 25; p++) {
          int i = (n * 3 + c) * 25 + p;
          sum += x[i];
          sq += (double) x[i] * x[i];
          ysum += out[i];
          ysq += (double) out[i] * out[i];
        }
      }
      double mean = sum / 100;
      double var = sq / 100 - mean * mean;
      assertThat(ysum / 100).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(ysq / 100).isCloseTo(var / (var + 1e-5), org.assertj.core.data.Offset.offset(1e-4));
      assertThat((double) bn.runningMean().get(c))
          .isCloseTo(0.1 * mean, org.assertj.core.data.Offset.offset(1e-5));
      assertThat((double) bn.runningVariance().get(c))
          .isCloseTo(0.9 + 0.1 * var * 100 / 99, org.assertj.core.data.Offset.offset(1e-4));
    }
    bn.eval();
    Tensor z = bn.forward(Variable.of(t)).data();
    float expected = (float) ((t.get(1, 2, 3, 4) - bn.runningMean().get(2))
        / Math.sqrt(bn.runningVariance().get(2) + 1e-5));
    assertThat(z.get(1, 2, 3, 4)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void residualBlockUsesIdentityOrProjectionShortcut() {
    ResidualBlock same = new ResidualBlock(8, 8, 1, 3L);
    assertThat(same.namedParameters().keySet()).containsExactly("conv1.weight", "bn1.weight",
        "bn1.bias", "conv2.weight", "bn2.weight", "bn2.bias");
    assertThat(same.forward(input(6, 2, 8, 6, 6)).shape()).containsExactly(2, 8, 6, 6);
    ResidualBlock down = new ResidualBlock(8, 16, 2, 3L);
    assertThat(down.namedParameters()).containsKeys("downsample.0.weight", "downsample.1.weight");
    Variable x = new Variable(Tensor.normal(0, 1, 7L, 2, 8, 7, 7));
    Variable y = down.forward(x);
    assertThat(y.shape()).containsExactly(2, 16, 4, 4);
    F.sum(y).backward();
    assertThat(x.grad().shape()).containsExactly(2, 8, 7, 7);
    for (Parameter p : down.parameters()) {
      assertThat(p.grad()).as(p.name()).isNotNull();
    }
    assertThatThrownBy(() -> down.forward(input(1, 2, 4, 7, 7)))
        .hasMessageContaining("ResidualBlock(8->16, stride 2, projection): input [2, 4, 7, 7]");
  }
}
