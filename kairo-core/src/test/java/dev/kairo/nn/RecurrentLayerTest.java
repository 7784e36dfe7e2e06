package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.autograd.GradCheck;
import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LSTM, GRU and RNN as modules: names, shapes, state, stacking, dropout, errors, gradients. */
class RecurrentLayerTest {
  private static Variable data(long seed, int... shape) {
    return new Variable(Tensor.uniform(-1, 1, seed, shape));
  }

  @Test
  void parametersHavePyTorchNamesShapesAndSeededInit() {
    LSTM a = LSTM.builder(3, 5).layers(2).seed(1).build();
    assertThat(a.namedParameters().keySet()).containsExactly("weight_ih_l0", "weight_hh_l0",
        "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1");
    Map<String, Parameter> p = a.namedParameters();
    assertThat(p.get("weight_ih_l0").shape()).containsExactly(20, 3);
    assertThat(p.get("weight_hh_l0").shape()).containsExactly(20, 5);
    assertThat(p.get("weight_ih_l1").shape()).containsExactly(20, 5);
    assertThat(p.get("bias_hh_l1").shape()).containsExactly(20);
    double k = 1 / Math.sqrt(5);
    for (Parameter q : a.parameters()) {
      for (float v : q.data().toArray()) {
        assertThat((double) v).isBetween(-k, k);
      }
    }
    LSTM b = LSTM.builder(3, 5).layers(2).seed(1).build();
    LSTM c = LSTM.builder(3, 5).layers(2).seed(2).build();
    assertThat(b.stateDict().get("weight_hh_l1").toArray())
        .containsExactly(a.stateDict().get("weight_hh_l1").toArray());
    assertThat(c.stateDict().get("weight_hh_l1").toArray())
        .isNotEqualTo(a.stateDict().get("weight_hh_l1").toArray());
    assertThat(GRU.builder(3, 4).build().namedParameters().get("weight_hh_l0").shape())
        .containsExactly(12, 4);
    assertThat(RNN.builder(3, 4).bias(false).build().namedParameters().keySet())
        .containsExactly("weight_ih_l0", "weight_hh_l0");
    assertThat(a.stateDict().keySet()).noneMatch(s -> s.startsWith("dropout"));
    assertThat(a.toString()).isEqualTo("LSTM(3, 5, layers=2)");
  }

  @Test
  void shapesAndFinalStatesInBothLayouts() {
    LSTM bf = LSTM.builder(3, 4).layers(2).seed(3).build();
    LSTM tm = LSTM.builder(3, 4).layers(2).seed(3).batchFirst(false).build();
    Variable x = data(1, 2, 5, 3);
    RecurrentLayer.Output r = bf.forwardWithState(x);
    assertThat(r.output().shape()).containsExactly(2, 5, 4);
    assertThat(r.h().shape()).containsExactly(2, 2, 4);
    assertThat(r.c().shape()).containsExactly(2, 2, 4);
    // The last layer's final h is the output's last step.
    assertThat(r.h().data().select(0, 1).allClose(r.output().data().select(1, 4), 0, 0)).isTrue();
    RecurrentLayer.Output q = tm.forwardWithState(Variable.of(x.data().transpose(0, 1)));
    assertThat(q.output().shape()).containsExactly(5, 2, 4);
    assertThat(q.output().data().transpose(0, 1).allClose(r.output().data(), 1e-6, 1e-6)).isTrue();
    assertThat(q.h().data().allClose(r.h().data(), 1e-6, 1e-6)).isTrue();
    assertThat(q.c().data().allClose(r.c().data(), 1e-6, 1e-6)).isTrue();
    GRU g = new GRU(3, 4);
    assertThat(g.forwardWithState(x).c()).isNull();
    assertThat(g.forward(x).shape()).containsExactly(2, 5, 4);
  }

  @Test
  void aModuleEqualsALoopOfCells() {
    Variable x = data(2, 3, 4, 2);
    Variable h0 = data(3, 1, 3, 5);
    Variable c0 = data(4, 1, 3, 5);
    LSTM lstm = LSTM.builder(2, 5).seed(5).build();
    GRU gru = GRU.builder(2, 5).seed(6).build();
    RNN rnn = RNN.builder(2, 5).nonlinearity("relu").seed(7).build();
    RecurrentLayer.Output lr = lstm.forwardWithState(x, h0, c0);
    Variable gr = gru.forwardWithState(x, h0).output();
    Variable rr = rnn.forwardWithState(x, h0).output();
    Map<String, Parameter> lp = lstm.namedParameters();
    Map<String, Parameter> gp = gru.namedParameters();
    Map<String, Parameter> rp = rnn.namedParameters();
    Variable h = F.reshape(h0, 3, 5);
    Variable c = F.reshape(c0, 3, 5);
    Variable hg = h;
    Variable hr = h;
    for (int t = 0; t < 4; t++) {
      Variable xt = F.reshape(F.slice(x, 1, t, t + 1), 3, 2);
      Variable[] hc = F.lstmCell(xt, h, c, lp.get("weight_ih_l0"), lp.get("weight_hh_l0"),
          lp.get("bias_ih_l0"), lp.get("bias_hh_l0"));
      h = hc[0];
      c = hc[1];
      hg = F.gruCell(xt, hg, gp.get("weight_ih_l0"), gp.get("weight_hh_l0"), gp.get("bias_ih_l0"),
          gp.get("bias_hh_l0"));
      hr = F.rnnCell(xt, hr, rp.get("weight_ih_l0"), rp.get("weight_hh_l0"), rp.get("bias_ih_l0"),
          rp.get("bias_hh_l0"), "relu");
      assertThat(lr.output().data().select(1, t).allClose(h.data(), 1e-6, 1e-6)).isTrue();
      assertThat(gr.data().select(1, t).allClose(hg.data(), 1e-6, 1e-6)).isTrue();
      assertThat(rr.data().select(1, t).allClose(hr.data(), 1e-6, 1e-6)).isTrue();
    }
    assertThat(lr.c().data().select(0, 0).allClose(c.data(), 1e-6, 1e-6)).isTrue();
  }

