package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.cli.demos.ActivationsDemo.Curve;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationsDemoTest {
  @TempDir
  Path dir;

  /** Index of x in the table points -2, -0.5, 0, 0.5, 2. */
  private static final int M2 = 0;
  private static final int ZERO = 2;
  private static final int P2 = 4;

  @Test
  void autogradDerivativesHaveTheTextbookValues() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    ActivationsDemo.Result r = ActivationsDemo.run(t.ctx);
    assertThat(r.curves()).hasSize(18);
    assertThat(r.get("sigmoid").tableDf()[ZERO]).isCloseTo(0.25, within(1e-6));
    assertThat(r.get("sigmoid T=0.5").tableDf()[ZERO]).isCloseTo(0.5, within(1e-6));
    assertThat(r.get("sigmoid T=2").tableDf()[ZERO]).isCloseTo(0.125, within(1e-6));
    assertThat(r.get("tanh").tableDf()[ZERO]).isCloseTo(1, within(1e-6));
    assertThat(r.get("ReLU").tableDf()).containsExactly(0, 0, 0, 1, 1);
    assertThat(r.get("leaky ReLU 0.1").tableDf()[M2]).isCloseTo(0.1, within(1e-6));
    assertThat(r.get("PReLU a=0.25").tableDf()[M2]).isCloseTo(0.25, within(1e-6));
    assertThat(r.get("RReLU (eval)").tableDf()[M2]).isCloseTo(11.0 / 48, within(1e-6));
    assertThat(r.get("|x| (abs. rect.)").tableDf()[M2]).isEqualTo(-1);
    assertThat(r.get("maxout k=3").tableDf())
        .containsExactly(new double[] {-0.5, 0.3, 0.3, 0.3, 1.5}, within(1e-6));
    assertThat(r.get("identity").tableDf()).containsOnly(1.0);
    // The step has no useful gradient: zero everywhere on the grid.
    assertThat(r.get("step").df()).containsOnly(0.0);
    // softmax over (x, 0) is the sigmoid; log-softmax's slope is 1 - sigmoid.
    for (int i = 0; i < ActivationsDemo.TABLE_X.length; i++) {
      double s = 1 / (1 + Math.exp(-ActivationsDemo.TABLE_X[i]));
      assertThat(r.get("softmax(x,0)[0]").tableF()[i]).isCloseTo(s, within(1e-6));
      assertThat(r.get("log softmax(x,0)[0]").tableDf()[i]).isCloseTo(1 - s, within(1e-6));
    }
    assertThat(r.get("GELU").tableDf()[P2]).isCloseTo(1.0852, within(1e-3));
    assertThat(t.output()).contains("step", "no useful gradient", "maxout");
    t.assertFigures("activations.png");
  }

  @Test
  void autogradAgreesWithFiniteDifferencesAwayFromKinks() throws Exception {
    ActivationsDemo.Result r = ActivationsDemo.run(DemoTesting.quick(dir).ctx);
    for (String name : List.of("sigmoid", "sigmoid T=0.5", "tanh", "GELU", "softplus", "ELU",
        "SELU", "softmax(x,0)[0]", "log softmax(x,0)[0]", "leaky ReLU 0.1")) {
      Curve c = r.get(name);
      for (int i = 1; i < c.x().length - 1; i++) {
        double h = c.x()[i + 1] - c.x()[i];
        if (Math.abs(c.x()[i]) < 2 * h) {
          continue;  // ELU, SELU and leaky ReLU have a kink at 0
        }
        double fd = (c.f()[i + 1] - c.f()[i - 1]) / (c.x()[i + 1] - c.x()[i - 1]);
        assertThat(c.df()[i]).as("%s'(%.3f)", name, c.x()[i]).isCloseTo(fd, within(5e-3));
      }
    }
  }
}
