package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders one example of each picture, as PNG and SVG, into the folder named by the system
 * property {@code kairo.viz.examples} (default {@code target/viz-examples}), for people to look
 * at; the assertions only check that every file is there and decodes.
 *
 * <pre>{@code
 * mvn -o -pl kairo-viz test -Dtest=ExamplesTest -Dkairo.viz.examples=/tmp/viz-examples
 * }</pre>
 */
class ExamplesTest {

  private static Path out;

  @BeforeAll
  static void folder() {
    out = Path.of(System.getProperty("kairo.viz.examples", "target/viz-examples"));
  }

  private static void both(Panel p, String name) throws Exception {
    Figure f = p instanceof Figure fig ? fig : Figure.of(p);
    f.save(out.resolve(name + ".png"));
    f.save(out.resolve(name + ".svg"));
    assertThat(javax.imageio.ImageIO.read(out.resolve(name + ".png").toFile())).isNotNull();
    Pictures.parseSvg(out.resolve(name + ".svg"));
  }

  /** Two interleaving half circles with Gaussian noise, as scikit-learn's make_moons. */
  static float[][] moons(int n, double noise, long seed, int[] labels) {
    Random r = new Random(seed);
    float[][] p = new float[n][];
    for (int i = 0; i < n; i++) {
      boolean upper = i < n / 2;
      double t = Math.PI * (upper ? i : i - n / 2) / (n / 2 - 1);
      double x = upper ? Math.cos(t) : 1 - Math.cos(t);
      double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
      p[i] = new float[] {(float) (x + noise * r.nextGaussian()),
          (float) (y + noise * r.nextGaussian())};
      labels[i] = upper ? 0 : 1;
    }
    return p;
  }

  /** k-nearest-neighbour vote: a classifier with a curved boundary, written in a few lines. */
  static int[] knn(float[][] train, int[] labels, float[][] batch, int k) {
    int[] out = new int[batch.length];
    double[] d = new double[train.length];
    for (int b = 0; b < batch.length; b++) {
      for (int i = 0; i < train.length; i++) {
        double dx = batch[b][0] - train[i][0];
        double dy = batch[b][1] - train[i][1];
        d[i] = dx * dx + dy * dy;
      }
      int[] votes = new int[2];
      boolean[] used = new boolean[train.length];
      for (int m = 0; m < k; m++) {
        int best = -1;
        for (int i = 0; i < train.length; i++) {
          if (!used[i] && (best < 0 || d[i] < d[best])) {
            best = i;
          }
        }
        used[best] = true;
        votes[labels[best]]++;
      }
      out[b] = votes[1] > votes[0] ? 1 : 0;
    }
    return out;
  }

  @Test
  void decisionRegionsAndScatter() throws Exception {
    int[] labels = new int[200];
    float[][] pts = moons(200, 0.2, 42, labels);
    int[] pred = knn(pts, labels, pts, 7);
    int right = 0;
    for (int i = 0; i < pred.length; i++) {
      right += pred[i] == labels[i] ? 1 : 0;
    }
    String title = String.format(java.util.Locale.ROOT, "7-NN, train acc %.3f",
        right / 200.0);
    both(DecisionRegions.of(b -> knn(pts, labels, b, 7), pts, labels).title(title)
        .classNames("upper moon", "lower moon").xLabel("x1").yLabel("x2"), "decision-regions");
    both(new ScatterPlot("make_moons(200, noise 0.2)").points(pts, labels)
        .classNames("upper moon", "lower moon"), "scatter");
  }

