package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.cli.Kairo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  void quickDemoWritesItsFigureIntoTheOutputFolder() {
    Path out = dir.resolve("figs");
    assertThat(Kairo.execute("demo", "xor", "--quick", "--seed", "5", "--out", out.toString()))
        .isZero();
    assertThat(out.resolve("xor.png")).isRegularFile();
  }

  @Test
  void listNamesEveryDemo() {
    assertThat(Kairo.execute("demo", "--list")).isZero();
    assertThat(Kairo.execute("demo")).isEqualTo(2);
  }
}
