package dev.kairo.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SGD against values worked out by hand from the update rule (θ0 = 1, constant gradient
 * g = 0.5 plus weight decay; lr 0.1, μ 0.9):
 * <pre>
 * plain:     θ1 = 1 − 0.1·0.5 = 0.95
 * momentum:  v1 = 0.5, θ1 = 0.95; v2 = 0.9·0.5 + 0.5 = 0.95, θ2 = 0.95 − 0.095 = 0.855
 * nesterov:  v1 = 0.5, step g + μv1 = 0.95 → θ1 = 0.905; v2 = 0.95, step 0.5 + 0.855 = 1.355 → θ2 = 0.7695
 * decay 0.2: g = 0.5 + 0.2·1 = 0.7 → θ1 = 0.93
 * </pre>
 */
class SgdTest {
  private static Parameter param() {
    return new Parameter(Tensor.vector(1f));
  }

  private static void steps(Optimizer opt, Parameter p, int n) {
    for (int i = 0; i < n; i++) {
      p.setGrad(Tensor.vector(0.5f));
      opt.step();
    }
  }

  @Test
  void plain() {
    Parameter p = param();
    steps(new Sgd(List.of(p), 0.1), p, 1);
    assertThat(p.data().item()).isCloseTo(0.95f, within(1e-6f));
  }

  @Test
  void momentum() {
    Parameter p = param();
    steps(new Sgd(List.of(p), 0.1, 0.9, false), p, 2);
    assertThat(p.data().item()).isCloseTo(0.855f, within(1e-6f));
  }

  @Test
  void nesterov() {
    Parameter p = param();
    steps(new Sgd(List.of(p), 0.1, 0.9, true), p, 2);
    assertThat(p.data().item()).isCloseTo(0.7695f, within(1e-6f));
  }

  @Test
  void weightDecay() {
    Parameter p = param();
    steps(new Sgd(List.of(p), 0.1).addHook(new WeightDecay(0.2)), p, 1);
    assertThat(p.data().item()).isCloseTo(0.93f, within(1e-6f));
  }

  @Test
  void parametersWithoutGradientsAreLeftAlone() {
    Parameter p = param();
    new Sgd(List.of(p), 0.1).step();
    assertThat(p.data().item()).isEqualTo(1f);
  }

  @Test
  void badHyperparametersAreRefused() {
    List<Parameter> ps = List.of(param());
    assertThatThrownBy(() -> new Sgd(ps, 0)).hasMessageContaining("learning rate")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> new Sgd(ps, -1)).hasMessageContaining("learning rate");
    assertThatThrownBy(() -> new Sgd(ps, Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new Sgd(ps, 0.1, 1.0, false)).hasMessageContaining("momentum");
    assertThatThrownBy(() -> new Sgd(ps, 0.1, 0, true)).hasMessageContaining("Nesterov");
    assertThatThrownBy(() -> new WeightDecay(-1)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> new Sgd(List.of(), 0.1)).hasMessageContaining("no parameters");
  }
}
