package dev.kairo.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.nn.Parameter;
import dev.kairo.optim.schedule.CosineAnnealing;
import dev.kairo.optim.schedule.LinearWarmup;
import dev.kairo.optim.schedule.ReduceOnPlateau;
import dev.kairo.optim.schedule.StepDecay;
import dev.kairo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static Optimizer sgd(double lr) {
    return new Sgd(List.of(new Parameter(Tensor.vector(1f))), lr);
  }

  @Test
  void warmupClimbsLinearlyThenHandsOver() {
    Optimizer opt = sgd(1.0);
    LinearWarmup w = new LinearWarmup(opt, 4, null);
    assertThat(opt.learningRate()).isEqualTo(0.25);
    w.step();
    assertThat(opt.learningRate()).isEqualTo(0.5);
    w.step();
    w.step();
    assertThat(opt.learningRate()).isEqualTo(1.0);
    w.step();
    assertThat(opt.learningRate()).isEqualTo(1.0);
  }

  @Test
  void cosineEndsAtItsMinimumAndHoldsIt() {
    Optimizer opt = sgd(0.1);
    CosineAnnealing c = new CosineAnnealing(opt, 10, 0.001);
    for (int i = 0; i < 15; i++) {
      c.step();
    }
    assertThat(opt.learningRate()).isCloseTo(0.001, within(1e-12));
  }

  @Test
  void plateauCutsAfterPatienceAndRespectsTheFloor() {
    Optimizer opt = sgd(1.0);
    ReduceOnPlateau r = new ReduceOnPlateau(opt, 0.5, 2, 1e-4, 0.3);
    assertThat(r.step(1.0)).isFalse();
    assertThat(r.step(0.5)).isFalse();     // improved
    assertThat(r.step(0.5)).isFalse();     // 1 bad epoch
    assertThat(r.step(0.5)).isFalse();     // 2 bad epochs
    assertThat(r.step(0.5)).isTrue();      // 3 > patience: cut
    assertThat(opt.learningRate()).isEqualTo(0.5);
    for (int i = 0; i < 3; i++) {
      r.step(0.5);
    }
    assertThat(opt.learningRate()).isEqualTo(0.3);
    assertThatThrownBy(() -> r.step(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void badArgumentsAreRefused() {
    Optimizer opt = sgd(0.1);
    assertThatThrownBy(() -> new StepDecay(opt, 0, 0.5)).hasMessageContaining("step size");
    assertThatThrownBy(() -> new StepDecay(opt, 3, 1.5)).hasMessageContaining("gamma");
    assertThatThrownBy(() -> new CosineAnnealing(opt, 10, 0.2)).hasMessageContaining("min lr");
    assertThatThrownBy(() -> new ReduceOnPlateau(opt, 1.5, 1, 0, 0)).hasMessageContaining("factor");
    assertThatThrownBy(() -> opt.setLearningRate(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new Adam(opt.parameters(), 1e-3, 1.0, 0.999, 1e-8))
        .hasMessageContaining("beta1");
  }
}
