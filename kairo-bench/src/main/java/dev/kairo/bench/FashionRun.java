package dev.kairo.bench;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.Batch;
import dev.kairo.data.BatchIterator;
import dev.kairo.data.DataLoader;
import dev.kairo.data.image.FashionMnist;
import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.MnistSplit;
import dev.kairo.nn.Module;
import dev.kairo.optim.Adam;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.StepLoss;
import dev.kairo.train.TrainStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training protocol shared by W2, W3 and W4 (WORKLOADS.md): Fashion-MNIST pixels / 255,
 * batch 128, a fresh seeded permutation each epoch (469 batches, the last of 96 kept), mean
 * softmax cross-entropy, Adam lr 1e-3 (0.9, 0.999, 1e-8). The timed region is the whole
 * training step (gathering the batch, forward, backward, update); evaluation is not timed.
 *
 * <pre>{@code
 * FashionRun run = new FashionRun(ImageClassifiers.mlp(0));
 * run.epoch(0, null);                       // one epoch, untimed
 * double acc = run.testAccuracy();
 * }</pre>
 */
final class FashionRun {
  static final int BATCH = 128;

  final Module model;
  final ImageDataset train;
  final ImageDataset test;
  final Adam optimizer;
  final DataLoader loader;
  /**
   * One training step: {@code F.softmaxCrossEntropy(model.forward(x), labels)}, {@code
   * zeroGrad}, {@code backward}, {@code step}; compiled for W2's MLP, recorded for W3's CNN and
   * W4's LSTM (the same numbers either way).
   */
  final TrainStep step;

  FashionRun(Module model) throws IOException {
    this.model = model;
    this.train = FashionMnist.load(MnistSplit.TRAIN);
    this.test = FashionMnist.load(MnistSplit.TEST);
    this.optimizer = new Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8);
    this.loader = DataLoader.builder(train).batchSize(BATCH).shuffle(seed()).build();
    this.step = TrainStep.of(model, StepLoss.SOFTMAX_CROSS_ENTROPY, optimizer);
  }

  /**
   * The seed of the model's initial weights and of the epochs' permutations: 0, or the
   * environment variable {@code KAIRO_BENCH_SEED} (which the Python peers read too), so that
   * accuracies can be compared over several seeds rather than one.
   */
  static int seed() {
    String v = System.getenv("KAIRO_BENCH_SEED");
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("KAIRO_BENCH_SEED must be an integer, got '" + v + "'");
    }
  }

  /** Timing of one epoch: samples seen and nanoseconds spent in the timed batches. */
  record Timing(long samples, long nanos) {}

  /**
   * Trains one epoch; times batches {@code [timeFrom, timeTo)} (all of them for {@code 0,
   * Integer.MAX_VALUE}).
   */
  Timing epoch(int epoch, int timeFrom, int timeTo) {
    model.train();
    long samples = 0;
    long nanos = 0;
    long start = System.nanoTime();
    int b = 0;
    try (BatchIterator it = loader.epoch(epoch)) {
      while (it.hasNext()) {
        if (b == timeFrom) {
          start = System.nanoTime();
        }
        Batch batch = it.next();
        step.run(batch.x(), batch.labels());
        if (b >= timeFrom && b < timeTo) {
          samples += batch.size();
        }
        b++;
        if (b == timeTo) {
          nanos = System.nanoTime() - start;
        }
      }
    }
    if (timeTo > b) {
      nanos = System.nanoTime() - start;
    }
    return new Timing(samples, nanos);
  }

  /** Accuracy on the 10,000 test images, in evaluation mode, batches of 1000. */
  /**
   * Accuracy on the 10,000 test images, in batches of {@link #BATCH} as training uses (the
   * PyTorch peer evaluates the same way). Batches of 1,000 made W3's first convolution output
   * a 100 MB array per batch, and how far G1 then grew the heap decided the run's peak RSS:
   * 430-950 MiB for the same code.
   */
  double testAccuracy() {
    model.eval();
    int correct = 0;
    try (NoGrad g = NoGrad.enter()) {
      for (int s = 0; s < test.size(); s += BATCH) {
        int n = Math.min(BATCH, test.size() - s);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
          idx[i] = s + i;
        }
        Tensor logits = model.forward(Variable.of(test.features(idx))).data();
        float[] pred = logits.argmax(1).toArray();
        for (int i = 0; i < n; i++) {
          correct += (int) pred[i] == test.label(s + i) ? 1 : 0;
        }
      }
    } finally {
      model.train();
    }
    return correct / (double) test.size();
  }

  static void print(String workload, double samplesPerS, double accuracy, String metricName,
      List<Double> perEpoch) {
    List<String> accs = new ArrayList<>();
    perEpoch.forEach(a -> accs.add(String.format(Locale.ROOT, "%.4f", a)));
    System.out.println(String.format(Locale.ROOT,
        "{\"workload\": \"%s\", \"impl\": \"kairo\", \"samples_per_s\": %.1f, \"metric\": %.4f,"
            + " \"metric_name\": \"%s\", \"accuracy_per_epoch\": [%s], \"peak_rss_mib\": %.1f}",
        workload, samplesPerS, accuracy, metricName, String.join(", ", accs),
        BenchOutput.peakRssMib()));
  }
}
