package dev.kairo.cli;

import dev.kairo.data.image.FashionMnist;
import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.ImageFolder;
import dev.kairo.data.image.Mnist;
import dev.kairo.data.image.MnistSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The image data sets the command line knows by name: {@code fashion-mnist} (the Debian
 * package's folder, {@code $KAIRO_FASHION_MNIST}, or {@code --data-dir}), {@code mnist} (the
 * download cache; {@code kairo train --download} fetches it), or a folder of class
 * sub-folders of PNG/JPEG images ({@code --data path/to/folder}).
 *
 * <pre>{@code
 * ImageDataset test = ImageData.load("fashion-mnist", null, MnistSplit.TEST, null);
 * }</pre>
 */
final class ImageData {
  private ImageData() {}

  /** Whether {@code name} names image data (a known set or an existing folder). */
  static boolean isImageData(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("fashion-mnist") || n.equals("mnist") || Files.isDirectory(Path.of(name));
  }

  /**
   * Loads one split. {@code dir} overrides where a named set is found; {@code shape} is the
   * [C, H, W] images of a folder must have (resized to it), null for 1 x 28 x 28.
   */
  static ImageDataset load(String name, Path dir, MnistSplit split, int[] shape)
      throws IOException {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "fashion-mnist":
        return dir == null ? FashionMnist.load(split) : FashionMnist.load(split, dir);
      case "mnist":
        return dir == null ? Mnist.load(split) : Mnist.load(split, dir);
      default:
        Path root = Path.of(name);
        if (!Files.isDirectory(root)) {
          throw new IllegalArgumentException("--data must be fashion-mnist, mnist, a built-in"
              + " table (moons, circles, xor, spirals) or a folder of class sub-folders; got '"
              + name + "'");
        }
        int[] s = shape == null ? new int[] {1, 28, 28} : shape;
        // A folder has no fixed split: its own "train" and "test" sub-folders if present.
        Path sub = root.resolve(split == MnistSplit.TRAIN ? "train" : "test");
        return ImageFolder.load(Files.isDirectory(sub) ? sub : root, s[1], s[2], s[0],
            ImageFolder.SizePolicy.RESIZE);
    }
  }
}
