package dev.kairo.data.image;

/**
 * The two parts of MNIST-style data (MNIST, Fashion-MNIST), with the prefix their files carry.
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);   // 60,000 images
 * ImageDataset test = FashionMnist.load(MnistSplit.TEST);     // 10,000 images
 * MnistSplit.TEST.prefix();                                   // "t10k"
 * }</pre>
 */
public enum MnistSplit {
  /** The training set: {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz}. */
  TRAIN("train", 60_000),
  /** The test set: {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz}. */
  TEST("t10k", 10_000);

  private final String prefix;
  private final int size;

  MnistSplit(String prefix, int size) {
    this.prefix = prefix;
    this.size = size;
  }

  /** The file name prefix: {@code train} or {@code t10k}. */
  public String prefix() {
    return prefix;
  }

  /** The number of images in this part of MNIST and of Fashion-MNIST. */
  public int size() {
    return size;
  }

  /** The name of the gzip-compressed images file, e.g. {@code train-images-idx3-ubyte.gz}. */
  public String imagesFile() {
    return prefix + "-images-idx3-ubyte.gz";
  }

  /** The name of the gzip-compressed labels file, e.g. {@code train-labels-idx1-ubyte.gz}. */
  public String labelsFile() {
    return prefix + "-labels-idx1-ubyte.gz";
  }
}
