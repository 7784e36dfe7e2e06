package dev.kairo.cli;

import dev.kairo.io.Model;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Predictor;
import dev.kairo.nn.Sequential;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A saved model used as an image classifier by {@code kairo evaluate} and {@code kairo predict}:
 * the network in eval mode, the facts saved with it ({@code input_shape}, {@code classes}), and
 * class probabilities for a batch of images, computed with no graph by a {@link Predictor}.
 *
 * <pre>{@code
 * Classifier c = Classifier.load(Path.of("kairo-out/model.safetensors"));
 * int[] shape = c.inputShape();                     // [1, 28, 28], or null if not saved
 * float[][] p = c.probabilities(images);            // images [N, C, H, W] in [0, 1]
 * }</pre>
 */
final class Classifier {
  private final Path file;
  private final Module model;
  private final Map<String, String> metadata;
  private final boolean flattens;
  /** The model ready for inference: packed when it is a plain MLP (see Predictor). */
  private final Predictor predictor;

  private Classifier(Path file, Module model, Map<String, String> metadata) {
    this.file = file;
    this.model = model;
    this.metadata = metadata;
    // A network that starts with a linear layer wants [N, C*H*W]; one that starts with Flatten
    // (or a convolution) takes the images as they are.
    Module first = model instanceof Sequential && ((Sequential) model).size() > 0
        ? ((Sequential) model).get(0) : model;
    this.flattens = first instanceof Linear;
    this.predictor = Predictor.of(model);
  }

  /** Loads the model and its metadata; the model is switched to eval mode. */
  static Classifier load(Path file) throws IOException {
    Module m = Model.load(file);
    m.eval();
    return new Classifier(file, m, Model.metadata(file));
  }

  /** The model file. */
  Path file() {
    return file;
  }

  /** The shape of one sample saved as {@code input_shape} (e.g. [1, 28, 28]), or null. */
  int[] inputShape() {
    String s = metadata.get("input_shape");
    return s == null || s.isBlank() ? null : parseShape(s, file + "'s input_shape metadata");
  }

  /** The class names saved as {@code classes} (comma-separated), or null. */
  List<String> classNames() {
    String s = metadata.get("classes");
    return s == null || s.isBlank() ? null
        : Arrays.stream(s.split(",", -1)).map(String::trim).toList();
  }

  /** {@code "1,28,28"} as [1, 28, 28]; {@code what} names where the text came from. */
  static int[] parseShape(String text, String what) {
    try {
      int[] s = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt)
          .toArray();
      if (s.length > 0 && Arrays.stream(s).allMatch(d -> d > 0)) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(what + " must be positive sizes separated by commas,"
        + " like 1,28,28; got '" + text + "'");
  }

  /**
   * Runs one zero image of shape {@code sample} through the model and returns how many scores
   * it gives per image; a model that cannot take such images is an error naming the shape,
   * {@code what} they are, and the layer's complaint.
   */
  int check(int[] sample, String what) {
    int[] batch = new int[sample.length + 1];
    batch[0] = 1;
    System.arraycopy(sample, 0, batch, 1, sample.length);
    try {
      return scores(Tensor.zeros(batch)).shape()[1];
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " does not take " + what + " of shape "
          + Shape.str(sample) + ": " + e.getMessage());
    }
  }

  /** Softmax probabilities, one row per image of {@code images} ([N, C, H, W] or [N, D]). */
  float[][] probabilities(Tensor images) {
    Tensor s = scores(images);
    int n = s.shape()[0];
    int k = s.shape()[1];
    float[] v = s.toArray();
    float[][] out = new float[n][k];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, v[i * k + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(v[i * k + j] - max);
      }
      for (int j = 0; j < k; j++) {
        out[i][j] = (float) (Math.exp(v[i * k + j] - max) / sum);
      }
    }
    return out;
  }

  /** The model's output for a batch: scores [N, K]. */
  private Tensor scores(Tensor images) {
    Tensor x = images;
    int n = x.shape()[0];
    if (flattens && x.rank() > 2) {
      x = x.reshape(n, -1);
    }
    Tensor y = predictor.predict(x);
    if (y.rank() != 2 || y.shape()[0] != n) {
      throw new IllegalStateException(file + " gives outputs of shape " + Shape.str(y.shape())
          + " for " + n + " images; a classifier gives [N, classes] scores");
    }
    return y;
  }

  /** The index of the largest value. */
  static int argmax(float[] p) {
    int best = 0;
    for (int j = 1; j < p.length; j++) {
      if (p[j] > p[best]) {
        best = j;
      }
    }
    return best;
  }
}
