package dev.kairo.cli;

import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.ImageTransforms;
import dev.kairo.data.image.MnistSplit;
import dev.kairo.io.Model;
import dev.kairo.models.ImageClassifiers;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.WeightDecay;
import dev.kairo.optim.schedule.CosineAnnealing;
import dev.kairo.train.Callback;
import dev.kairo.train.History;
import dev.kairo.train.LossFunction;
import dev.kairo.train.Trainer;
import dev.kairo.train.callbacks.BestModel;
import dev.kairo.train.callbacks.HistoryWriter;
import dev.kairo.train.callbacks.LrScheduler;
import dev.kairo.train.callbacks.ProgressBarCallback;
import dev.kairo.viz.TrainingCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kairo train --data fashion-mnist --model mlp|cnn}: trains an image classifier with a
 * progress bar and validation each epoch on 5,000 images held out of the training set, keeps
 * the model of the best validation accuracy, reports its test accuracy, and saves it with
 * its input shape and class names. Recipes: the MLP of workload W2 (Adam 1e-3, 5 epochs);
 * Kairo's CNN (batch norm, dropout; Adam 2e-3 annealed to 0 by a cosine over the run, 2
 * epochs, batch 64).
 *
 * <pre>
 * kairo train --data fashion-mnist --model cnn --out kairo-out/cnn
 * </pre>
 */
final class ImageTraining {
  /** Images held out of the training split to choose the best epoch. */
  static final int VALIDATION = 5000;

  private ImageTraining() {}

  /** The option values, already resolved against the recipe's defaults. */
  record Settings(String data, Path dataDir, String model, String optimizer, double lr,
      int epochs, int batchSize, double l2, long seed, boolean augment, boolean cosine,
      Path out) {}

  /** The defaults of a recipe: optimizer, lr, epochs, batch size, cosine schedule. */
  static Settings defaults(String data, Path dataDir, String model, Path out, long seed) {
    switch (model.toLowerCase(Locale.ROOT)) {
      case "mlp":
        return new Settings(data, dataDir, "mlp", "adam", 1e-3, 5, 128, 0, seed, false, false, out);
      case "cnn":
        return new Settings(data, dataDir, "cnn", "adam", 2e-3, 2, 64, 0, seed, false, true, out);
      default:
        throw new IllegalArgumentException("--model must be mlp or cnn for image data, got '"
            + model + "'");
    }
  }

  static int run(Settings s) throws IOException {
    ImageDataset all = ImageData.load(s.data(), s.dataDir(), MnistSplit.TRAIN, null);
    ImageDataset test = ImageData.load(s.data(), s.dataDir(), MnistSplit.TEST, null);
    if (all.size() <= VALIDATION) {
      throw new IllegalArgumentException(s.data() + " has " + all.size() + " training images;"
          + " need more than the " + VALIDATION + " held out for validation");
    }
    int[] order = shuffled(all.size(), s.seed());
    ImageDataset validation = all.subset(java.util.Arrays.copyOfRange(order, 0, VALIDATION));
    ImageDataset train = all.subset(java.util.Arrays.copyOfRange(order, VALIDATION, order.length));
    Sequential model = s.model().equals("cnn") ? ImageClassifiers.cnn(s.seed())
        : ImageClassifiers.mlp(s.seed());
    Optimizer opt = Choices.optimizer(s.optimizer(), model.parameters(), s.lr());
    if (s.l2() > 0) {
      opt.addHook(WeightDecay.weightsOnly(s.l2()));
    }
    int batchesPerEpoch = (train.size() + s.batchSize() - 1) / s.batchSize();
    List<Callback> callbacks = new ArrayList<>();
    callbacks.add(new ProgressBarCallback());
    BestModel best = new BestModel("val_accuracy");
    callbacks.add(best);
    callbacks.add(new HistoryWriter(s.out().resolve("history.csv")));
    if (s.cosine()) {
      callbacks.add(LrScheduler.perBatch(
          new CosineAnnealing(opt, s.epochs() * batchesPerEpoch, 0)));
    }
    System.out.printf(Locale.ROOT, "kairo train: %s, %,d training / %,d validation / %,d test"
            + " images; %s (%,d parameters); %s lr %s, %d epochs, batch %d%s%n", s.data(),
        train.size(), validation.size(), test.size(), s.model(), model.parameterCount(),
        s.optimizer(), s.lr(), s.epochs(), s.batchSize(), s.cosine() ? ", cosine schedule" : "");
    Trainer.Builder tb = Trainer.builder(model, opt, LossFunction.softmaxCrossEntropy())
        .epochs(s.epochs()).batchSize(s.batchSize()).seed(s.seed())
        .callbacks(callbacks.toArray(new Callback[0]));
    if (s.augment()) {
      tb.transform(ImageTransforms.randomCrop(2).andThen(ImageTransforms.randomHorizontalFlip(0.5)));
    }
    long t0 = System.nanoTime();
    History h = tb.build().fit(train, validation);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double testAccuracy = accuracy(model, test);
    System.out.printf(Locale.ROOT, "best epoch %d (validation accuracy %.4f); test accuracy"
            + " %.4f; %.1f s%n", best.bestEpoch(), best.bestValue(), testAccuracy, seconds);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("input_shape", all.channels() + "," + all.height() + "," + all.width());
    meta.put("classes", String.join(",", all.classNames()));
    meta.put("data", s.data());
    meta.put("test_accuracy", String.format(Locale.ROOT, "%.4f", testAccuracy));
    Path file = s.out().resolve("model.safetensors");
    Model.save(model, file, meta);
    TrainingCurves.of(h.series("loss"), h.series("val_loss")).title(s.model()
        + " on " + s.data() + ": loss per epoch").figure().save(s.out().resolve("training-curves.png"));
    System.out.println("wrote " + file + " (+ model.json), history.csv, training-curves.png into "
        + s.out());
    return 0;
  }

  /** 0..n-1 in a seeded random order (Fisher-Yates). */
  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Accuracy of {@code model} on {@code data}, in evaluation mode, batches of 1000. */
  static double accuracy(Sequential model, ImageDataset data) {
    return Trainer.evaluate(model, data, 1000, LossFunction.softmaxCrossEntropy()).accuracy();
  }
}
