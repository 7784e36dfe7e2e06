package dev.kairo.data.image;

import dev.kairo.data.Dataset;
import dev.kairo.data.TensorDataset;
import dev.kairo.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Labelled images kept as 8-bit pixels, {@code [N, C, H, W]}, handed out as float tensors
 * scaled to {@code [0, 1]}: Fashion-MNIST's 60,000 training images take 47 MB here instead of
 * 188 MB as floats, and each batch is converted as it is gathered.
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);
 * train.featureShape();                  // [1, 28, 28]
 * train.flat().featureShape();           // [784], for a multi-layer perceptron
 * train.className(train.label(0));       // "Ankle boot"
 * DataLoader loader = DataLoader.builder(train).batchSize(128).shuffle(0).build();
 * for (Batch b : loader) {
 *   Tensor x = b.x();                    // [128, 1, 28, 28], values in [0, 1]
 *   int[] y = b.labels();
 * }
 * }</pre>
 *
 * <p>Immutable and safe to share between threads (a loader's prefetch thread included).
 */
public final class ImageDataset implements Dataset {
  private static final float[] SCALE = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      SCALE[i] = i / 255f;
    }
  }

  private final byte[] pixels;
  private final int[] labels;
  private final int channels;
  private final int height;
  private final int width;
  private final int imageSize;
  private final List<String> classNames;
  private final boolean flat;

  /**
   * Wraps (does not copy) 8-bit pixels, image after image, each channel after channel, each
   * row after row ({@code [N, C, H, W]}, read with {@code & 0xff}), with one label per image.
   *
   * @param classNames one name per class; labels must lie in {@code [0, classNames.size())}
   * @throws IllegalArgumentException when the sizes disagree or a label is out of range
   */
  public ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width,
      List<String> classNames) {
    this(pixels, labels.clone(), channels, height, width, List.copyOf(classNames), false);
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("ImageDataset: channels, height and width must be >= 1,"
          + " got " + channels + ", " + height + ", " + width);
    }
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("ImageDataset: no class names");
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException("ImageDataset: " + labels.length + " images of ["
          + channels + ", " + height + ", " + width + "] need " + expected + " pixel values, got "
          + pixels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException("ImageDataset: label " + labels[i] + " of image " + i
            + " is outside [0, " + classNames.size() + ") (" + classNames.size() + " classes)");
      }
    }
  }

  private ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width,
      List<String> classNames, boolean flat) {
    this.pixels = pixels;
    this.labels = labels;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.imageSize = channels * height * width;
    this.classNames = classNames;
    this.flat = flat;
  }

  /** The same images with features flattened to {@code [C * H * W]} (no copy). */
  public ImageDataset flat() {
    return flat ? this
        : new ImageDataset(pixels, labels, channels, height, width, classNames, true);
  }

  /** The same images with features shaped {@code [C, H, W]} (no copy). */
  public ImageDataset images() {
    return !flat ? this
        : new ImageDataset(pixels, labels, channels, height, width, classNames, false);
  }

  /** Whether features are flattened to {@code [C * H * W]}. */
  public boolean isFlat() {
    return flat;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int[] featureShape() {
    return flat ? new int[] {imageSize} : new int[] {channels, height, width};
  }

  @Override
  public int[] targetShape() {
    return new int[0];
  }

  @Override
  public Tensor features(int[] indices) {
    float[] out = new float[indices.length * imageSize];
    for (int i = 0; i < indices.length; i++) {
      int from = check(indices[i], i) * imageSize;
      int to = i * imageSize;
      for (int j = 0; j < imageSize; j++) {
        out[to + j] = SCALE[pixels[from + j] & 0xff];
      }
    }
    return flat ? Tensor.of(out, indices.length, imageSize)
        : Tensor.of(out, indices.length, channels, height, width);
  }

  @Override
  public Tensor targets(int[] indices) {
    float[] out = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = labels[check(indices[i], i)];
    }
    return Tensor.of(out, indices.length);
  }

  private int check(int index, int position) {
    if (index < 0 || index >= labels.length) {
      throw new IndexOutOfBoundsException("ImageDataset: sample index " + index + " (position "
          + position + ") is outside [0, " + labels.length + ")");
    }
    return index;
  }

  @Override
  public int numClasses() {
    return classNames.size();
  }

  /** The class names, index by index. */
  public List<String> classNames() {
    return classNames;
  }

  /** The name of class {@code label}. */
  public String className(int label) {
    return classNames.get(label);
  }

  /** The label of image {@code i}. */
  public int label(int i) {
    return labels[check(i, 0)];
  }

  /** Every label, as a new array. */
  public int[] labels() {
    return labels.clone();
  }

  /** How many images each class has, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int l : labels) {
      counts[l]++;
    }
    return counts;
  }

  /** Channels per image (1 for grayscale, 3 for RGB). */
  public int channels() {
    return channels;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Pixel {@code (c, y, x)} of image {@code i}, 0..255. */
  public int pixel(int i, int c, int y, int x) {
    return pixels[check(i, 0) * imageSize + (c * height + y) * width + x] & 0xff;
  }

  /** Image {@code i} as a new {@code [C, H, W]} float tensor in {@code [0, 1]}. */
  public Tensor image(int i) {
    return features(new int[] {i}).reshape(channels, height, width);
  }

  /** The given images, in the given order, as a new dataset with its own pixels. */
  public ImageDataset subset(int... indices) {
    byte[] p = new byte[indices.length * imageSize];
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, check(indices[i], i) * imageSize, p, i * imageSize, imageSize);
      l[i] = labels[indices[i]];
    }
    return new ImageDataset(p, l, channels, height, width, classNames, flat);
  }

  /** All images as floats in a {@link TensorDataset} (4 bytes per pixel instead of 1). */
  public TensorDataset toTensorDataset() {
    int[] all = new int[labels.length];
    Arrays.setAll(all, i -> i);
    return new TensorDataset(features(all), targets(all), classNames.size());
  }

  /** The mean of each channel over all pixels of all images, on the {@code [0, 1]} scale. */
  public double[] channelMean() {
    double[] sum = new double[channels];
    long[] hist = histogram();
    for (int c = 0; c < channels; c++) {
      for (int v = 0; v < 256; v++) {
        sum[c] += hist[c * 256 + v] * (double) SCALE[v];
      }
    }
    long perChannel = (long) labels.length * height * width;
    for (int c = 0; c < channels; c++) {
      sum[c] /= Math.max(perChannel, 1);
    }
    return sum;
  }

  /**
   * The population standard deviation of each channel over all pixels of all images, on the
   * {@code [0, 1]} scale: with {@link #channelMean()}, what {@link ImageTransforms#normalize}
   * wants.
   */
  public double[] channelStd() {
    double[] mean = channelMean();
    double[] var = new double[channels];
    long[] hist = histogram();
    for (int c = 0; c < channels; c++) {
      for (int v = 0; v < 256; v++) {
        double d = SCALE[v] - mean[c];
        var[c] += hist[c * 256 + v] * d * d;
      }
    }
    long perChannel = (long) labels.length * height * width;
    for (int c = 0; c < channels; c++) {
      var[c] = Math.sqrt(var[c] / Math.max(perChannel, 1));
    }
    return var;
  }

  // Exact statistics from a per-channel histogram of the 256 possible values.
  private long[] histogram() {
    long[] hist = new long[channels * 256];
    int plane = height * width;
    for (int i = 0; i < labels.length; i++) {
      for (int c = 0; c < channels; c++) {
        int base = i * imageSize + c * plane;
        for (int j = 0; j < plane; j++) {
          hist[c * 256 + (pixels[base + j] & 0xff)]++;
        }
      }
    }
    return hist;
  }

  @Override
  public String toString() {
    return "ImageDataset[size=" + labels.length + ", images=" + Arrays.toString(featureShape())
        + ", classes=" + classNames.size() + "]";
  }
}
