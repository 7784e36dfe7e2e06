package dev.kairo.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules for this module: data is numbers (no graph, no layers), files stay short,
 * and every public type shows an example.
 */
class DataHouseRulesTest {
  private static final Path SRC = Paths.get("src/main/java/dev/kairo/data");
  private static final Pattern KAIRO_IMPORT = Pattern.compile("^import (static )?dev\\.kairo\\.(\\w+)");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("^\\s*public (static )?(final )?(abstract )?(class|interface|enum|record) (\\w+)");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SRC)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void dataImportsOnlyTensorsFromCore() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path f : sources()) {
      for (String line : Files.readAllLines(f)) {
        Matcher m = KAIRO_IMPORT.matcher(line);
        if (m.find() && !m.group(2).equals("tensor") && !m.group(2).equals("data")) {
          bad.add(SRC.relativize(f) + ": " + line.trim());
        }
      }
    }
    assertThat(bad).as("imports of higher layers").isEmpty();
  }

  @Test
  void filesStayUnder400Lines() throws IOException {
    List<String> longFiles = new ArrayList<>();
    for (Path f : sources()) {
      int n = Files.readAllLines(f).size();
      if (n > 400) {
        longFiles.add(SRC.relativize(f) + " (" + n + " lines)");
      }
    }
    assertThat(longFiles).isEmpty();
  }

  @Test
  void everyPublicTypeHasJavadocWithAnExample() throws IOException {
    List<String> missing = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Path f : sources()) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = PUBLIC_TYPE.matcher(lines.get(i));
        if (!m.find()) {
          continue;
        }
        // Walk back over the type's Javadoc (no annotations or blank lines sit in between here).
        int j = i - 1;
        while (j >= 0 && lines.get(j).trim().startsWith("*")) {
          j--;
        }
        String doc = j >= 0 && lines.get(j).trim().startsWith("/**")
            ? String.join("\n", lines.subList(j, i)) : "";
        checked.add(m.group(5));
        if (!doc.contains("<pre>{@code")) {
          missing.add(SRC.relativize(f) + ": " + m.group(5));
        }
      }
    }
    assertThat(checked).as("the rule sees the public types").contains("DataLoader", "Builder",
        "Split", "MissingPolicy", "CsvReader");
    assertThat(missing).as("public types without an example").isEmpty();
  }
}
