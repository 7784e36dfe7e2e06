package dev.kairo.cli;

import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.MnistSplit;
import dev.kairo.tensor.Shape;
import dev.kairo.train.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kairo evaluate MODEL --data ...}: runs a saved image classifier over a test set and
 * prints its accuracy, per-class precision, recall and F1, and the confusion matrix; writes
 * {@code confusion-matrix.png}, {@code misclassified.png} and {@code evaluation.json}.
 *
 * <pre>
 * kairo evaluate kairo-out/model.safetensors --data fashion-mnist
 * kairo evaluate pets.safetensors --data pets/ --split test --out pets-eval
 * </pre>
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures a saved image classifier on a test set.",
        "Prints accuracy, per-class precision/recall/F1 and the confusion matrix; writes",
        "confusion-matrix.png, misclassified.png and evaluation.json."})
final class EvaluateCommand implements Callable<Integer> {
  private static final int[] MNIST_SHAPE = {1, 28, 28};

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.safetensors) written by Kairo.")
  Path modelFile;

  @Option(names = "--data", required = true, paramLabel = "NAME",
      description = "fashion-mnist, mnist, or a folder of class sub-folders of PNG/JPEG images.")
  String data;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the files of fashion-mnist or mnist are (default: the usual places).")
  Path dataDir;

  @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
      description = "test or train (a folder's own test/ or train/ sub-folder if it has one; default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = {"-o", "--out"}, defaultValue = "kairo-out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    MnistSplit part = split();
    Choices.checkPositive("batch-size", batchSize);
    if (!ImageData.isImageData(data)) {
      throw new IllegalArgumentException("--data must be fashion-mnist, mnist or a folder of"
          + " class sub-folders of images; got '" + data + "' (no such folder)");
    }
    Classifier model = Classifier.load(modelFile);
    int[] modelShape = model.inputShape();
    boolean folder = !List.of("fashion-mnist", "mnist").contains(data.toLowerCase(Locale.ROOT));
    if (!folder) {
      fits(MNIST_SHAPE, modelShape, false);   // before minutes of loading, not after
    }
    ImageDataset ds = ImageData.load(data, dataDir, part, folder && modelShape != null
        && modelShape.length == 3 ? modelShape : null);
    ds = fits(ds.featureShape(), modelShape, folder) ? ds.flat() : ds;
    int[] sample = ds.featureShape();
    int outputs = model.check(sample, data + " images");
    Labels labels = Labels.of(model.classNames(), ds, outputs, modelFile);
    labels.note().ifPresent(System.out::println);

    System.out.printf("kairo evaluate: %s on %s %s split (%,d images %s), batch %d%n", modelFile,
        data, part.name().toLowerCase(Locale.ROOT), ds.size(), Shape.str(sample), batchSize);
    long t0 = System.nanoTime();
    int[] predicted = new int[ds.size()];
    float[] confidence = new float[ds.size()];
    for (int from = 0; from < ds.size(); from += batchSize) {
      int start = from;
      int[] idx = new int[Math.min(batchSize, ds.size() - from)];
      Arrays.setAll(idx, i -> start + i);
      float[][] p = model.probabilities(ds.features(idx));
      for (int i = 0; i < idx.length; i++) {
        predicted[from + i] = Classifier.argmax(p[i]);
        confidence[from + i] = p[i][predicted[from + i]];
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ConfusionMatrix cm = ConfusionMatrix.of(predicted, labels.truth(), labels.names().size());
    EvaluationReport report = new EvaluationReport(cm, labels.names(), ds.images(),
        labels.truth(), predicted, confidence);
    System.out.printf(Locale.ROOT, "accuracy %.4f (%,d of %,d right) in %.1f s (%,.0f images/s)%n",
        cm.accuracy(), report.right(), ds.size(), seconds, ds.size() / Math.max(seconds, 1e-9));
    report.print(System.out);
    String title = String.format(Locale.ROOT, "%s %s, accuracy %.4f", data,
        part.name().toLowerCase(Locale.ROOT), cm.accuracy());
    List<String> written = report.write(out, title, modelFile.toString(), data,
        part.name().toLowerCase(Locale.ROOT));
    System.out.println("wrote " + String.join(", ", written) + " into " + out);
    return 0;
  }

  private MnistSplit split() {
    switch (split.toLowerCase(Locale.ROOT)) {
      case "test": return MnistSplit.TEST;
      case "train": return MnistSplit.TRAIN;
      default:
        throw new IllegalArgumentException("--split must be test or train, got '" + split + "'");
    }
  }

  /**
   * Whether images of {@code dataShape} must be flattened for a model saved with input shape
   * {@code modelShape} (one of the same size); any other saved shape is an error naming both.
   */
  private boolean fits(int[] dataShape, int[] modelShape, boolean folder) {
    if (modelShape == null || Arrays.equals(modelShape, dataShape)) {
      return false;
    }
    int size = Arrays.stream(dataShape).reduce(1, (a, b) -> a * b);
    if (modelShape.length == 1 && modelShape[0] == size) {
      return true;
    }
    throw new IllegalArgumentException(modelFile + " takes inputs of shape " + Shape.str(modelShape)
        + " (its input_shape), but the " + data + " images are " + Shape.str(dataShape)
        + (folder ? "" : "; evaluate it on images of shape " + Shape.str(modelShape)
            + " (--data FOLDER loads a folder's images at the model's shape)"));
  }
}
