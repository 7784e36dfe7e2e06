package dev.kairo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.autograd.Variable;
import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Sgd;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.callbacks.BestModel;
import dev.kairo.train.callbacks.EarlyStopping;
import dev.kairo.train.callbacks.GradientNorms;
import dev.kairo.train.callbacks.HistoryWriter;
import dev.kairo.train.callbacks.ProgressBarCallback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  private static Module mlp(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(new Linear(2, 16, true, rng), Activation.tanh(),
        new Linear(16, 2, true, rng));
  }

  private static final TensorDataset TRAIN = Generators.makeMoons(400, 0.15, 1);
  private static final TensorDataset VALID = Generators.makeMoons(200, 0.15, 2);

  private static Trainer.Builder builder(Module m, double lr) {
    return Trainer.builder(m, new Adam(m.parameters(), lr), LossFunction.softmaxCrossEntropy())
        .batchSize(32).seed(7);
  }

  @Test
  void learnsMoonsPastABar() {
    Module m = mlp(1);
    History h = builder(m, 0.02).epochs(30).build().fit(TRAIN, VALID);
    assertThat(h.last().get("val_accuracy")).isGreaterThan(0.95);
    assertThat(h.series("loss")[29]).isLessThan(h.series("loss")[0] / 3);
    assertThat(h.names()).contains("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr",
        "seconds", "samples_per_s");
  }

  @Test
  void sameSeedSameNumbers() {
    double[] a = builder(mlp(3), 0.01).epochs(3).build().fit(TRAIN).series("loss");
    double[] b = builder(mlp(3), 0.01).epochs(3).build().fit(TRAIN).series("loss");
    assertThat(a).containsExactly(b);
  }

  @Test
  void aPresetLossRunsCompiledStepsWithTheRecordedLoopsNumbers() {
    // The preset runs each batch as a compiled TrainStep; the same loss written as a lambda is
    // recorded op by op. Losses, accuracies (from the step's output) and weights must agree.
    Module compiled = mlp(8);
    Module recorded = mlp(8);
    LossFunction lambda = (out, batch) -> F.softmaxCrossEntropy(out, batch.labels());
    assertThat(TrainStep.of(compiled, StepLoss.SOFTMAX_CROSS_ENTROPY,
        new Adam(compiled.parameters(), 0.01)).compiled()).isTrue();
    History a = builder(compiled, 0.01).epochs(3).build().fit(TRAIN, VALID);
    History b = Trainer.builder(recorded, new Adam(recorded.parameters(), 0.01), lambda)
        .batchSize(32).seed(7).epochs(3).build().fit(TRAIN, VALID);
    for (String k : new String[] {"loss", "accuracy", "val_loss", "val_accuracy"}) {
      assertThat(a.series(k)).as(k).containsExactly(b.series(k));
    }
    recorded.stateDict().forEach((k, t) ->
        assertThat(compiled.stateDict().get(k).toArray()).as(k).containsExactly(t.toArray()));
  }

  @Test
  void theRegressionPresetRunsCompiledWithTheRecordedNumbers() {
    // y = 2x² − 1 on 64 points: the MSE preset (compiled steps on batch.y()) against the same
    // loss as a lambda (recorded), batches of 16 with a short last one.
    float[] xs = new float[70];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = -1 + 2f * i / xs.length;
    }
    TensorDataset data = Generators.regression1d(x -> 2 * x * x - 1, Tensor.of(xs, xs.length, 1));
    SplittableRandom r1 = new SplittableRandom(11);
    SplittableRandom r2 = new SplittableRandom(11);
    Module compiled = new Sequential(new Linear(1, 32, true, r1), Activation.relu(),
        new Linear(32, 1, true, r1));
    Module recorded = new Sequential(new Linear(1, 32, true, r2), Activation.relu(),
        new Linear(32, 1, true, r2));
    LossFunction lambda = (out, batch) -> F.meanSquaredError(out, Variable.of(batch.y()));
    History a = Trainer.builder(compiled, new Adam(compiled.parameters(), 0.01),
        LossFunction.meanSquaredError()).batchSize(16).seed(3).epochs(20).build().fit(data);
    History b = Trainer.builder(recorded, new Adam(recorded.parameters(), 0.01), lambda)
        .batchSize(16).seed(3).epochs(20).build().fit(data);
    assertThat(a.series("loss")).containsExactly(b.series("loss"));
    assertThat(a.series("loss")[19]).isLessThan(a.series("loss")[0] / 2);
    recorded.stateDict().forEach((k, t) ->
        assertThat(compiled.stateDict().get(k).toArray()).as(k).containsExactly(t.toArray()));
  }

  @Test
  void earlyStoppingStopsAndBestModelRestoresTheBestEpoch() {
    Module m = mlp(4);
    BestModel best = new BestModel("val_loss");
    Map<String, dev.kairo.tensor.Tensor>[] atBest = new Map[1];
    // After epoch 3, wreck the weights: validation gets worse, so epoch 3 stays the best.
    Callback saboteur = new Callback() {
      @Override
      public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
        if (ctx.epoch() == 3) {
          atBest[0] = new java.util.LinkedHashMap<>();
          ctx.model().stateDict().forEach((k, t) -> atBest[0].put(k, t.copy()));
        }
        if (ctx.epoch() >= 3) {
          ctx.model().parameters().forEach(p -> p.data().fill(5f));
        }
      }
    };
    EarlyStopping stop = new EarlyStopping("val_loss", 1);
    History h = builder(m, 0.01).epochs(20).callbacks(best, saboteur, stop).build()
        .fit(TRAIN, VALID);
    assertThat(h.size()).isEqualTo(5);     // epochs 4 and 5 did not improve on 3
    assertThat(best.bestEpoch()).isEqualTo(3);
    assertThat(stop.bestEpoch()).isEqualTo(3);
    atBest[0].forEach((k, t) ->
        assertThat(m.stateDict().get(k).toArray()).as(k).containsExactly(t.toArray()));
  }

  @Test
  void divergenceStopsWithEpochAndBatchAndKeepsTheBestModel() {
    Module m = mlp(5);
    BestModel best = new BestModel("loss");
    Callback explode = new Callback() {
      @Override
      public void onBatchEnd(TrainingContext ctx, int batch, double loss, int n) {
        if (ctx.epoch() == 2 && batch == 4) {
          ctx.model().parameters().get(0).data().fill(Float.NaN);
        }
      }
    };
    Trainer t = Trainer.builder(m, new Sgd(m.parameters(), 0.1), LossFunction.softmaxCrossEntropy())
        .batchSize(32).epochs(5).callbacks(best, explode).build();
    assertThatThrownBy(() -> t.fit(TRAIN))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("NaN").hasMessageContaining("epoch 2").hasMessageContaining("batch 5");
    assertThat(best.bestEpoch()).isEqualTo(1);
    for (var p : m.parameters()) {
      assertThat(p.data().toArray()).as("restored weights are finite").doesNotContain(Float.NaN);
    }
  }

  @Test
  void writesHistoryAndRecordsGradientNormsPerLayer(@TempDir Path dir) throws Exception {
    Module m = mlp(6);
    GradientNorms norms = new GradientNorms();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    builder(m, 0.01).epochs(2).callbacks(norms, new HistoryWriter(dir.resolve("h.csv")),
        new HistoryWriter(dir.resolve("h.json")),
        new ProgressBarCallback(new PrintStream(log, true, StandardCharsets.UTF_8), false))
        .build().fit(TRAIN, VALID);
    assertThat(Files.readAllLines(dir.resolve("h.csv"))).hasSize(3).first().asString()
        .startsWith("epoch,loss,accuracy");
    assertThat(Files.readString(dir.resolve("h.json"))).contains("\"val_accuracy\"");
    assertThat(norms.perStep().keySet()).containsExactly("0", "2");
    assertThat(norms.perStep().get("0")).hasSize(2 * 13);
    assertThat(java.util.Arrays.stream(norms.perStep().get("0")).min().getAsDouble()).isPositive();
    assertThat(norms.epochMeans().get("2")).hasSize(2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("epoch 1/2").contains("samples_per_s");
  }

  @Test
  void monitoringAValueThatIsNotLoggedSaysWhatIs() {
    Module m = mlp(7);
    Trainer t = builder(m, 0.01).epochs(1).callbacks(new EarlyStopping("val_loss", 1)).build();
    assertThatThrownBy(() -> t.fit(TRAIN)).hasMessageContaining("no 'val_loss'")
        .hasMessageContaining("validation data");
  }

  @Test
  void badSettingsAreRefused() {
    Module m = mlp(8);
    assertThatThrownBy(() -> builder(m, 0.01).epochs(0)).hasMessageContaining("epochs");
    assertThatThrownBy(() -> builder(m, 0.01).batchSize(0)).hasMessageContaining("batch size");
    assertThatThrownBy(() -> new Adam(m.parameters(), -1)).hasMessageContaining("learning rate");
  }
}
