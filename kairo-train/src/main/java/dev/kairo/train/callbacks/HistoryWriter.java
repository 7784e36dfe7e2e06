package dev.kairo.train.callbacks;

import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the history as CSV ({@code .csv}) or JSON ({@code .json}) while training runs, so a
 * run that is cut short still leaves its curves behind, and once more when it ends. Rewriting
 * the whole file costs time proportional to the epochs so far, so during training it is
 * written at most once every {@link #MIN_INTERVAL_NANOS} (a 20,000-epoch run of a tiny network
 * would otherwise spend its time rewriting the file).
 *
 * <pre>{@code
 * new HistoryWriter(Path.of("kairo-out/history.csv"))
 * }</pre>
 */
public final class HistoryWriter implements Callback {
  private final Path file;
  private final boolean json;
  /** Minimum time between two writes during training: one second. */
  public static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
  private long lastWrite = Long.MIN_VALUE;

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
    long now = System.nanoTime();
    if (lastWrite != Long.MIN_VALUE && now - lastWrite < MIN_INTERVAL_NANOS) {
      return;
    }
    lastWrite = now;
    write(ctx);
  }

  @Override
  public void onTrainEnd(TrainingContext ctx, boolean failed) {
    write(ctx);
  }

  private void write(TrainingContext ctx) {
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
