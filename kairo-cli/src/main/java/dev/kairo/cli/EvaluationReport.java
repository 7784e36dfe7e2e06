package dev.kairo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kairo.data.image.ImageDataset;
import dev.kairo.io.AtomicFiles;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.ConfusionMatrix;
import dev.kairo.viz.ConfusionMatrixPlot;
import dev.kairo.viz.ImageGrid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What {@code kairo evaluate} found, as text (a per-class table and the confusion matrix), as
 * pictures (the matrix as a heat map, the most confident mistakes as an image grid) and as
 * {@code evaluation.json}.
 *
 * <pre>{@code
 * EvaluationReport r = new EvaluationReport(cm, names, images, truth, predicted, confidence);
 * r.print(System.out);
 * r.write(Path.of("kairo-out"), "fashion-mnist test, accuracy 0.8843", model, data, "test");
 * }</pre>
 */
final class EvaluationReport {
  /** At most this many misclassified images are drawn. */
  static final int MAX_SHOWN = 36;

  private final ConfusionMatrix cm;
  private final List<String> names;
  private final ImageDataset images;
  private final int[] truth;
  private final int[] predicted;
  private final float[] confidence;

  EvaluationReport(ConfusionMatrix cm, List<String> names, ImageDataset images, int[] truth,
      int[] predicted, float[] confidence) {
    this.cm = cm;
    this.names = names;
    this.images = images;
    this.truth = truth;
    this.predicted = predicted;
    this.confidence = confidence;
  }

  /** How many images were classified right. */
  long right() {
    return IntStream.range(0, truth.length).filter(i -> truth[i] == predicted[i]).count();
  }

  /** Prints the per-class table and the confusion matrix. */
  void print(PrintStream out) {
    int k = names.size();
    int nameWidth = Math.min(24, Math.max(13, names.stream().mapToInt(String::length).max()
        .orElse(0)));
    String row = "%-" + nameWidth + "s %9s %7s %7s %8s%n";
    out.printf(row, "class", "precision", "recall", "f1", "support");
    for (int c = 0; c < k; c++) {
      out.printf(row, clip(names.get(c), nameWidth), score(cm.precision(c)), score(cm.recall(c)),
          score(cm.f1(c)), String.format("%,d", support(c)));
    }
    out.printf(row, "macro average", score(macro(cm::precision)), score(macro(cm::recall)),
        score(cm.macroF1()), String.format("%,d", truth.length));
    out.println();
    out.println("confusion matrix (rows: true class, columns: predicted class)");
    long max = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        max = Math.max(max, cm.count(i, j));
      }
    }
    int w = Math.max(5, Long.toString(max).length() + 2);
    StringBuilder head = new StringBuilder(" ".repeat(nameWidth + 4));
    for (int j = 0; j < k; j++) {
      head.append(String.format("%" + w + "d", j));
    }
    out.println(head);
    for (int i = 0; i < k; i++) {
      StringBuilder line = new StringBuilder(String.format("%3d %-" + nameWidth + "s", i,
          clip(names.get(i), nameWidth)));
      for (int j = 0; j < k; j++) {
        line.append(String.format("%" + w + "d", cm.count(i, j)));
      }
      out.println(line);
    }
  }

  /**
   * Writes confusion-matrix.png, misclassified.png (when any image is misclassified; an old one
   * is removed otherwise) and evaluation.json into {@code dir}; returns the names written.
   */
  List<String> write(Path dir, String title, String model, String data, String split)
      throws IOException {
    Files.createDirectories(dir);
    List<String> written = new ArrayList<>();
    long[][] counts = counts();
    ConfusionMatrixPlot.of(counts, names).title(title).save(dir.resolve("confusion-matrix.png"));
    written.add("confusion-matrix.png");
    int[] wrong = IntStream.range(0, truth.length).filter(i -> truth[i] != predicted[i])
        .boxed().sorted(Comparator.comparingDouble(i -> -confidence[i]))
        .mapToInt(Integer::intValue).limit(MAX_SHOWN).toArray();
    Path grid = dir.resolve("misclassified.png");
    if (wrong.length > 0) {
      List<String> captions = new ArrayList<>();
      for (int i : wrong) {
        captions.add(String.format(Locale.ROOT, "%s → %s (p=%.2f)", names.get(truth[i]),
            names.get(predicted[i]), confidence[i]));
      }
      long errors = truth.length - right();
      ImageGrid.of(grey(images.features(wrong))).columns(6).captions(captions)
          .scaling(ImageGrid.Scaling.NONE)
          .title(String.format(Locale.ROOT, "Misclassified: the %d most confident of %,d errors"
              + " (true → predicted)", wrong.length, errors))
          .save(grid);
      written.add("misclassified.png");
    } else {
      Files.deleteIfExists(grid);
    }
    AtomicFiles.writeString(dir.resolve("evaluation.json"), json(model, data, split, counts));
    written.add("evaluation.json");
    return written;
  }

  private String json(String model, String data, String split, long[][] counts)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("model", model);
    root.put("data", data);
    root.put("split", split);
    root.put("samples", truth.length);
    root.put("accuracy", cm.accuracy());
    number(root, "macro_f1", cm.macroF1());
    names.forEach(root.putArray("classes")::add);
    ArrayNode perClass = root.putArray("per_class");
    for (int c = 0; c < names.size(); c++) {
      ObjectNode o = perClass.addObject();
      o.put("class", names.get(c));
      number(o, "precision", cm.precision(c));
      number(o, "recall", cm.recall(c));
      number(o, "f1", cm.f1(c));
      o.put("support", support(c));
    }
    ArrayNode confusion = root.putArray("confusion");
    for (long[] r : counts) {
      ArrayNode a = confusion.addArray();
      for (long v : r) {
        a.add(v);
      }
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  /** JSON has no NaN: a score with no samples behind it is null. */
  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  private long[][] counts() {
    int k = names.size();
    long[][] c = new long[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c[i][j] = cm.count(i, j);
      }
    }
    return c;
  }

  private long support(int c) {
    long s = 0;
    for (int j = 0; j < names.size(); j++) {
      s += cm.count(c, j);
    }
    return s;
  }

  private double macro(java.util.function.IntToDoubleFunction score) {
    return IntStream.range(0, names.size()).mapToDouble(score).filter(v -> !Double.isNaN(v))
        .average().orElse(Double.NaN);
  }

  /** [N, C, H, W] images as [N, H, W] grey levels (colour by luma, as Pillow's "L"). */
  static Tensor grey(Tensor x) {
    int[] s = x.shape();
    if (s[1] == 1) {
      return x.reshape(s[0], s[2], s[3]);
    }
    float[] v = x.toArray();
    int plane = s[2] * s[3];
    float[] g = new float[s[0] * plane];
    for (int n = 0; n < s[0]; n++) {
      int base = n * s[1] * plane;
      for (int p = 0; p < plane; p++) {
        g[n * plane + p] = 0.299f * v[base + p] + 0.587f * v[base + plane + p]
            + 0.114f * v[base + 2 * plane + p];
      }
    }
    return Tensor.of(g, s[0], s[2], s[3]);
  }

  private static String score(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
