package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.autograd.GradCheck;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModuleTest {
  static final class TwoLayer extends Module {
    final Linear fc1 = module("fc1", new Linear(3, 4, true, new SplittableRandom(1)));
    final Linear fc2 = module("fc2", new Linear(4, 2, true, new SplittableRandom(2)));

    @Override
    public Variable forward(Variable x) {
      return fc2.forward(F.relu(fc1.forward(x)));
    }
  }

  @Test
  void parametersHaveStableDottedNames() {
    TwoLayer m = new TwoLayer();
    assertThat(m.namedParameters().keySet())
        .containsExactly("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias");
    assertThat(m.parameterCount()).isEqualTo(3 * 4 + 4 + 4 * 2 + 2);
    Sequential s = new Sequential(new Linear(2, 3), new Lambda("ReLU", F::relu), new Linear(3, 1));
    assertThat(s.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
  }

  @Test
  void linearIsInitialisedLikePytorchAndSeeded() {
    Linear a = new Linear(100, 50, true, new SplittableRandom(7));
    Linear b = new Linear(100, 50, true, new SplittableRandom(7));
    assertThat(a.weight.data().toArray()).isEqualTo(b.weight.data().toArray());
    float bound = (float) (1 / Math.sqrt(100));
    assertThat(a.weight.data().abs().max().item()).isLessThanOrEqualTo(bound);
    assertThat(a.weight.data().abs().max().item()).isGreaterThan(bound * 0.9f);
  }

  @Test
  void stateDictRoundTripsAndRejectsMismatchesWithoutChangingAnything() {
    TwoLayer a = new TwoLayer();
    TwoLayer b = new TwoLayer();
    b.fc1.weight.data().fill(0f);
    b.loadStateDict(a.stateDict());
    assertThat(b.fc1.weight.data().toArray()).isEqualTo(a.fc1.weight.data().toArray());

    Map<String, Tensor> bad = new LinkedHashMap<>(a.stateDict());
    bad.put("fc2.weight", Tensor.zeros(3, 3));
    bad.remove("fc1.bias");
    bad.put("fc3.weight", Tensor.zeros(1));
    float[] before = b.fc2.bias.data().toArray();
    assertThatThrownBy(() -> b.loadStateDict(bad))
        .hasMessageContaining("'fc2.weight' has shape [3, 3], expected [2, 4]")
        .hasMessageContaining("missing 'fc1.bias'")
        .hasMessageContaining("unexpected 'fc3.weight'");
    assertThat(b.fc2.bias.data().toArray()).isEqualTo(before);
  }

  @Test
  void wrongInputWidthNamesTheLayerAndBothShapes() {
    Linear fc2 = new Linear(128, 256).named("fc2");
    assertThatThrownBy(() -> fc2.forward(Variable.of(Tensor.zeros(128, 300))))
        .hasMessage("Linear 'fc2': input [128, 300] does not match weight [256, 128] "
            + "(expected [..., 128])");
  }

  @Test
  void trainAndEvalModesPropagate() {
    TwoLayer m = new TwoLayer();
    m.eval();
    assertThat(m.fc1.isTraining()).isFalse();
    m.train();
    assertThat(m.fc2.isTraining()).isTrue();
  }

  @Test
  void wholeModelPassesGradCheck() {
    TwoLayer m = new TwoLayer();
    Variable x = Variable.of(Tensor.normal(0, 1, 3L, 5, 3));
    Variable[] ps = m.parameters().toArray(new Variable[0]);
    GradCheck.Result r = GradCheck.check(in -> F.sum(F.tanh(m.forward(x))), ps);
    assertThat(r.passed()).as(r.report()).isTrue();
  }

  @Test
  void initialisersHaveTheirVariances() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor he = Init.heNormal(rng, 400, 500);
    assertThat(he.variance(new int[] {0, 1}, 0, false).item()).isCloseTo(2f / 500,
        org.assertj.core.api.Assertions.within(2e-4f));
    Tensor xa = Init.xavierUniform(rng, 300, 500);
    assertThat(xa.abs().max().item()).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 800));
    assertThat(Init.fanIn(32, 16, 3, 3)).isEqualTo(144);
    assertThat(Init.fanOut(32, 16, 3, 3)).isEqualTo(288);
  }
}
