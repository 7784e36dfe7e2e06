package dev.kairo.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Labelled images from a folder with one sub-folder per class, as torchvision's
 * {@code ImageFolder} reads them: the sorted sub-folder names are the classes 0, 1, 2, ...,
 * and every PNG or JPEG inside one is an image of that class.
 *
 * <pre>{@code
 * // pets/cat/001.png, pets/cat/002.jpg, pets/dog/001.png, ...
 * ImageDataset pets = ImageFolder.load(Path.of("pets"), 64, 64, 3);   // every image 64 x 64
 * pets.classNames();                                                  // [cat, dog]
 * ImageDataset any = ImageFolder.load(Path.of("pets"), 64, 64, 3, ImageFolder.SizePolicy.RESIZE);
 * }</pre>
 *
 * <p>Images are decoded with {@code javax.imageio}. Grayscale images keep their levels (16-bit
 * ones are scaled to 8 bits); color images loaded with one channel become the luma
 * {@code 0.299 R + 0.587 G + 0.114 B} (as Pillow's {@code convert("L")}); grayscale images loaded
 * with three channels repeat their one. Alpha is dropped. Files with other extensions and
 * hidden files are skipped; files sit in class order, then in name order.
 */
public final class ImageFolder {
  /**
   * What to do with an image whose size is not the one asked for.
   *
   * <pre>{@code
   * ImageFolder.load(root, 28, 28, 1, ImageFolder.SizePolicy.RESIZE);
   * }</pre>
   */
  public enum SizePolicy {
    /** Refuse it with an {@link ImageFolderException} naming the file and both sizes. */
    REFUSE,
    /** Resize it bilinearly (pixel centres aligned, no antialiasing: meant for modest changes). */
    RESIZE
  }

  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

  private ImageFolder() {}

  /**
   * Loads every image under {@code root}; an image of another size is refused.
   *
   * @param channels 1 (grayscale) or 3 (RGB)
   * @throws ImageFolderException when the folder has no classes, a class has no images, or an
   *     image cannot be read or has another size
   */
  public static ImageDataset load(Path root, int height, int width, int channels)
      throws IOException {
    return load(root, height, width, channels, SizePolicy.REFUSE);
  }

  /**
   * Loads every image under {@code root}, resizing or refusing those of another size.
   *
   * @param channels 1 (grayscale) or 3 (RGB)
   * @throws ImageFolderException when the folder has no classes, a class has no images, or an
   *     image cannot be read (or, with {@link SizePolicy#REFUSE}, has another size)
   */
  public static ImageDataset load(Path root, int height, int width, int channels,
      SizePolicy sizePolicy) throws IOException {
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("ImageFolder.load: need height, width >= 1 and 1 or 3"
          + " channels, got " + height + " x " + width + " x " + channels);
    }
    if (!Files.isDirectory(root)) {
      throw new ImageFolderException(root.toString(), Files.exists(root) ? "is not a folder"
          : "no such folder", null);
    }
    List<Path> classDirs = list(root, true);
    if (classDirs.isEmpty()) {
      throw new ImageFolderException(root.toString(), "holds no class sub-folders (expected"
          + " root/<class>/<image>.png)", null);
    }
    List<String> classNames = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path dir : classDirs) {
      List<Path> images = list(dir, false);
      if (images.isEmpty()) {
        throw new ImageFolderException(dir.toString(), "class folder holds no .png, .jpg or"
            + " .jpeg images", null);
      }
      for (Path f : images) {
        files.add(f);
        labels.add(classNames.size());
      }
      classNames.add(dir.getFileName().toString());
    }
    int imageSize = channels * height * width;
    if ((long) files.size() * imageSize > Integer.MAX_VALUE - 8) {
      throw new ImageFolderException(root.toString(), files.size() + " images of " + imageSize
          + " values are more than one array holds; load a part of them", null);
    }
    byte[] pixels = new byte[files.size() * imageSize];
    for (int i = 0; i < files.size(); i++) {
      byte[] img = decode(files.get(i), height, width, channels, sizePolicy);
      System.arraycopy(img, 0, pixels, i * imageSize, imageSize);
    }
    int[] l = labels.stream().mapToInt(Integer::intValue).toArray();
    return new ImageDataset(pixels, l, channels, height, width, classNames);
  }

  private static List<Path> list(Path dir, boolean folders) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p) && isImage(p))
          .sorted().toList();
    }
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** One image as 8-bit {@code [channels, height, width]}. */
  static byte[] decode(Path file, int height, int width, int channels, SizePolicy policy)
      throws ImageFolderException {
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ImageFolderException(file.toString(), "cannot be read as an image ("
          + e.getMessage() + ")", e);
    }
    if (img == null) {
      throw new ImageFolderException(file.toString(), "is not an image javax.imageio can read"
          + " (PNG or JPEG expected)", null);
    }
    int h0 = img.getHeight();
    int w0 = img.getWidth();
    if ((h0 != height || w0 != width) && policy == SizePolicy.REFUSE) {
      throw new ImageFolderException(file.toString(), "is " + h0 + " x " + w0 + " (height x"
          + " width), but the images are loaded at " + height + " x " + width + "; resize it,"
          + " or load with SizePolicy.RESIZE", null);
    }
    return pixels(img, height, width, channels);
  }

  /**
   * A decoded image as 8-bit {@code [channels, height, width]} pixels, converted as
   * {@link #load} converts files (luma for one channel, gray repeated for three, alpha dropped)
   * and resized bilinearly when its size differs: for single images, e.g. to classify them.
   *
   * <pre>{@code
   * byte[] px = ImageFolder.pixels(ImageIO.read(file), 28, 28, 1);   // [1, 28, 28], 0..255
   * }</pre>
   *
   * @param channels 1 (grayscale) or 3 (RGB)
   */
  public static byte[] pixels(BufferedImage img, int height, int width, int channels) {
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("ImageFolder.pixels: need height, width >= 1 and 1 or 3"
          + " channels, got " + height + " x " + width + " x " + channels);
    }
    byte[] px = pixels(img, channels);
    int h0 = img.getHeight();
    int w0 = img.getWidth();
    return h0 == height && w0 == width ? px : resize(px, channels, h0, w0, height, width);
  }

  private static byte[] pixels(BufferedImage img, int channels) {
    int h = img.getHeight();
    int w = img.getWidth();
    int plane = h * w;
    byte[] out = new byte[channels * plane];
    ColorModel cm = img.getColorModel();
    if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
      // Raw samples: getRGB would pass linear gray through a gamma curve and change the levels.
      Raster r = img.getRaster();
      int max = (1 << cm.getComponentSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          byte v = (byte) ((r.getSample(x, y, 0) * 255 + max / 2) / max);
          for (int c = 0; c < channels; c++) {
            out[c * plane + y * w + x] = v;
          }
        }
      }
      return out;
    }
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < plane; i++) {
      int red = argb[i] >> 16 & 0xff;
      int green = argb[i] >> 8 & 0xff;
      int blue = argb[i] & 0xff;
      if (channels == 1) {
        out[i] = (byte) ((red * 299 + green * 587 + blue * 114 + 500) / 1000);
      } else {
        out[i] = (byte) red;
        out[plane + i] = (byte) green;
        out[2 * plane + i] = (byte) blue;
      }
    }
    return out;
  }

  /** Bilinear resize of {@code [c, h0, w0]} to {@code [c, h, w]} with half-pixel centres. */
  static byte[] resize(byte[] src, int channels, int h0, int w0, int h, int w) {
    byte[] out = new byte[channels * h * w];
    for (int y = 0; y < h; y++) {
      double sy = Math.min(Math.max((y + 0.5) * h0 / h - 0.5, 0), h0 - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, h0 - 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.min(Math.max((x + 0.5) * w0 / w - 0.5, 0), w0 - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, w0 - 1);
        double fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          int top = c * h0 * w0 + y0 * w0;
          int bottom = c * h0 * w0 + y1 * w0;
          double up = (src[top + x0] & 0xff) * (1 - fx) + (src[top + x1] & 0xff) * fx;
          double down = (src[bottom + x0] & 0xff) * (1 - fx) + (src[bottom + x1] & 0xff) * fx;
          out[c * h * w + y * w + x] = (byte) Math.round(up * (1 - fy) + down * fy);
        }
      }
    }
    return out;
  }
}
