package dev.kairo.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.nn.GRU;
import dev.kairo.nn.LSTM;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.RNN;
import dev.kairo.nn.RecurrentLayer;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LSTM, GRU and RNN round-trip through Model.save / Model.load with every knob kept. */
class RecurrentModelFilesTest {
  @TempDir
  Path dir;

  private static float[] predict(Module m, Tensor x) {
    m.eval();
    try (NoGrad g = NoGrad.enter()) {
      return m.forward(Variable.of(x)).data().toArray();
    }
  }

  @Test
  void recurrentModelsSaveAndLoadWithIdenticalPredictions() throws Exception {
    List<Module> models = List.of(
        new Sequential(LSTM.builder(3, 6).layers(2).dropout(0.25).seed(1).build(),
            new Linear(6, 2, true, new SplittableRandom(2))),
        new Sequential(GRU.builder(3, 5).batchFirst(false).bias(false).seed(3).build()),
        new Sequential(RNN.builder(3, 4).nonlinearity("relu").layers(2).seed(4).build()));
    Tensor x = Tensor.normal(0, 1, 9L, 2, 5, 3);
    int i = 0;
    for (Module m : models) {
      Optimizer opt = new Adam(m.parameters(), 0.01);
      for (int s = 0; s < 3; s++) {   // a few steps so weights and the dropout counter move
        m.train();
        Variable loss = F.sum(F.square(m.forward(Variable.of(Tensor.normal(0, 1, s, 2, 5, 3)))));
        opt.zeroGrad();
        loss.backward();
        opt.step();
      }
      Path f = dir.resolve("rnn" + i++ + ".safetensors");
      Model.save(m, f);
      Module back = Model.load(f);
      assertThat(back.toString()).isEqualTo(m.toString());
      assertThat(back.stateDict().keySet()).containsExactlyElementsOf(m.stateDict().keySet());
      assertThat(predict(back, x)).containsExactly(predict(m, x));
      RecurrentLayer a = (RecurrentLayer) ((Sequential) m).get(0);
      RecurrentLayer b = (RecurrentLayer) ((Sequential) back).get(0);
      assertThat(b.getClass()).isEqualTo(a.getClass());
      assertThat(b.toString()).isEqualTo(a.toString());
      assertThat(b.dropoutSeed()).isEqualTo(a.dropoutSeed());
      // Resumed training draws the same dropout masks.
      a.train();
      b.train();
      assertThat(a.forward(Variable.of(x)).data().toArray())
          .containsExactly(b.forward(Variable.of(x)).data().toArray());
    }
    JsonNode json = new ObjectMapper().readTree(dir.resolve("rnn0.json").toFile());
    JsonNode lstm = json.at("/architecture/layers/0");
    assertThat(lstm.get("type").asText()).isEqualTo("LSTM");
    assertThat(lstm.get("hidden").asInt()).isEqualTo(6);
    assertThat(lstm.get("layers").asInt()).isEqualTo(2);
    assertThat(new ObjectMapper().readTree(dir.resolve("rnn2.json").toFile())
        .at("/architecture/layers/0/nonlinearity").asText()).isEqualTo("relu");
  }
}
