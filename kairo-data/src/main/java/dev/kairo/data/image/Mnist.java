package dev.kairo.data.image;

import dev.kairo.data.download.DownloadProgress;
import dev.kairo.data.download.Downloader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * LeCun, Cortes and Burges' MNIST: 28 x 28 grayscale handwritten digits, 60,000 for training
 * and 10,000 for testing, downloaded once into a cache folder and verified against the
 * published SHA-256 of each file.
 *
 * <pre>{@code
 * Path folder = Mnist.download();                          // ~/.kairo/datasets/mnist, 11 MB
 * ImageDataset train = Mnist.load(MnistSplit.TRAIN);       // [60000] x [1, 28, 28], in [0, 1]
 * ImageDataset test = Mnist.load(MnistSplit.TEST).flat();  // [10000] x [784]
 * Mnist.download(Path.of("data/mnist"), URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
 *     Downloader.builder().progress(DownloadProgress.console()).build());
 * }</pre>
 *
 * <p>The cache folder is {@code $KAIRO_MNIST} when set, else {@code ~/.kairo/datasets/mnist}.
 * {@link #download()} fetches only the files that are missing or damaged, resumes an
 * interrupted transfer, and never leaves a file whose checksum does not match; it is cheap to
 * call every time. {@link #load(MnistSplit)} itself never touches the network.
 */
public final class Mnist {
  /** The mirror files are fetched from unless told otherwise (the one PyTorch uses). */
  public static final URI DEFAULT_MIRROR = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");
  /** The environment variable that may name the cache folder. */
  public static final String ENV = "KAIRO_MNIST";
  /** The class names: the digits. */
  public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7",
      "8", "9");
  /**
   * The SHA-256 of the four published files (the values TensorFlow Datasets and Keras check;
   * the files are those whose MD5s torchvision checks).
   */
  public static final Map<String, String> SHA256 = Map.of(
      "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
      "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
      "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
      "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

  private Mnist() {}

  /** {@code $KAIRO_MNIST} when set, else {@code ~/.kairo/datasets/mnist}. */
  public static Path defaultFolder() {
    return defaultFolder(System.getenv(), System.getProperty("user.home"));
  }

  static Path defaultFolder(Map<String, String> env, String home) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(home, ".kairo", "datasets", "mnist");
  }

  /**
   * Loads {@code split} from {@link #defaultFolder()}; never downloads.
   *
   * @throws FileNotFoundException when a file is missing: call {@link #download()} first
   * @throws dev.kairo.data.idx.IdxFormatException when a file is malformed
   */
  public static ImageDataset load(MnistSplit split) throws IOException {
    return load(split, defaultFolder());
  }

  /**
   * Loads {@code split} from {@code folder} (files gzip-compressed or not); never downloads.
   *
   * @throws FileNotFoundException when a file is missing
   * @throws dev.kairo.data.idx.IdxFormatException when a file is malformed
   */
  public static ImageDataset load(MnistSplit split, Path folder) throws IOException {
    return MnistFiles.read(folder, split, CLASS_NAMES, "download MNIST first with"
        + " Mnist.download(" + (folder.equals(defaultFolder()) ? "" : "folder, ...") + ")");
  }

  /**
   * Downloads the four files from {@link #DEFAULT_MIRROR} into {@link #defaultFolder()},
   * showing progress on standard error; files already there and intact are kept.
   *
   * @return the folder
   * @throws dev.kairo.data.download.DownloadException when a file cannot be fetched or verified
   */
  public static Path download() throws IOException {
    return download(defaultFolder(), DEFAULT_MIRROR,
        Downloader.builder().progress(DownloadProgress.console()).build());
  }

  /**
   * Downloads the four files from {@code mirror} (a base URL: the file names are appended)
   * into {@code folder}, checking each against {@link #SHA256}.
   *
   * @return the folder
   * @throws dev.kairo.data.download.DownloadException when a file cannot be fetched or verified
   */
  public static Path download(Path folder, URI mirror, Downloader downloader) throws IOException {
    return download(folder, mirror, downloader, SHA256);
  }

  static Path download(Path folder, URI mirror, Downloader downloader, Map<String, String> sha256)
      throws IOException {
    String base = mirror.toString().endsWith("/") ? mirror.toString() : mirror + "/";
    for (MnistSplit split : MnistSplit.values()) {
      for (String name : List.of(split.imagesFile(), split.labelsFile())) {
        downloader.fetch(URI.create(base + name), folder.resolve(name), sha256.get(name));
      }
    }
    return folder;
  }
}
