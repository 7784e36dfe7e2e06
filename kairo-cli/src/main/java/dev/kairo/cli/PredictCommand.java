package dev.kairo.cli;

import dev.kairo.data.image.ImageFolder;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kairo predict MODEL IMAGE...}: classifies PNG or JPEG images with a saved model and
 * prints the most likely classes of each with their probabilities. Pixels are scaled to
 * [0, 1] with white = 1, as in Fashion-MNIST (whose photos are light clothes on black).
 *
 * <pre>
 * kairo predict kairo-out/model.safetensors shirt.png boot.jpg --top 3
 * shirt.png: Shirt 0.81, T-shirt/top 0.12, Pullover 0.04
 * </pre>
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Classifies PNG or JPEG images with a saved model.",
        "Prints the most likely classes of each image with their probabilities."})
final class PredictCommand implements Callable<Integer> {
  /** Images per forward pass: a few hundred keep memory small whatever the image count. */
  private static final int BATCH = 256;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.safetensors) written by Kairo.")
  Path modelFile;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "PNG or JPEG files.")
  List<Path> imageFiles;

  @Option(names = "--top", defaultValue = "3", paramLabel = "K", description = "Classes to print per image (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--resize", description = "Resize images of another size to the model's (bilinear) instead of refusing them.")
  boolean resize;

  @Option(names = "--input-shape", paramLabel = "C,H,W",
      description = "Shape of one image, C = 1 (grayscale) or 3 (RGB); default: the model's input_shape metadata.")
  String inputShape;

  @Override
  public Integer call() throws IOException {
    Choices.checkPositive("top", top);
    Classifier model = Classifier.load(modelFile);
    int[] shape = shape(model);
    int outputs = model.check(shape, "images");
    List<String> names = model.classNames();
    if (names == null || names.size() != outputs) {
      List<String> numbers = new ArrayList<>();
      IntStream.range(0, outputs).forEach(i -> numbers.add("class " + i));
      names = numbers;
    }
    // Read every image first: a bad one stops the run before anything is printed.
    float[] pixels = new float[imageFiles.size() * shape[0] * shape[1] * shape[2]];
    int size = shape[0] * shape[1] * shape[2];
    for (int i = 0; i < imageFiles.size(); i++) {
      byte[] px = read(imageFiles.get(i), shape);
      for (int j = 0; j < size; j++) {
        pixels[i * size + j] = (px[j] & 0xff) / 255f;
      }
    }
    int k = Math.min(top, outputs);
    for (int from = 0; from < imageFiles.size(); from += BATCH) {
      int n = Math.min(BATCH, imageFiles.size() - from);
      Tensor x = Tensor.of(Arrays.copyOfRange(pixels, from * size, (from + n) * size), n,
          shape[0], shape[1], shape[2]);
      float[][] p = model.probabilities(x);
      for (int i = 0; i < n; i++) {
        System.out.println(imageFiles.get(from + i) + ": " + topK(p[i], names, k));
      }
    }
    return 0;
  }

  /** The [C, H, W] images are read at: --input-shape, else the model's metadata. */
  private int[] shape(Classifier model) {
    int[] s = inputShape != null ? Classifier.parseShape(inputShape, "--input-shape")
        : model.inputShape();
    if (s == null) {
      throw new IllegalArgumentException(modelFile + " was saved without its input shape"
          + " (input_shape metadata); pass --input-shape C,H,W, e.g. --input-shape 1,28,28");
    }
    if (s.length != 3 || (s[0] != 1 && s[0] != 3)) {
      throw new IllegalArgumentException("images need a shape C,H,W with C = 1 (grayscale) or 3"
          + " (RGB), but " + (inputShape != null ? "--input-shape is " : modelFile
          + "'s input_shape is ") + Shape.str(s) + (inputShape != null ? ""
          : "; pass --input-shape C,H,W"));
    }
    return s;
  }

  /** One image as 8-bit [C, H, W] pixels, refused or resized when its size is not the model's. */
  private byte[] read(Path file, int[] shape) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": cannot be read as an image (" + e.getMessage()
          + ")", e);
    }
    if (img == null) {
      throw new IllegalArgumentException(file + ": is not an image javax.imageio can read (PNG"
          + " or JPEG expected)");
    }
    int h = shape[1];
    int w = shape[2];
    if ((img.getHeight() != h || img.getWidth() != w) && !resize) {
      throw new IllegalArgumentException(file + ": the image is " + img.getWidth() + " x "
          + img.getHeight() + " pixels (width x height), but the model takes " + w + " x " + h
          + "; pass --resize to resize it");
    }
    return ImageFolder.pixels(img, h, w, shape[0]);
  }

  /** "Shirt 0.81, T-shirt/top 0.12, Pullover 0.04". */
  static String topK(float[] p, List<String> names, int k) {
    Integer[] order = new Integer[p.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
    StringBuilder s = new StringBuilder();
    for (int r = 0; r < k; r++) {
      s.append(r == 0 ? "" : ", ").append(names.get(order[r]))
          .append(String.format(Locale.ROOT, " %.2f", p[order[r]]));
    }
    return s.toString();
  }
}
