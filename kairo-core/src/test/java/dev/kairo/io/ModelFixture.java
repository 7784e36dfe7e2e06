package dev.kairo.io;

import dev.kairo.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes src/test/resources/io/model-v1.safetensors and model-v1-predictions.txt (run once per
 * new format version: {@code java -cp ... dev.kairo.io.ModelFixture}); the test reads them back.
 */
final class ModelFixture {
  private ModelFixture() {}

  static float[] expectedV1Predictions() throws java.io.IOException {
    String[] parts = Files.readString(Paths.get("src/test/resources/io/model-v1-predictions.txt"))
        .trim().split("\\s+");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.intBitsToFloat(Integer.parseInt(parts[i]));
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Sequential m = ModelFilesTest.model(42);
    ModelFilesTest.train(m);
    Path dir = Paths.get("src/test/resources/io");
    Model.save(m, dir.resolve("model-v1.safetensors"));
    StringBuilder s = new StringBuilder();
    for (float v : ModelFilesTest.predict(m)) {
      s.append(Float.floatToIntBits(v)).append(' ');
    }
    Files.writeString(dir.resolve("model-v1-predictions.txt"), s.toString().trim() + "\n");
  }
}
