package dev.kairo.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutogradTest {
  @Test
  void chainRuleThroughASharedSubgraph() {
    // y = (x*x) + (x*x)*3 with x*x used twice: dy/dx = 2x + 6x = 8x
    Variable x = new Variable(Tensor.vector(1, 2, 3));
    Variable sq = F.mul(x, x);
    Variable y = F.sum(F.add(sq, F.mul(sq, 3f)));
    y.backward();
    assertThat(x.grad().toArray()).containsExactly(8f, 16f, 24f);
  }

  @Test
  void leafGradientsAccumulateUntilZeroed() {
    Variable x = new Variable(Tensor.scalar(2f));
    F.mul(x, x).backward();
    F.mul(x, x).backward();
    assertThat(x.grad().item()).isEqualTo(8f);
    x.zeroGrad();
    F.mul(x, 5f).backward();
    assertThat(x.grad().item()).isEqualTo(5f);
  }

  @Test
  void constantsGetNoGradientAndIntermediatesKeepNoneUnlessRetained() {
    Variable w = new Variable(Tensor.vector(1, 2));
    Variable data = Variable.of(Tensor.vector(3, 4));
    Variable h = F.mul(w, data);
    Variable kept = F.mul(h, 2f).retainGrad();
    F.sum(kept).backward();
    assertThat(data.grad()).isNull();
    assertThat(h.grad()).isNull();
    assertThat(kept.grad().toArray()).containsExactly(1f, 1f);
    assertThat(w.grad().toArray()).containsExactly(6f, 8f);
  }

  @Test
  void graphIsFreedAfterBackwardUnlessRetained() {
    Variable x = new Variable(Tensor.scalar(3f));
    Variable y = F.mul(x, x);
    y.backward(null, true);
    y.backward();
    assertThat(x.grad().item()).isEqualTo(12f);
    assertThat(y.creator()).isNull();
    assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("freed");
  }

  @Test
  void backwardOnANonScalarNeedsAGradient() {
    Variable x = new Variable(Tensor.vector(1, 2));
    Variable y = F.mul(x, 2f);
    assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a scalar").hasMessageContaining("[2]");
    assertThatThrownBy(() -> y.backward(Tensor.ones(3)))
        .hasMessageContaining("[3]").hasMessageContaining("[2]");
    assertThatThrownBy(() -> Variable.of(Tensor.scalar(1f)).backward())
        .hasMessageContaining("does not require a gradient");
  }

  @Test
  void noGradIsPerThreadAndNests() throws Exception {
    Variable x = new Variable(Tensor.scalar(1f));
    try (NoGrad outer = NoGrad.enter()) {
      try (NoGrad inner = NoGrad.enter()) {
        assertThat(NoGrad.isGradEnabled()).isFalse();
      }
      assertThat(NoGrad.isGradEnabled()).isFalse();
      boolean[] other = new boolean[1];
      Thread t = new Thread(() -> other[0] = NoGrad.isGradEnabled());
      t.start();
      t.join();
      assertThat(other[0]).isTrue();
      assertThat(F.mul(x, x).creator()).isNull();
    }
    assertThat(NoGrad.isGradEnabled()).isTrue();
    assertThat(F.mul(x, x).creator()).isNotNull();
  }

  @Test
  void longChainsDoNotOverflowTheStack() {
    Variable x = new Variable(Tensor.scalar(1f));
    Variable y = x;
    for (int i = 0; i < 20000; i++) {
      y = F.add(y, 1f);
    }
    y.backward();
    assertThat(x.grad().item()).isEqualTo(1f);
  }

  @Test
  void aFunctionObjectIsAppliedOnce() {
    Function f = new dev.kairo.functions.math.Neg();
    Variable x = new Variable(Tensor.scalar(1f));
    f.apply(x);
    assertThatThrownBy(() -> f.apply(x)).hasMessageContaining("once");
  }

  @Test
  void gradCheckWorksOnAUserComposite() {
    Variable w = new Variable(Tensor.normal(0, 1, 3L, 4, 3)).named("w");
    Variable x = Variable.of(Tensor.normal(0, 1, 4L, 5, 3));
    GradCheck.Result r = GradCheck.check(in -> F.sum(F.tanh(F.linear(x, in[0]))), w);
    assertThat(r.passed()).as(r.report()).isTrue();
    assertThat(r.report()).contains("'w'").contains("ok");
    assertThat(w.grad()).as("restores the previous gradient").isNull();
  }
}
