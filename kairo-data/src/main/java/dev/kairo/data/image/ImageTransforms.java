package dev.kairo.data.image;

import dev.kairo.data.BatchTransform;
import dev.kairo.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Image transforms for a {@link dev.kairo.data.DataLoader}: per-channel normalization and the
 * two classic augmentations, random crop with zero padding and random horizontal flip. Each
 * works on one image {@code [C, H, W]} or a batch {@code [N, C, H, W]}, returns a new tensor,
 * and draws its randomness only from the generator it is given: one draw (or two) per image,
 * in order, so a seed fixes the result.
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);
 * BatchTransform augment = ImageTransforms.randomCrop(2)
 *     .andThen(ImageTransforms.randomHorizontalFlip(0.5))
 *     .andThen(ImageTransforms.normalize(train.channelMean(), train.channelStd()));
 * DataLoader loader = DataLoader.builder(train).batchSize(128).shuffle(1).transform(augment).build();
 * Tensor one = ImageTransforms.randomHorizontalFlip(1.0).apply(train.image(0), new SplittableRandom(5));
 * }</pre>
 *
 * <p>Augment the training loader only; give the evaluation loader the normalization alone.
 * The transforms hold no state and are safe to share between threads.
 */
public final class ImageTransforms {
  private ImageTransforms() {}

  /**
   * {@code (x - mean[c]) / std[c]} for each channel {@code c}, torchvision's {@code Normalize}
   * (one value in {@code mean} and {@code std} applies to every channel). Uses no randomness:
   * the generator may be null.
   *
   * @throws IllegalArgumentException when the lengths differ or a std is not positive and finite
   */
  public static BatchTransform normalize(double[] mean, double[] std) {
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("ImageTransforms.normalize: need one mean and one std per"
          + " channel, got " + mean.length + " means and " + std.length + " stds");
    }
    for (int c = 0; c < std.length; c++) {
      if (!(std[c] > 0) || !Double.isFinite(std[c]) || !Double.isFinite(mean[c])) {
        throw new IllegalArgumentException("ImageTransforms.normalize: channel " + c + " has mean "
            + mean[c] + " and std " + std[c] + "; need finite values and std > 0");
      }
    }
    double[] m = mean.clone();
    double[] s = std.clone();
    return (x, rng) -> {
      int[] d = nchw("normalize", x);
      if (m.length != 1 && m.length != d[1]) {
        throw new IllegalArgumentException("ImageTransforms.normalize: " + m.length + " channel"
            + " means for images " + Arrays.toString(x.shape()) + " with " + d[1] + " channels");
      }
      float[] v = x.toArray();
      int plane = d[2] * d[3];
      for (int i = 0; i < v.length; i++) {
        int c = m.length == 1 ? 0 : (i / plane) % d[1];
        v[i] = (float) ((v[i] - m[c]) / s[c]);
      }
      return Tensor.of(v, x.shape());
    };
  }

  /**
   * Pads each image with {@code padding} zeros on every side and cuts back a window of the
   * original size at a random place: shifts of up to {@code padding} pixels.
   */
  public static BatchTransform randomCrop(int padding) {
    return randomCrop(-1, -1, padding);
  }

  /**
   * Pads each image with {@code padding} zeros on every side and cuts a random
   * {@code height x width} window out of it (torchvision's {@code RandomCrop(size, padding)});
   * -1 for both keeps the input's size.
   *
   * @throws IllegalArgumentException when padding is negative or a size is not positive
   */
  public static BatchTransform randomCrop(int height, int width, int padding) {
    boolean same = height == -1 && width == -1;
    if (padding < 0 || (!same && (height < 1 || width < 1))) {
      throw new IllegalArgumentException("ImageTransforms.randomCrop: need padding >= 0 and a"
          + " size >= 1 (or -1, -1 for the input's), got " + height + " x " + width + ", padding "
          + padding);
    }
    return (x, rng) -> {
      int[] d = nchw("randomCrop", x);
      requireRng("randomCrop", rng);
      int n = d[0];
      int ch = d[1];
      int h0 = d[2];
      int w0 = d[3];
      int h = same ? h0 : height;
      int w = same ? w0 : width;
      if (h > h0 + 2 * padding || w > w0 + 2 * padding) {
        throw new IllegalArgumentException("ImageTransforms.randomCrop: a " + h + " x " + w
            + " window does not fit in " + h0 + " x " + w0 + " images padded by " + padding);
      }
      float[] in = x.toArray();
      float[] out = new float[n * ch * h * w];
      for (int i = 0; i < n; i++) {
        int top = rng.nextInt(h0 + 2 * padding - h + 1) - padding;
        int left = rng.nextInt(w0 + 2 * padding - w + 1) - padding;
        for (int c = 0; c < ch; c++) {
          int src = (i * ch + c) * h0 * w0;
          int dst = (i * ch + c) * h * w;
          for (int y = 0; y < h; y++) {
            int sy = y + top;
            if (sy < 0 || sy >= h0) {
              continue;  // a padding row: stays zero
            }
            int x0 = Math.max(0, -left);
            int x1 = Math.min(w, w0 - left);
            if (x1 > x0) {
              System.arraycopy(in, src + sy * w0 + x0 + left, out, dst + y * w + x0, x1 - x0);
            }
          }
        }
      }
      return x.rank() == 3 ? Tensor.of(out, ch, h, w) : Tensor.of(out, n, ch, h, w);
    };
  }

  /** Mirrors each image left to right with probability {@code p}, independently. */
  public static BatchTransform randomHorizontalFlip(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("ImageTransforms.randomHorizontalFlip: p must be in"
          + " [0, 1], got " + p);
    }
    return (x, rng) -> {
      int[] d = nchw("randomHorizontalFlip", x);
      requireRng("randomHorizontalFlip", rng);
      float[] v = x.toArray();
      int w = d[3];
      int rows = d[1] * d[2];
      for (int i = 0; i < d[0]; i++) {
        if (rng.nextDouble() >= p) {
          continue;
        }
        for (int r = 0; r < rows; r++) {
          int base = (i * rows + r) * w;
          for (int a = base, b = base + w - 1; a < b; a++, b--) {
            float t = v[a];
            v[a] = v[b];
            v[b] = t;
          }
        }
      }
      return Tensor.of(v, x.shape());
    };
  }

  /** {@code [N, C, H, W]} of a batch, or of one image as a batch of one. */
  private static int[] nchw(String op, Tensor x) {
    int[] s = x.shape();
    if (s.length == 4) {
      return s;
    }
    if (s.length == 3) {
      return new int[] {1, s[0], s[1], s[2]};
    }
    throw new IllegalArgumentException("ImageTransforms." + op + ": expected images [C, H, W] or"
        + " [N, C, H, W], got " + Arrays.toString(s) + (s.length == 2 ? " (flat features: load"
        + " the dataset without flat())" : ""));
  }

  private static void requireRng(String op, SplittableRandom rng) {
    if (rng == null) {
      throw new IllegalArgumentException("ImageTransforms." + op + ": a random transform needs a"
          + " generator, e.g. new SplittableRandom(seed)");
    }
  }
}
