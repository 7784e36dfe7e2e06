package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LSTM, GRU and RNN against PyTorch 1.13: outputs, final states and the gradients of every
 * input, initial state and parameter, for fixed weights loaded under PyTorch's own parameter
 * names. The values and their recipe: {@code src/test/resources/golden/recurrent.json}, made by
 * {@code src/test/python/recurrent_golden.py} (PyTorch in float64 on float32 inputs).
 */
class RecurrentGoldenTest {
  private static final double TOL = 1e-5;

  static Stream<JsonNode> cases() throws IOException {
    try (InputStream in = RecurrentGoldenTest.class.getResourceAsStream("/golden/recurrent.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<JsonNode> out = new ArrayList<>();
      root.get("cases").forEach(out::add);
      return out.stream();
    }
  }

  static Tensor tensor(JsonNode t) {
    int[] shape = new int[t.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.get("shape").get(i).asInt();
    }
    float[] d = new float[t.get("data").size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) t.get("data").get(i).asDouble();
    }
    return Tensor.of(d, shape);
  }

  static void assertClose(String what, Tensor actual, JsonNode expected) {
    Tensor e = tensor(expected);
    assertThat(actual.shape()).as("%s shape", what).containsExactly(e.shape());
    float[] a = actual.toArray();
    JsonNode data = expected.get("data");
    double worst = 0;
    int at = -1;
    for (int i = 0; i < a.length; i++) {
      double x = data.get(i).asDouble();
      double err = Math.abs(a[i] - x) / Math.max(1, Math.abs(x));
      if (!(err <= worst)) {
        worst = err;
        at = i;
      }
    }
    assertThat(worst).as("%s: worst relative error at element %d (Kairo %s, PyTorch %s)", what,
        at, at < 0 ? "" : a[at], at < 0 ? "" : data.get(at).asDouble()).isLessThanOrEqualTo(TOL);
  }

  static RecurrentLayer build(JsonNode c) {
    int in = c.get("input").asInt();
    int h = c.get("hidden").asInt();
    RecurrentLayer.Builder<?> b;
    switch (c.get("kind").asText()) {
      case "LSTM":
        b = LSTM.builder(in, h);
        break;
      case "GRU":
        b = GRU.builder(in, h);
        break;
      default:
        b = RNN.builder(in, h).nonlinearity(c.get("nonlinearity").asText());
    }
    RecurrentLayer m = b.layers(c.get("layers").asInt()).batchFirst(c.get("batchFirst").asBoolean())
        .bias(c.get("bias").asBoolean()).seed(0).build();
    Map<String, Tensor> state = new LinkedHashMap<>();
    c.get("params").fields().forEachRemaining(e -> state.put(e.getKey(), tensor(e.getValue())));
    m.loadStateDict(state);   // PyTorch's names and shapes load as they are
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(JsonNode c) {
    RecurrentLayer m = build(c);
    Variable x = new Variable(tensor(c.get("x")));
    Variable h0 = new Variable(tensor(c.get("h0")));
    Variable c0 = c.has("c0") ? new Variable(tensor(c.get("c0"))) : null;
    RecurrentLayer.Output r = m.forwardWithState(x, h0, c0);
    assertClose("output", r.output().data(), c.get("out"));
    assertClose("h_n", r.h().data(), c.get("h_n"));
    Variable loss = F.add(F.sum(F.mul(r.output(), Variable.of(tensor(c.get("w_out"))))),
        F.sum(F.mul(r.h(), Variable.of(tensor(c.get("w_h"))))));
    if (c0 != null) {
      assertClose("c_n", r.c().data(), c.get("c_n"));
      loss = F.add(loss, F.sum(F.mul(r.c(), Variable.of(tensor(c.get("w_c"))))));
    } else {
      assertThat(r.c()).isNull();
    }
    double expectedLoss = c.get("loss").asDouble();
    assertThat((double) loss.item()).isCloseTo(expectedLoss,
        org.assertj.core.api.Assertions.within(TOL * Math.max(1, Math.abs(expectedLoss))));
    loss.backward();
    JsonNode g = c.get("grads");
    assertClose("grad x", x.grad(), g.get("x"));
    assertClose("grad h0", h0.grad(), g.get("h0"));
    if (c0 != null) {
      assertClose("grad c0", c0.grad(), g.get("c0"));
    }
    Map<String, Parameter> ps = m.namedParameters();
    assertThat(ps.keySet()).containsExactlyElementsOf(iterable(c.get("params").fieldNames()));
    ps.forEach((k, p) -> assertClose("grad " + k, p.grad(), g.get(k)));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }
}
