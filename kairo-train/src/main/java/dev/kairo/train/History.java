package dev.kairo.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened in each epoch: train loss, validation loss and metrics, learning rate, time,
 * speed. Written as CSV or JSON for plotting elsewhere (files are written to a temporary name
 * and moved into place).
 *
 * <pre>{@code
 * History h = trainer.fit(train, validation);
 * double[] val = h.series("val_loss");
 * h.writeCsv(Path.of("kairo-out/history.csv"));
 * }</pre>
 */
public final class History {
  private final List<Map<String, Double>> epochs = new ArrayList<>();

  /** Appends one epoch's values (epoch numbers start at 1). */
  public void add(Map<String, Double> values) {
    epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  /** The number of epochs recorded. */
  public int size() {
    return epochs.size();
  }

  /** Epoch {@code i} (0-based) as name → value. */
  public Map<String, Double> epoch(int i) {
    return epochs.get(i);
  }

  /** The last epoch's values. */
  public Map<String, Double> last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("History: no epoch recorded yet");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** One value across epochs (NaN where an epoch lacks it). */
  public double[] series(String name) {
    double[] out = new double[epochs.size()];
    boolean seen = false;
    for (int i = 0; i < out.length; i++) {
      Double v = epochs.get(i).get(name);
      seen |= v != null;
      out[i] = v == null ? Double.NaN : v;
    }
    if (!seen && !epochs.isEmpty()) {
      throw new IllegalArgumentException("History: no values named '" + name + "'; recorded: "
          + names());
    }
    return out;
  }

  /** Every value name recorded, in first-seen order. */
  public Set<String> names() {
    Set<String> n = new LinkedHashSet<>();
    epochs.forEach(e -> n.addAll(e.keySet()));
    return n;
  }

  /** Writes a CSV with a header row of the value names. */
  public void writeCsv(Path file) throws IOException {
    Set<String> names = names();
    StringBuilder s = new StringBuilder(String.join(",", names)).append('\n');
    for (Map<String, Double> e : epochs) {
      List<String> row = new ArrayList<>();
      for (String n : names) {
        Double v = e.get(n);
        row.add(v == null ? "" : format(v));
      }
      s.append(String.join(",", row)).append('\n');
    }
    writeAtomically(file, s.toString());
  }

  /** Writes {@code {"epochs": [{...}, ...]}}. */
  public void writeJson(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    writeAtomically(file, json.writeValueAsString(Map.of("epochs", epochs)));
  }

  /** Whole numbers (epochs, counts) without a trailing ".0"; others in full precision. */
  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      dev.kairo.io.AtomicFiles.shareable(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
