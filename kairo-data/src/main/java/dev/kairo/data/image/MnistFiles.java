package dev.kairo.data.image;

import dev.kairo.data.idx.IdxArray;
import dev.kairo.data.idx.IdxFormatException;
import dev.kairo.data.idx.IdxReader;
import dev.kairo.data.idx.IdxType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The file layout shared by MNIST and Fashion-MNIST: finding the files and reading a pair. */
final class MnistFiles {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  private MnistFiles() {}

  /** The names a file may carry: as published (.gz), unpacked, and the unpacked Windows variant. */
  static List<String> candidates(String gzName) {
    String plain = gzName.substring(0, gzName.length() - ".gz".length());
    return List.of(gzName, plain, plain.replace("-idx", ".idx"));
  }

  /** The first candidate present in {@code folder}, or null. */
  static Path find(Path folder, String gzName) {
    for (String name : candidates(gzName)) {
      Path p = folder.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Whether {@code folder} holds both files of {@code split}. */
  static boolean hasSplit(Path folder, MnistSplit split) {
    return find(folder, split.imagesFile()) != null && find(folder, split.labelsFile()) != null;
  }

  /**
   * Reads the images and labels of {@code split} from {@code folder}.
   *
   * @throws java.io.FileNotFoundException (with {@code hint}) when a file is missing
   */
  static ImageDataset read(Path folder, MnistSplit split, List<String> classNames, String hint)
      throws IOException {
    Path images = find(folder, split.imagesFile());
    Path labels = find(folder, split.labelsFile());
    if (images == null || labels == null) {
      String missing = images == null ? split.imagesFile() : split.labelsFile();
      throw new java.io.FileNotFoundException(folder + ": no " + missing + " (nor "
          + String.join(", ", candidates(missing).subList(1, 3)) + "); " + hint);
    }
    return read(images, labels, classNames);
  }

  /** Reads an images file and a labels file and checks that they belong together. */
  static ImageDataset read(Path imagesFile, Path labelsFile, List<String> classNames)
      throws IOException {
    IdxArray images = IdxReader.read(imagesFile);
    expect(images, IMAGES_MAGIC, "images", "[n, rows, cols]");
    IdxArray labels = IdxReader.read(labelsFile);
    expect(labels, LABELS_MAGIC, "labels", "[n]");
    int n = images.size(0);
    if (labels.size(0) != n) {
      throw new IdxFormatException(labelsFile.toString(), "holds " + labels.size(0)
          + " labels but " + imagesFile + " holds " + n + " images");
    }
    if (images.size(1) == 0 || images.size(2) == 0) {
      throw new IdxFormatException(imagesFile.toString(), "images of " + images.size(1) + " x "
          + images.size(2) + " pixels");
    }
    byte[] raw = labels.unsignedBytes();
    int[] l = new int[n];
    for (int i = 0; i < n; i++) {
      l[i] = raw[i] & 0xff;
      if (l[i] >= classNames.size()) {
        throw new IdxFormatException(labelsFile.toString(), "label " + l[i] + " at index " + i
            + " is outside [0, " + classNames.size() + ")");
      }
    }
    return new ImageDataset(images.unsignedBytes(), l, 1, images.size(1), images.size(2),
        classNames);
  }

  private static void expect(IdxArray a, int magic, String what, String shape)
      throws IdxFormatException {
    if (a.magic() != magic) {
      throw new IdxFormatException(a.source(), String.format("expected an MNIST %s file (magic"
          + " 0x%08X: unsigned bytes, %s) but found magic 0x%08X (%s, %d dimensions)", what, magic,
          shape, a.magic(), a.type(), a.rank()));
    }
    assert a.type() == IdxType.UNSIGNED_BYTE;
  }
}
