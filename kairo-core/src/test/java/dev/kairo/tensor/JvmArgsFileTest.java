package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code kairo-jvm.args}, which the {@code kairo} command and bench/compare
 * pass to the JVM: the methods it names must exist (a rename would silently drop the setting),
 * and a JVM given the file must start and print nothing on standard output (the benchmarks
 * print their JSON there).
 */
class JvmArgsFileTest {
  private static final String DONTINLINE = "-XX:CompileCommand=dontinline,";
  private static final String SCALING = "-XX:CompileCommand=CompileThresholdScaling,";
  private static final String BACKGROUND = "-XX:CompileCommand=BackgroundCompilation,";

  private static Path argsFile() {
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path file = module.resolveSibling("kairo-jvm.args");
    assertThat(file).as("kairo-jvm.args beside the kairo-core module").exists();
    return file;
  }

  private static List<String> options() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(argsFile(), StandardCharsets.UTF_8)) {
      int hash = line.indexOf('#');
      String code = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (!code.isEmpty()) {
        out.addAll(Arrays.asList(code.split("\\s+")));
      }
    }
    return out;
  }

  @Test
  void everyMethodKeptOutOfItsCallersExists() throws Exception {
    List<String> names = new ArrayList<>();
    for (String option : options()) {
      if (!option.startsWith(DONTINLINE)) {
        continue;
      }
      String[] target = option.substring(DONTINLINE.length()).split("::");
      assertThat(target).as(option).hasSize(2);
      boolean found = declares(target[0], target[1]);
      assertThat(found).as("%s declares a method %s (named in kairo-jvm.args)", target[0],
          target[1]).isTrue();
      names.add(target[1]);
    }
    assertThat(names).contains("sgemm", "work");
  }

  @Test
  void everyMethodCompiledSoonerExists() throws Exception {
    List<String> names = methodOptionTargets(SCALING, value -> assertThat(Double.parseDouble(value))
        .as("%s factor", SCALING).isBetween(0.01, 1.0));
    assertThat(names).contains("dev.kairo.nn.Predictor::*");
  }

  @Test
  void everyMethodCompiledWhileItsCallerWaitsExists() throws Exception {
    List<String> names = methodOptionTargets(BACKGROUND, value -> assertThat(value)
        .as("%s value", BACKGROUND).isIn("false", "true"));
    assertThat(names).contains("dev.kairo.nn.Predictor::*", "dev.kairo.tensor.VectorGemv::dots");
  }

  /**
   * The targets of every {@code PREFIX CLASS::METHOD,VALUE} line (METHOD a name or *), each
   * checked to exist, with {@code checkValue} run on its value.
   */
  private List<String> methodOptionTargets(String prefix,
      java.util.function.Consumer<String> checkValue) throws Exception {
    List<String> names = new ArrayList<>();
    for (String option : options()) {
      if (!option.startsWith(prefix)) {
        continue;
      }
      String[] parts = option.substring(prefix.length()).split(",");
      assertThat(parts).as(option).hasSize(2);
      checkValue.accept(parts[1]);
      String[] target = parts[0].split("::");
      assertThat(target).as(option).hasSize(2);
      boolean found = target[1].equals("*") ? exists(target[0]) : declares(target[0], target[1]);
      assertThat(found).as("%s declares %s (named in kairo-jvm.args)", target[0], target[1])
          .isTrue();
      names.add(parts[0]);
    }
    return names;
  }

  private boolean exists(String owner) {
    try {
      Class.forName(owner, false, getClass().getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Whether class {@code owner} declares a method {@code name}: by reflection for kairo-core's
   * own classes, from the source for a class of another module (kairo-train's, for example),
   * which is not on this module's class path.
   */
  private boolean declares(String owner, String name) throws IOException {
    try {
      // Not initialised: OpenBlasGemm's class must not load native code here.
      Class<?> c = Class.forName(owner, false, getClass().getClassLoader());
      return Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name));
    } catch (ClassNotFoundException e) {
      String file = "src/main/java/" + owner.replace('.', '/') + ".java";
      try (var modules = Files.list(argsFile().getParent())) {
        for (Path module : (Iterable<Path>) modules::iterator) {
          Path source = module.resolve(file);
          if (Files.exists(source)) {
            return Files.readString(source).matches("(?s).*\\s" + name + "\\(.*");
          }
        }
      }
      return false;
    }
  }

  @Test
  void quietComesBeforeTheCompileCommandsItSilences() throws IOException {
    List<String> options = options();
    int quiet = options.indexOf("-XX:CompileCommand=quiet");
    int first = -1;
    for (int i = 0; i < options.size() && first < 0; i++) {
      if (options.get(i).startsWith(DONTINLINE)) {
        first = i;
      }
    }
    assertThat(quiet).isGreaterThanOrEqualTo(0).isLessThan(first);
  }

  @Test
  void aJvmStartsWithTheFileAndKeepsStandardOutputClean() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "@" + argsFile(), "-version")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] stdout = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(new String(stdout, StandardCharsets.UTF_8)).isEmpty();
  }
}
