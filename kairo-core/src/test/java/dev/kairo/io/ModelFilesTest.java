package dev.kairo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.BatchNorm;
import dev.kairo.nn.Dropout;
import dev.kairo.nn.LayerNorm;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.PRelu;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.Sgd;
import dev.kairo.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  @TempDir
  Path dir;

  static Sequential model(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(new Linear(4, 8, true, rng), new BatchNorm(8), Activation.relu(),
        new Dropout(0.3, 5), new Linear(8, 6, true, rng), new PRelu(6), new LayerNorm(6),
        Activation.leakyRelu(0.1), new Linear(6, 3, false, rng));
  }

  static Tensor input() {
    return Tensor.normal(0, 1, 11L, 5, 4);
  }

  static float[] predict(Module m) {
    m.eval();
    try (NoGrad g = NoGrad.enter()) {
      return m.forward(Variable.of(input())).data().toArray();
    }
  }

  /** A few training steps so batch-norm statistics and weights are not their initial values. */
  static void train(Module m) {
    Optimizer opt = new Adam(m.parameters(), 0.01);
    for (int i = 0; i < 5; i++) {
      Variable loss = F.sum(F.square(m.forward(Variable.of(Tensor.normal(0, 1, i, 16, 4)))));
      opt.zeroGrad();
      loss.backward();
      opt.step();
    }
  }

  @Test
  void saveAndLoadGiveIdenticalPredictionsAndAReadableArchitecture() throws Exception {
    Sequential m = model(1);
    train(m);
    Path f = dir.resolve("net.safetensors");
    Model.save(m, f);
    Module back = Model.load(f);
    assertThat(predict(back)).containsExactly(predict(m));
    assertThat(back.namedParameters().keySet()).containsExactlyElementsOf(m.namedParameters().keySet());
    var json = new ObjectMapper().readTree(dir.resolve("net.json").toFile());
    assertThat(json.get("format_version").asInt()).isEqualTo(Model.FORMAT_VERSION);
    assertThat(json.at("/architecture/layers/1/type").asText()).isEqualTo("BatchNorm");
    assertThat(json.at("/architecture/layers/0/out").asInt()).isEqualTo(8);
  }

  /** Run in a fresh JVM by the test below: loads a model file and prints its predictions. */
  public static void main(String[] args) throws Exception {
    float[] p = predict(Model.load(Paths.get(args[0])));
    StringBuilder s = new StringBuilder();
    for (float v : p) {
      s.append(Float.floatToIntBits(v)).append(' ');
    }
    System.out.println(s.toString().trim());
  }

  @Test
  void aFreshJvmPredictsExactlyTheSame() throws Exception {
    Sequential m = model(2);
    train(m);
    Path f = dir.resolve("fresh.safetensors");
    Model.save(m, f);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ModelFilesTest.class.getName(), f.toString()).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    String[] bits = out.split("\\s+");
    float[] mine = predict(m);
    assertThat(bits).hasSize(mine.length);
    for (int i = 0; i < mine.length; i++) {
      assertThat(Integer.parseInt(bits[i])).as("prediction %d", i).isEqualTo(Float.floatToIntBits(mine[i]));
    }
  }

  @Test
  void refusesOtherArchitecturesNewerFormatsAndPlainTensorFiles() throws Exception {
    Path f = dir.resolve("a.safetensors");
    Model.save(model(3), f);
    Sequential other = new Sequential(new Linear(4, 9), Activation.relu(), new Linear(9, 3));
    float[] before = other.parameters().get(0).data().toArray();
    assertThatThrownBy(() -> Model.loadWeights(other, f)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("a.safetensors").hasMessageContaining("'0.weight' has shape [8, 4], expected [9, 4]");
    assertThat(other.parameters().get(0).data().toArray()).containsExactly(before);

    Path future = dir.resolve("future.safetensors");
    SafeTensors.write(future, Map.of(), Map.of(Model.FORMAT_KEY, "kairo-model",
        Model.VERSION_KEY, "99", Model.ARCH_KEY, "{}"));
    assertThatThrownBy(() -> Model.load(future)).hasMessageContaining("version 99");

    Path plain = dir.resolve("plain.safetensors");
    SafeTensors.write(plain, Map.of("w", Tensor.zeros(2)), Map.of());
    assertThatThrownBy(() -> Model.load(plain)).hasMessageContaining("no Kairo architecture");

    Path odd = dir.resolve("odd.safetensors");
    SafeTensors.write(odd, Map.of(), Map.of(Model.FORMAT_KEY, "kairo-model",
        Model.VERSION_KEY, "1", Model.ARCH_KEY, "{\"type\":\"Teleporter\"}"));
    assertThatThrownBy(() -> Model.load(odd)).hasMessageContaining("unknown layer type 'Teleporter'");
  }

  @Test
  void anUnsavableModelLeavesThePreviousFileWhole() throws Exception {
    Path f = dir.resolve("keep.safetensors");
    Model.save(model(4), f);
    byte[] before = Files.readAllBytes(f);
    Module custom = new Module() {
      @Override
      public Variable forward(Variable x) {
        return x;
      }
    };
    assertThatThrownBy(() -> Model.save(custom, f)).hasMessageContaining("not a registered layer type");
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void checkpointsRoundTripOptimizerStateAndRefuseMismatches() throws Exception {
    Sequential m = model(5);
    Adam opt = new Adam(m.parameters(), 0.01);
    Variable loss = F.sum(F.square(m.forward(Variable.of(input()))));
    loss.backward();
    opt.step();
    Path f = dir.resolve("ckpt.safetensors");
    Checkpoint.save(f, m, opt, 3, Map.of("note", "hello"));

    Sequential m2 = model(6);
    Adam opt2 = new Adam(m2.parameters(), 0.5);
    Checkpoint.Info info = Checkpoint.load(f, m2, opt2);
    assertThat(info.epoch()).isEqualTo(3);
    assertThat(info.extra()).containsEntry("note", "hello");
    assertThat(opt2.learningRate()).isEqualTo(0.01);
    assertThat(opt2.stepCount()).isEqualTo(1);
    opt.stateTensors().forEach((k, t) ->
        assertThat(opt2.stateTensors().get(k).toArray()).as(k).containsExactly(t.toArray()));
    assertThat(predict(m2)).containsExactly(predict(m));

    Sgd wrongType = new Sgd(m2.parameters(), 0.1);
    assertThatThrownBy(() -> Checkpoint.load(f, m2, wrongType)).hasMessageContaining("optimizer");
    Sequential otherArch = new Sequential(new Linear(4, 3));
    assertThatThrownBy(() -> Checkpoint.load(f, otherArch, new Adam(otherArch.parameters(), 0.1)))
        .hasMessageContaining("different architecture");
    Path modelFile = dir.resolve("m.safetensors");
    Model.save(m, modelFile);
    assertThatThrownBy(() -> Checkpoint.load(modelFile, m2, opt2)).hasMessageContaining("use Model.load");
  }

  /**
   * A model file written by format version 1 (kept in test resources; regenerate only when
   * adding a new version, never to make this test pass) must keep loading and predicting the
   * same numbers. The fixture's predictions were computed on one machine; another CPU or
   * matrix-product kernel (OpenBLAS picks per CPU, the Java kernel orders its sums differently)
   * may round the last bit differently, so this cross-machine check allows a few ulps. Exact
   * equality within one machine is what {@code aFreshJvmPredictsExactlyTheSame} asserts.
   */
  @Test
  void filesFromFormatVersion1StillLoad() throws Exception {
    Path f = Paths.get("src/test/resources/io/model-v1.safetensors");
    float[] expected = ModelFixture.expectedV1Predictions();
    float[] actual = predict(Model.load(f));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("prediction %d", i)
          .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f + 1e-5f * Math.abs(expected[i])));
    }
  }

  @Test
  void metadataTravelsWithTheModel() throws Exception {
    Sequential m = model(5);
    Path f = dir.resolve("meta.safetensors");
    Model.save(m, f, java.util.Map.of("input_shape", "1,28,28", "classes", "a,b,c"));
    assertThat(Model.metadata(f)).containsEntry("input_shape", "1,28,28")
        .containsEntry("classes", "a,b,c").hasSize(2);
    assertThat(java.nio.file.Files.readString(dir.resolve("meta.json"))).contains("\"input_shape\"");
    assertThat(predict(Model.load(f))).containsExactly(predict(m));
    Path plain = dir.resolve("plain.safetensors");
    Model.save(m, plain);
    assertThat(Model.metadata(plain)).isEmpty();
    assertThatThrownBy(() -> Model.save(m, plain, java.util.Map.of(" ", "x")))
        .hasMessageContaining("metadata");
  }

  @Test
  void savedFilesAreReadableByOthersLikeAnyFileTheUserWrites() throws Exception {
    Path f = dir.resolve("shared.safetensors");
    Model.save(model(2), f);
    if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          java.nio.file.Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          java.nio.file.Files.getPosixFilePermissions(dir.resolve("shared.json"))))
          .isEqualTo("rw-r--r--");
    }
  }
}