  @Test
  void gradientsThroughStackedModulesPassCentralDifferences() {
    List<RecurrentLayer> models = List.of(
        LSTM.builder(3, 4).layers(2).seed(1).build(),
        GRU.builder(3, 4).layers(2).batchFirst(false).seed(2).build(),
        RNN.builder(3, 4).layers(3).seed(3).build());
    for (RecurrentLayer m : models) {
      boolean lstm = m instanceof LSTM;
      int layers = m.numLayers();
      Variable x = m.batchFirst() ? data(7, 2, 5, 3) : data(7, 5, 2, 3);
      List<Variable> in = new ArrayList<>(List.of(x, data(8, layers, 2, 4)));
      if (lstm) {
        in.add(data(9, layers, 2, 4));
      }
      int states = in.size();
      in.addAll(m.parameters());
      GradCheck.Result r = GradCheck.check(v -> {
        RecurrentLayer.Output o = m.forwardWithState(v[0], v[1], lstm ? v[2] : null);
        Variable out = F.reshape(o.output(), 2, -1);
        return lstm ? F.concat(1, out, F.reshape(o.h(), 2, -1), F.reshape(o.c(), 2, -1))
            : F.concat(1, out, F.reshape(o.h(), 2, -1));
      }, in.toArray(new Variable[0]));
      assertThat(r.passed()).as("%s (%d state inputs):%n%s", m, states, r.report()).isTrue();
    }
  }

  @Test
  void dropoutActsBetweenLayersInTrainingOnly() {
    LSTM plain = LSTM.builder(3, 6).layers(2).seed(4).build();
    LSTM drop = LSTM.builder(3, 6).layers(2).dropout(0.5).seed(4).build();
    assertThat(drop.stateDict()).containsKey("dropout.calls");
    Variable x = data(5, 2, 4, 3);
    Tensor a = drop.forward(x).data();
    Tensor b = drop.forward(x).data();
    assertThat(a.allClose(b, 0, 0)).as("fresh masks each call").isFalse();
    assertThat(a.allClose(plain.forward(x).data(), 1e-6, 1e-6)).isFalse();
    drop.eval();
    assertThat(drop.forward(x).data().allClose(plain.forward(x).data(), 0, 0)).isTrue();
    LSTM again = LSTM.builder(3, 6).layers(2).dropout(0.5).seed(4).build();
    assertThat(again.forward(x).data().allClose(a, 0, 0)).as("seeded masks").isTrue();
  }

  @Test
  void noGraphUnderNoGrad() {
    LSTM m = new LSTM(3, 4);
    try (NoGrad g = NoGrad.enter()) {
      assertThat(m.forward(data(1, 2, 3, 3)).creator()).isNull();
    }
  }

  @Test
  void errorsNameTheLayerAndTheShapes() {
    LSTM m = LSTM.builder(3, 4).layers(2).build();
    m.named("encoder");
    assertThatThrownBy(() -> m.forward(data(1, 2, 5, 7)))
        .hasMessage("LSTM 'encoder': input [2, 5, 7] does not match input size 3 "
            + "(expected [N, T, 3], batch-first)");
    assertThatThrownBy(() -> m.forwardWithState(data(1, 2, 5, 3), data(2, 1, 2, 4), null))
        .hasMessageContaining("LSTM 'encoder': initial state h0 [1, 2, 4]")
        .hasMessageContaining("expected [2, 2, 4]");
    assertThatThrownBy(() -> new GRU(3, 4).forwardWithState(data(1, 2, 5, 3), null,
        data(2, 1, 2, 4))).hasMessageContaining("GRU: has no cell state");
    assertThatThrownBy(() -> RNN.builder(3, 4).nonlinearity("sigmoid").build())
        .hasMessageContaining("RNN: nonlinearity must be \"tanh\" or \"relu\"");
    assertThatThrownBy(() -> LSTM.builder(3, 4).nonlinearity("relu").build())
        .hasMessage("LSTM: nonlinearity applies to RNN only");
    assertThatThrownBy(() -> GRU.builder(3, 0).build()).hasMessageContaining("GRU: input size");
    assertThatThrownBy(() -> GRU.builder(3, 2).dropout(1).build())
        .hasMessageContaining("GRU: dropout must be in [0, 1)");
    Variable w = data(1, 16, 3);
    assertThatThrownBy(() -> F.lstm(data(1, 2, 5, 3), null, null, w, data(2, 16, 5), null, null,
        true)).hasMessage("lstm: weight_hh [16, 5] does not match weight_ih [16, 3] "
            + "(expected [4H, H] = [16, 4])");
    assertThatThrownBy(() -> F.lstm(data(1, 2, 5, 2), null, null, w, data(2, 16, 4), null, null,
        true)).hasMessage("lstm: input [2, 5, 2] does not match weight_ih [16, 3] "
            + "(expected [N, T, 3])");
  }
}
