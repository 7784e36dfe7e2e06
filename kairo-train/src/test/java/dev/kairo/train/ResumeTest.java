package dev.kairo.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Dropout;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run resumed from a checkpoint continues exactly as the uninterrupted run (dropout included). */
class ResumeTest {
  private static final TensorDataset DATA = Generators.makeMoons(300, 0.2, 3);

  private static Module model() {
    SplittableRandom rng = new SplittableRandom(9);
    return new Sequential(new Linear(2, 32, true, rng), Activation.relu(), new Dropout(0.2, 77),
        new Linear(32, 2, true, rng));
  }

  private static Trainer.Builder trainer(Module m, int epochs) {
    return Trainer.builder(m, new Adam(m.parameters(), 0.01), LossFunction.softmaxCrossEntropy())
        .epochs(epochs).batchSize(32).seed(5);
  }

  @Test
  void resumedLossCurveEqualsTheUninterruptedOne(@TempDir Path dir) {
    double[] straight = trainer(model(), 4).build().fit(DATA).series("loss");

    Path ckpt = dir.resolve("ckpt.safetensors");
    double[] firstHalf = trainer(model(), 2).checkpoint(ckpt).build().fit(DATA).series("loss");
    Module fresh = model();
    fresh.parameters().forEach(p -> p.data().fill(0.123f));   // nothing left from before
    double[] secondHalf = trainer(fresh, 4).resumeFrom(ckpt).build().fit(DATA).series("loss");

    double[] resumed = new double[4];
    System.arraycopy(firstHalf, 0, resumed, 0, 2);
    System.arraycopy(secondHalf, 0, resumed, 2, 2);
    assertThat(secondHalf).hasSize(2);
    assertThat(resumed).as("resumed %s vs straight %s", Arrays.toString(resumed),
        Arrays.toString(straight)).containsExactly(straight);
  }
}
