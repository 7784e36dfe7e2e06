package dev.kairo.train.callbacks;

import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the history after every epoch, as CSV ({@code .csv}) or JSON ({@code .json}), so a
 * run that is cut short still leaves its curves behind.
 *
 * <pre>{@code
 * new HistoryWriter(Path.of("kairo-out/history.csv"))
 * }</pre>
 */
public final class HistoryWriter implements Callback {
  private final Path file;
  private final boolean json;

  /** Writes to {@code file}; the extension chooses the format. */
  public HistoryWriter(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (!n.endsWith(".csv") && !n.endsWith(".json")) {
      throw new IllegalArgumentException("HistoryWriter: " + file + " must end in .csv or .json");
    }
    this.file = file;
    this.json = n.endsWith(".json");
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
    try {
      if (json) {
        ctx.history().writeJson(file);
      } else {
        ctx.history().writeCsv(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("HistoryWriter: cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
