package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kairo.data.image.FashionMnist;
import dev.kairo.data.image.MnistSplit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs where Fashion-MNIST is installed (CI installs dataset-fashion-mnist). */
class FashionMnistDemoTest {
  @TempDir
  Path dir;

  @Test
  void quickRunLearnsWithBothNetworksAndDrawsTheFigure() throws Exception {
    assumeTrue(FashionMnist.isAvailable(MnistSplit.TRAIN), "Fashion-MNIST is not installed");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DemoContext ctx = new DemoContext(new PrintStream(buf, true, StandardCharsets.UTF_8), 3, dir,
        true);
    FashionMnistDemo.Result r = FashionMnistDemo.run(ctx);
    // 3,000 training images, one or two epochs: far above chance (0.10) for every network.
    assertThat(r.mlp().accuracy()).as("MLP").isGreaterThan(0.70);
    assertThat(r.cnn().accuracy()).as("CNN").isGreaterThan(0.65);
    assertThat(r.cnn().parameters()).isGreaterThan(r.mlp().parameters());
    assertThat(r.sweep()).hasSize(6).allSatisfy(run -> assertThat(run.accuracy()).as(run.name()).isGreaterThan(0.6));
    assertThat(dir.resolve("fashion-mnist.png")).isRegularFile();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("test accuracy").contains("CNN");
  }
}
