package dev.kairo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every workload runner prints: one JSON line per measured figure, in the same shape as
 * the peers' scripts ({@code bench/w5_peers.py}), so {@code bench/compare} can put them side by
 * side.
 *
 * <pre>{@code
 * BenchOutput.line("W5a", "kairo", seconds, accuracy, "train_accuracy");
 * }</pre>
 */
final class BenchOutput {
  private BenchOutput() {}

  /** Peak resident memory of this process in MiB ({@code VmHWM}), NaN where unknown. */
  static double peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: no figure.
    }
    return Double.NaN;
  }

  /** Prints {@code {"workload", "impl", "seconds", "metric", "metric_name", "peak_rss_mib"}}. */
  static void line(String workload, String impl, double seconds, double metric, String metricName) {
    System.out.println(String.format(Locale.ROOT,
        "{\"workload\": \"%s\", \"impl\": \"%s\", \"seconds\": %.6f, \"metric\": %.8g,"
            + " \"metric_name\": \"%s\", \"peak_rss_mib\": %.1f}",
        workload, impl, seconds, metric, metricName, peakRssMib()));
  }
}
