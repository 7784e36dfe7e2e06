package dev.kairo.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Applies a {@code .properties} file of option values ({@code epochs=500}, {@code hidden=16,8})
 * to a command, for every option not given on the command line. Unknown keys are errors.
 */
final class ConfigFile {
  private ConfigFile() {}

  static void apply(Path file, CommandSpec spec) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("config file " + file + " does not exist");
    }
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String key : p.stringPropertyNames()) {
      OptionSpec opt = spec.findOption("--" + key);
      if (opt == null || key.equals("config")) {
        throw new IllegalArgumentException(file + ": unknown option '" + key + "'");
      }
      if (parsed.hasMatchedOption(opt)) {
        continue;   // the command line wins
      }
      String value = p.getProperty(key).trim();
      try {
        Object converted = opt.type().isArray()
            ? java.util.Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray()
            : convert(opt.type(), value);
        opt.setValue(converted);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ": option '" + key + "' has a bad value '" + value + "'");
      }
    }
  }

  private static Object convert(Class<?> type, String v) {
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(v);
    } else if (type == long.class || type == Long.class) {
      return Long.parseLong(v);
    } else if (type == double.class || type == Double.class) {
      return Double.parseDouble(v);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(v);
    } else if (type == Path.class) {
      return Path.of(v);
    }
    return v;
  }
}
