package dev.kairo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.io.Model;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Conv2d;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.Linear;
import dev.kairo.nn.MaxPool2d;
import dev.kairo.nn.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir
  Path dir;

  @Test
  void printsLayersParameterShapesCountsAndOutputShapes() throws Exception {
    Sequential cnn = new Sequential(new Conv2d(1, 4, 3), Activation.relu(), new MaxPool2d(2),
        new Flatten(), new Linear(4 * 13 * 13, 10));
    Path f = dir.resolve("cnn.safetensors");
    Model.save(cnn, f);
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Kairo.execute("inspect", f.toString(), "--input-shape", "1,28,28");
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(out).contains("Conv2d").contains("weight [4, 1, 3, 3]").contains("bias [4]")
        .contains("Linear").contains("weight [10, 676]")
        .contains(String.format("total: %,d parameters", 4 * 9 + 4 + 6760 + 10))
        .contains("-> [1, 4, 26, 26]").contains("-> [1, 4, 13, 13]").contains("-> [1, 676]")
        .contains("-> [1, 10]");
  }

  @Test
  void aFileThatIsNotAModelIsAJobFailureNamingTheFile() throws Exception {
    Path f = dir.resolve("junk.safetensors");
    Files.write(f, new byte[] {1, 2, 3});
    assertThat(Kairo.execute("inspect", f.toString())).isEqualTo(1);
    assertThat(Kairo.execute("inspect", dir.resolve("missing.safetensors").toString())).isEqualTo(1);
  }
}