  @Test
  void activationFunctions() throws Exception {
    DoubleUnaryOperator sigmoid = x -> 1 / (1 + Math.exp(-x));
    Figure f = FunctionPlot.grid("Activation functions and their derivatives", 3,
        FunctionPlot.of("sigmoid", sigmoid, x -> sigmoid.applyAsDouble(x)
            * (1 - sigmoid.applyAsDouble(x))),
        FunctionPlot.of("tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x))
            .range(-10, 10),
        FunctionPlot.of("ReLU", x -> Math.max(0, x), x -> x > 0 ? 1 : 0),
        FunctionPlot.of("leaky ReLU (0.1)", x -> x > 0 ? x : 0.1 * x, x -> x > 0 ? 1 : 0.1),
        FunctionPlot.of("ELU", x -> x > 0 ? x : Math.exp(x) - 1, x -> x > 0 ? 1 : Math.exp(x)),
        FunctionPlot.of("softplus", x -> Math.log1p(Math.exp(x)), sigmoid));
    both(f, "activations");
  }

  @Test
  void trainingCurves() throws Exception {
    int n = 60;
    double[] train = new double[n];
    double[] val = new double[n];
    double[] trainAcc = new double[n];
    double[] valAcc = new double[n];
    Random r = new Random(1);
    for (int e = 0; e < n; e++) {
      train[e] = 0.05 + 0.65 * Math.exp(-e / 9.0) + 0.01 * r.nextGaussian() * Math.exp(-e / 30.0);
      // validation stops improving and climbs back: over-fitting after epoch ~25
      val[e] = 0.16 + 0.6 * Math.exp(-e / 8.0) + 0.0001 * Math.pow(Math.max(0, e - 22), 2)
          + 0.01 * r.nextGaussian();
      trainAcc[e] = 1 - 0.5 * Math.exp(-e / 8.0);
      valAcc[e] = 0.93 - 0.45 * Math.exp(-e / 7.0) - 0.0003 * Math.max(0, e - 25);
    }
    both(TrainingCurves.of(train, val).metric("accuracy", trainAcc, valAcc)
        .title("2-50-2 MLP on make_moons: over-fitting"), "training-curves");
  }

  @Test
  void gradientNorms() throws Exception {
    Map<String, double[]> norms = new LinkedHashMap<>();
    Random r = new Random(3);
    int steps = 300;
    for (int layer = 1; layer <= 6; layer++) {
      double[] v = new double[steps];
      for (int s = 0; s < steps; s++) {
        // sigmoid network: each layer closer to the input sees about a quarter of the gradient
        v[s] = Math.pow(0.25, 6 - layer) * 0.5 * Math.exp(-s / 150.0)
            * Math.exp(0.25 * r.nextGaussian());
      }
      norms.put("fc" + layer + ".weight", v);
    }
    both(GradientNormCurves.of(norms).title("Vanishing gradients: 6 sigmoid layers"),
        "gradient-norms");
  }

  @Test
  void imageGrid() throws Exception {
    int n = 16;
    int size = 16;
    float[] d = new float[n * size * size];
    List<String> captions = new ArrayList<>();
    List<Integer> wrong = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < n; i++) {
      int digit = i % 10;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double cx = x - 7.5;
          double cy = y - 7.5;
          double ring = Math.abs(Math.hypot(cx, cy * (1 + digit * 0.08)) - 4.5 - digit * 0.2);
          double bar = Math.abs(cx + (digit - 5) * 0.4 * cy / 7.5) < 1 && digit % 2 == 1 ? 1 : 0;
          double v = Math.max(Math.exp(-ring * ring), bar) + 0.08 * r.nextGaussian();
          d[(i * size + y) * size + x] = (float) v;
        }
      }
      int pred = i % 5 == 3 ? (digit + 3) % 10 : digit;
      captions.add("true " + digit + " / pred " + pred);
      if (pred != digit) {
        wrong.add(i);
      }
    }
    both(ImageGrid.of(Tensor.of(d, n, 1, size, size)).columns(8).captions(captions)
        .highlight(wrong.stream().mapToInt(Integer::intValue).toArray())
        .title("Test images (misclassified in red)"), "image-grid");
  }

  @Test
  void everyExampleIsWritten() throws IOException {
    // Runs in any order with the others; only checks what exists by now, so never fails alone.
    if (Files.isDirectory(out)) {
      try (var files = Files.list(out)) {
        assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
      }
    }
  }
}
