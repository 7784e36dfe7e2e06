package dev.kairo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.cli.demos.ChainerSteps;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainerStepsTest {
  @Test
  void walkThroughPrintsEachStepAndTheLossFalls() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    List<Float> losses = ChainerSteps.run(new PrintStream(buf, true, StandardCharsets.UTF_8), 3L,
        ChainerSteps.DEFAULT_STEPS);
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("STEP 1", "STEP 2", "STEP 3", "STEP 4", "fc1.W", "loss");
    assertThat(losses.get(0)).isGreaterThan(1f);
    assertThat(losses.get(losses.size() - 1)).as("loss after %d SGD steps", losses.size() - 1)
        .isLessThan(losses.get(0) / 100);
  }

  @Test
  void sameSeedSameNumbers() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(ChainerSteps.run(sink, 5L, 20)).isEqualTo(ChainerSteps.run(sink, 5L, 20));
  }

  @Test
  void commandLineExitCodes() {
    assertThat(Kairo.execute("demo", "chainer-steps")).isZero();
    assertThat(Kairo.execute("demo", "no-such-demo")).isEqualTo(2);
    assertThat(Kairo.execute("--no-such-option")).isEqualTo(2);
    assertThat(Kairo.execute("--help")).isZero();
  }
}
