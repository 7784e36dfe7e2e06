package dev.kairo.data.image;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zalando's Fashion-MNIST: 28 x 28 grayscale photos of clothes in 10 classes, 60,000 for
 * training and 10,000 for testing, read from the IDX files on disk (nothing is downloaded).
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);        // [60000] x [1, 28, 28]
 * ImageDataset test = FashionMnist.load(MnistSplit.TEST).flat();   // [10000] x [784]
 * ImageDataset mine = FashionMnist.load(MnistSplit.TRAIN, Path.of("data/fashion"));
 * FashionMnist.CLASS_NAMES.get(9);                                // "Ankle boot"
 * }</pre>
 *
 * <p>The files ({@code train-images-idx3-ubyte.gz} and friends, gzip-compressed or not) are
 * looked for in the folder given, else in the folder named by the environment variable
 * {@value #ENV}, else in {@value #SYSTEM_FOLDER}, where Debian's package
 * {@code dataset-fashion-mnist} puts them ({@code sudo apt-get install dataset-fashion-mnist}).
 * Pixels are scaled to {@code [0, 1]}; the labels are class indices 0 to 9.
 */
public final class FashionMnist {
  /** The folder Debian's {@code dataset-fashion-mnist} package installs the files into. */
  public static final String SYSTEM_FOLDER = "/usr/share/datasets/fashion-mnist";
  /** The environment variable that may name a folder holding the files. */
  public static final String ENV = "KAIRO_FASHION_MNIST";
  /** The class names, by label, as Zalando publishes them. */
  public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private FashionMnist() {}

  /**
   * Loads {@code split} from {@code $KAIRO_FASHION_MNIST} or {@value #SYSTEM_FOLDER}.
   *
   * @throws FileNotFoundException when neither holds the files; the message says how to get them
   * @throws dev.kairo.data.idx.IdxFormatException when a file is malformed
   */
  public static ImageDataset load(MnistSplit split) throws IOException {
    Optional<Path> folder = findFolder(System.getenv(), split);
    if (folder.isEmpty()) {
      throw new FileNotFoundException(notFound(System.getenv(), split));
    }
    return load(split, folder.get());
  }

  /**
   * Loads {@code split} from {@code folder}.
   *
   * @throws FileNotFoundException when the folder lacks a file
   * @throws dev.kairo.data.idx.IdxFormatException when a file is malformed
   */
  public static ImageDataset load(MnistSplit split, Path folder) throws IOException {
    return MnistFiles.read(folder, split, CLASS_NAMES, "install Fashion-MNIST with `sudo apt-get"
        + " install dataset-fashion-mnist` (files in " + SYSTEM_FOLDER + ") or download the four"
        + " .gz files from https://github.com/zalandoresearch/fashion-mnist into this folder");
  }

  /** Whether the files of {@code split} can be found without naming a folder. */
  public static boolean isAvailable(MnistSplit split) {
    return findFolder(System.getenv(), split).isPresent();
  }

  /** The folder {@link #load(MnistSplit)} would read, if any holds the files. */
  public static Optional<Path> findFolder(MnistSplit split) {
    return findFolder(System.getenv(), split);
  }

  static Optional<Path> findFolder(Map<String, String> env, MnistSplit split) {
    for (Path p : searched(env)) {
      if (MnistFiles.hasSplit(p, split)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static List<Path> searched(Map<String, String> env) {
    List<Path> folders = new ArrayList<>();
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      folders.add(Path.of(fromEnv));
    }
    folders.add(Path.of(SYSTEM_FOLDER));
    return folders;
  }

  static String notFound(Map<String, String> env, MnistSplit split) {
    StringBuilder where = new StringBuilder();
    for (Path p : searched(env)) {
      where.append(where.length() == 0 ? "" : ", ").append(p)
          .append(Files.isDirectory(p) ? " (no " + split.imagesFile() + " or labels)"
              : " (absent)");
    }
    return "Fashion-MNIST not found: looked in " + where + (env.containsKey(ENV) ? ""
        : " ($" + ENV + " is not set)") + ". Install it with `sudo apt-get install"
        + " dataset-fashion-mnist`, set " + ENV + " to a folder holding " + split.imagesFile()
        + " and " + split.labelsFile() + ", or pass that folder to FashionMnist.load(split,"
        + " folder)";
  }
}
