package dev.kairo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.io.Model;
import dev.kairo.nn.Module;
import dev.kairo.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir
  Path dir;

  @Test
  void trainsMoonsAndWritesModelHistoryAndPictures() throws Exception {
    Path out = dir.resolve("run");
    int code = Kairo.execute("train", "--epochs", "3000", "--lr", "0.05", "--log-every", "1000",
        "--out", out.toString());
    assertThat(code).isZero();
    for (String f : List.of("model.safetensors", "model.json", "history.csv",
        "decision-boundary.png", "decision-boundary.svg", "training-curves.png")) {
      assertThat(out.resolve(f)).as(f).isRegularFile();
    }
    List<String> history = Files.readAllLines(out.resolve("history.csv"));
    assertThat(history).hasSize(3001);
    assertThat(history.get(0)).startsWith("epoch,loss,accuracy");
    assertThat(history.get(3000)).startsWith("3000,");
    double lastAccuracy = Double.parseDouble(history.get(3000).split(",")[2]);
    assertThat(lastAccuracy).as("training accuracy after 3000 passes").isGreaterThan(0.95);

    // The saved model rebuilds without this code and separates the two moons' centres.
    Module m = Model.load(out.resolve("model.safetensors"));
    try (NoGrad g = NoGrad.enter()) {
      Tensor logits = m.forward(Variable.of(Tensor.matrix(new float[][] {{0f, 1f}, {1f, -0.5f}})))
          .data();
      assertThat(logits.get(0, 0)).isGreaterThan(logits.get(0, 1));
      assertThat(logits.get(1, 1)).isGreaterThan(logits.get(1, 0));
    }
  }

  @Test
  void aConfigFileSetsOptionsAndTheCommandLineWins() throws Exception {
    Path cfg = dir.resolve("run.properties");
    Files.writeString(cfg, "data=xor\nhidden=8\nactivation=relu\noptimizer=adam\nlr=0.5\nepochs=5\n");
    Path out = dir.resolve("cfg");
    String printed = capture(() -> Kairo.execute("train", "--config", cfg.toString(), "--lr", "0.02",
        "--out", out.toString()));
    assertThat(printed).contains("xor").contains("adam lr 0.02").contains("5 epochs");
    assertThat(out.resolve("model.safetensors")).isRegularFile();
  }

  @Test
  void refusedValuesAreBadUsageWithAMessage() {
    String err = captureErr(() -> assertThat(
        Kairo.execute("train", "--lr", "-1", "--out", dir.resolve("x").toString())).isEqualTo(2));
    assertThat(err).contains("learning rate");
    assertThat(Kairo.execute("train", "--optimizer", "sgdd", "--out", dir.toString())).isEqualTo(2);
    assertThat(Kairo.execute("train", "--no-such-option")).isEqualTo(2);
    assertThat(dir.resolve("x")).doesNotExist();
  }

  private static String capture(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static String captureErr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
