package dev.kairo.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.AvgPool2d;
import dev.kairo.nn.BatchNorm;
import dev.kairo.nn.Conv1d;
import dev.kairo.nn.Conv2d;
import dev.kairo.nn.ConvTranspose2d;
import dev.kairo.nn.Dropout2d;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.GlobalAvgPool;
import dev.kairo.nn.Linear;
import dev.kairo.nn.MaxPool2d;
import dev.kairo.nn.Module;
import dev.kairo.nn.ResidualBlock;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Convolutional models survive Model.save / Model.load with identical predictions. */
class ConvModelFilesTest {
  @TempDir
  Path dir;

  private static float[] predict(Module m, Tensor x) {
    m.eval();
    try (NoGrad g = NoGrad.enter()) {
      return m.forward(Variable.of(x)).data().toArray();
    }
  }

  /** A few Adam steps so weights and batch-norm statistics leave their initial values. */
  private static void train(Module m, int... inputShape) {
    m.train();
    Optimizer opt = new Adam(m.parameters(), 0.01);
    for (int i = 0; i < 3; i++) {
      Variable loss = F.sum(F.square(m.forward(Variable.of(Tensor.normal(0, 1, i, inputShape)))));
      opt.zeroGrad();
      loss.backward();
      opt.step();
    }
  }

  private Module roundTrip(Module m, String name) throws Exception {
    Path f = dir.resolve(name + ".safetensors");
    Model.save(m, f);
    Module back = Model.load(f);
    assertThat(back.namedParameters().keySet())
        .containsExactlyElementsOf(m.namedParameters().keySet());
    assertThat(back.toString()).isEqualTo(m.toString());
    return back;
  }

  @Test
  void smallCnnWithResidualBlockLoadsWithIdenticalPredictions() throws Exception {
    SplittableRandom rng = new SplittableRandom(3);
    Sequential m = new Sequential(
        Conv2d.builder(1, 4, 3).padding(1).generator(rng).build(), new BatchNorm(4),
        Activation.relu(), new MaxPool2d(2), new ResidualBlock(4, 8, 2, 5L),
        new ResidualBlock(8, 8, 1, 6L), new Flatten(), new Linear(8 * 2 * 2, 3, true, rng));
    train(m, 6, 1, 8, 8);
    Module back = roundTrip(m, "cnn");
    Tensor x = Tensor.normal(0, 1, 99L, 5, 1, 8, 8);
    assertThat(predict(back, x)).containsExactly(predict(m, x));
    var json = new ObjectMapper().readTree(dir.resolve("cnn.json").toFile());
    assertThat(json.at("/architecture/layers/0/type").asText()).isEqualTo("Conv2d");
    assertThat(json.at("/architecture/layers/0/padding/0").asInt()).isEqualTo(1);
    assertThat(json.at("/architecture/layers/3/type").asText()).isEqualTo("MaxPool2d");
    assertThat(json.at("/architecture/layers/4/type").asText()).isEqualTo("ResidualBlock");
    assertThat(json.at("/architecture/layers/6/type").asText()).isEqualTo("Flatten");
  }

  @Test
  void everyConvolutionAndPoolingLayerRoundTrips() throws Exception {
    Sequential m = new Sequential(
        ConvTranspose2d.builder(2, 4, 3).stride(2).padding(1).outputPadding(1).seed(1).build(),
        new AvgPool2d(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, false),
        new Dropout2d(0.25, 7L),
        Conv2d.builder(4, 6, 3).kernel(3, 2).dilation(2, 1).groups(2).bias(false).seed(2).build(),
        new MaxPool2d(new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 2}),
        new GlobalAvgPool());
    train(m, 3, 2, 5, 5);
    Module back = roundTrip(m, "layers");
    Tensor x = Tensor.normal(0, 1, 98L, 2, 2, 5, 5);
    assertThat(predict(back, x)).containsExactly(predict(m, x));

    Sequential seq = new Sequential(Conv1d.builder(3, 4, 3).stride(2).padding(1).seed(3).build(),
        Activation.relu(), new Flatten(), new Linear(4 * 5, 2, true, new SplittableRandom(4)));
    train(seq, 4, 3, 10);
    Module back1 = roundTrip(seq, "conv1d");
    Tensor s = Tensor.normal(0, 1, 97L, 3, 3, 10);
    assertThat(predict(back1, s)).containsExactly(predict(seq, s));
  }
}
