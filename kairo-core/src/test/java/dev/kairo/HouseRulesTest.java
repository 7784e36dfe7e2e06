package dev.kairo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules as tests (EJML's TestEnforceCodeStandards, teenygrad's line budget):
 * lower layers never import higher ones, and files stay readable in one sitting.
 */
class HouseRulesTest {
  private static final Path SRC = Paths.get("src/main/java/dev/kairo");
  /** Each package may import only the packages listed (plus itself and the JDK). */
  private static final Map<String, List<String>> ALLOWED = Map.of(
      "tensor", List.of(),
      "autograd", List.of("tensor"),
      "functions", List.of("tensor", "autograd"),
      "nn", List.of("tensor", "autograd", "functions"),
      "optim", List.of("tensor", "autograd", "functions", "nn"),
      "io", List.of("tensor", "autograd", "functions", "nn", "optim"));
  private static final int HARD_LIMIT = 800;

  @Test
  void lowerLayersNeverImportHigherOnes() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
      Path dir = SRC.resolve(e.getKey());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          for (String line : Files.readAllLines(f)) {
            String t = line.trim();
            if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
              continue;  // prose may mention higher layers; code may not
            }
            int at = t.indexOf("dev.kairo.");
            if (at < 0) {
              continue;
            }
            String pkg = t.substring(at + "dev.kairo.".length()).split("[.;]")[0];
            if (!pkg.equals(e.getKey()) && !e.getValue().contains(pkg)
                && ALLOWED.containsKey(pkg)) {
              violations.add(SRC.relativize(f) + " uses dev.kairo." + pkg);
            }
          }
        }
      }
    }
    assertThat(violations).as("layer violations").isEmpty();
  }

  @Test
  void filesStayShort() throws IOException {
    List<String> long400 = new ArrayList<>();
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        int n = Files.readAllLines(f).size();
        if (n > 400) {
          long400.add(SRC.relativize(f) + " (" + n + " lines)");
        }
        if (n > HARD_LIMIT) {
          tooLong.add(SRC.relativize(f) + " (" + n + " lines)");
        }
      }
    }
    if (!long400.isEmpty()) {
      System.out.println("Files past 400 lines (usually two ideas): " + long400);
    }
    assertThat(tooLong).as("files past " + HARD_LIMIT + " lines").isEmpty();
  }
}
