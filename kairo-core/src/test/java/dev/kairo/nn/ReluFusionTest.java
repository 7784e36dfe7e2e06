package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A {@link Sequential} runs a Linear or convolution layer followed by ReLU as one fused op:
 * the output and every gradient must be the same bits as the layers applied one by one.
 */
class ReluFusionTest {
  /** W3's shape of network, small: conv-ReLU-pool twice, then Linear-ReLU-Linear. */
  private static Sequential cnn(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(
        Conv2d.builder(2, 4, 3).padding(1).generator(rng).build(), Activation.relu(),
        new MaxPool2d(2),
        Conv2d.builder(4, 5, 3).padding(1).bias(false).generator(rng).build(), Activation.relu(),
        new Flatten(), new Linear(5 * 3 * 3, 6, true, rng), Activation.relu(),
        new Linear(6, 3, true, rng));
  }

  /** The same modules, one by one: nothing fuses. */
  private static Variable unfused(Sequential s, Variable x) {
    Variable y = x;
    for (int i = 0; i < s.size(); i++) {
      y = s.get(i).forward(y);
    }
    return y;
  }

  private static Map<String, Tensor> gradients(Sequential s, Variable x, Variable y) {
    F.sum(F.mul(y, y)).backward();
    Map<String, Tensor> g = new java.util.LinkedHashMap<>();
    s.namedParameters().forEach((name, p) -> g.put(name, p.grad()));
    g.put("input", x.grad());
    return g;
  }

  @Test
  void fusedNetworkGivesTheSameBitsForwardAndBackward() {
    Tensor data = Tensor.normal(0, 1, 5L, 3, 2, 6, 6);
    Sequential fused = cnn(11);
    Sequential plain = cnn(11);
    Variable xf = new Variable(data);
    Variable xp = new Variable(data.copy());
    Variable yf = fused.forward(xf);
    Variable yp = unfused(plain, xp);
    assertThat(yf.data().toArray()).containsExactly(yp.data().toArray());
    // Many of the first layer's pre-activations are negative, so the masks matter.
    assertThat(count(plain.get(0).forward(Variable.of(data)).data(), v -> v < 0))
        .isGreaterThan(50);
    Map<String, Tensor> gf = gradients(fused, xf, yf);
    Map<String, Tensor> gp = gradients(plain, xp, yp);
    assertThat(gf.keySet()).containsExactlyElementsOf(gp.keySet());
    for (String name : gp.keySet()) {
      assertThat(gf.get(name).toArray()).as(name).containsExactly(gp.get(name).toArray());
    }
  }

  @Test
  void fusedGraphHasOneNodePerPairAndNoneUnderNoGrad() {
    Sequential s = new Sequential(new Linear(3, 4, true, new SplittableRandom(1)),
        Activation.relu(), new Linear(4, 2, true, new SplittableRandom(2)));
    Variable h = new Sequential(s.get(0), s.get(1)).forward(new Variable(Tensor.ones(5, 3)));
    assertThat(h.creator().name()).isEqualTo("linear+relu");
    Variable y = s.forward(new Variable(Tensor.normal(0, 1, 3L, 5, 3)));
    assertThat(y.creator().name()).isEqualTo("Linear");
    // A ReLU that follows something else stays a ReLU.
    Variable r = new Sequential(new Flatten(), Activation.relu())
        .forward(new Variable(Tensor.ones(2, 3)));
    assertThat(r.creator().name()).isEqualTo("Relu");
    // Conv2d, ReLU, MaxPool2d fuse into one op; Conv1d fuses with its ReLU too; a transposed
    // convolution has no fused form and keeps its ReLU.
    Variable p = new Sequential(Conv2d.builder(2, 3, 3).padding(1).seed(1).build(),
        Activation.relu(), new MaxPool2d(2)).forward(new Variable(Tensor.ones(1, 2, 6, 6)));
    assertThat(p.creator().name()).isEqualTo("conv2d+relu+maxPool2d");
    assertThat(p.shape()).containsExactly(1, 3, 3, 3);
    Variable c1 = new Sequential(Conv1d.builder(2, 3, 3).seed(1).build(), Activation.relu())
        .forward(new Variable(Tensor.ones(1, 2, 6)));
    assertThat(c1.creator().name()).isEqualTo("conv1d+relu");
    Variable ct = new Sequential(ConvTranspose2d.builder(2, 3, 2).seed(1).build(),
        Activation.relu()).forward(new Variable(Tensor.ones(1, 2, 3, 3)));
    assertThat(ct.creator().name()).isEqualTo("Relu");
    try (NoGrad g = NoGrad.enter()) {
      Variable z = s.forward(Variable.of(Tensor.normal(0, 1, 4L, 2, 3)));
      assertThat(z.creator()).isNull();
      assertThat(z.shape()).containsExactly(2, 2);
    }
  }

  @Test
  void aLinearSubclassThatOverridesForwardIsNotBypassed() {
    List<String> calls = new ArrayList<>();
    Linear custom = new Linear(3, 3, true, new SplittableRandom(1)) {
      @Override
      public Variable forward(Variable x) {
        calls.add("forward");
        return super.forward(x);
      }
    };
    new Sequential(custom, Activation.relu()).forward(Variable.of(Tensor.ones(2, 3)));
    assertThat(calls).containsExactly("forward");
  }

  @Test
  void aBadInputStillNamesTheLayer() {
    Sequential s = new Sequential(new Linear(3, 4).named("fc1"), Activation.relu());
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> s.forward(Variable.of(Tensor.ones(2, 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Linear 'fc1'").hasMessageContaining("[2, 5]");
  }

  private static int count(Tensor t, java.util.function.DoublePredicate p) {
    int n = 0;
    for (float v : t.toArray()) {
      if (p.test(v)) {
        n++;
      }
    }
    return n;
  }
}
