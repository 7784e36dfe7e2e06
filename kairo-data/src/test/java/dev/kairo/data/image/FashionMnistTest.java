package dev.kairo.data.image;

import static dev.kairo.data.idx.IdxBytes.gzip;
import static dev.kairo.data.idx.IdxBytes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kairo.data.Batch;
import dev.kairo.data.BatchIterator;
import dev.kairo.data.DataLoader;
import dev.kairo.data.idx.IdxBytes;
import dev.kairo.data.idx.IdxFormatException;
import dev.kairo.tensor.Tensor;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir
  Path dir;

  private static final int[] LABELS = {9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9};

  private void writeSplit(MnistSplit split, boolean zipped) {
    byte[] images = IdxBytes.images(LABELS.length, 28, 28);
    byte[] labels = IdxBytes.labels(LABELS);
    if (zipped) {
      write(dir, split.imagesFile(), gzip(images));
      write(dir, split.labelsFile(), gzip(labels));
    } else {
      write(dir, split.imagesFile().replace(".gz", ""), images);
      write(dir, split.labelsFile().replace(".gz", ""), labels);
    }
  }

  @Test
  void loadsAFolderAsScaledImagesWithLabelsAndClassNames() throws Exception {
    writeSplit(MnistSplit.TRAIN, true);
    ImageDataset ds = FashionMnist.load(MnistSplit.TRAIN, dir);
    assertThat(ds.size()).isEqualTo(12);
    assertThat(ds.featureShape()).containsExactly(1, 28, 28);
    assertThat(ds.labels()).containsExactly(LABELS);
    assertThat(ds.numClasses()).isEqualTo(10);
    assertThat(ds.className(ds.label(0))).isEqualTo("Ankle boot");
    byte[] pattern = IdxBytes.pattern(12 * 784);
    Tensor x = ds.features(new int[] {3});
    assertThat(x.shape()).containsExactly(1, 1, 28, 28);
    assertThat(x.get(0, 0, 2, 5)).isEqualTo((pattern[3 * 784 + 2 * 28 + 5] & 0xff) / 255f);
    assertThat(ds.pixel(3, 0, 2, 5)).isEqualTo(pattern[3 * 784 + 2 * 28 + 5] & 0xff);
    Tensor flat = ds.flat().features(new int[] {3, 0});
    assertThat(flat.shape()).containsExactly(2, 784);
    assertThat(flat.get(0, 2 * 28 + 5)).isEqualTo(x.get(0, 0, 2, 5));
    assertThat(ds.flat().images().featureShape()).containsExactly(1, 28, 28);
    assertThat(ds.targets(new int[] {0, 3}).toArray()).containsExactly(9f, 3f);
  }

  @Test
  void uncompressedFilesAreFoundToo() throws Exception {
    writeSplit(MnistSplit.TEST, false);
    assertThat(FashionMnist.load(MnistSplit.TEST, dir).size()).isEqualTo(12);
  }

  @Test
  void labelCountMismatchNamesBothFiles() {
    write(dir, MnistSplit.TRAIN.imagesFile(), gzip(IdxBytes.images(5, 28, 28)));
    write(dir, MnistSplit.TRAIN.labelsFile(), gzip(IdxBytes.labels(1, 2, 3, 4)));
    assertThatThrownBy(() -> FashionMnist.load(MnistSplit.TRAIN, dir))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(dir.resolve("train-labels-idx1-ubyte.gz") + ": holds 4 labels but")
        .hasMessageContaining("train-images-idx3-ubyte.gz holds 5 images");
  }

  @Test
  void labelsOutOfRangeAndSwappedFilesAreRefused() {
    write(dir, MnistSplit.TRAIN.imagesFile(), gzip(IdxBytes.images(3, 28, 28)));
    write(dir, MnistSplit.TRAIN.labelsFile(), gzip(IdxBytes.labels(1, 10, 3)));
    assertThatThrownBy(() -> FashionMnist.load(MnistSplit.TRAIN, dir))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("label 10 at index 1 is outside [0, 10)");
    write(dir, MnistSplit.TRAIN.imagesFile(), gzip(IdxBytes.labels(1, 2, 3)));
    assertThatThrownBy(() -> FashionMnist.load(MnistSplit.TRAIN, dir))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz: expected an MNIST images file (magic"
            + " 0x00000803").hasMessageContaining("found magic 0x00000801");
  }

  @Test
  void aMissingFolderSaysHowToGetTheData() {
    assertThatThrownBy(() -> FashionMnist.load(MnistSplit.TRAIN, dir.resolve("nothing")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("no train-images-idx3-ubyte.gz")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
    String msg = FashionMnist.notFound(Map.of(), MnistSplit.TEST);
    assertThat(msg).contains("$KAIRO_FASHION_MNIST is not set", "/usr/share/datasets/fashion-mnist",
        "sudo apt-get install dataset-fashion-mnist", "FashionMnist.load(split, folder)");
  }

  @Test
  void theEnvironmentVariableNamesAFolder() {
    writeSplit(MnistSplit.TEST, true);
    Map<String, String> env = Map.of(FashionMnist.ENV, dir.toString());
    assertThat(FashionMnist.findFolder(env, MnistSplit.TEST)).contains(dir);
    Map<String, String> elsewhere = Map.of(FashionMnist.ENV, dir.resolve("empty").toString());
    assertThat(FashionMnist.notFound(elsewhere, MnistSplit.TEST)).contains(dir.resolve("empty")
        + " (absent)");
  }

  @Test
  void realFashionMnistWhenInstalled() throws Exception {
    assumeThat(Files.isDirectory(Path.of(FashionMnist.SYSTEM_FOLDER)))
        .as("Fashion-MNIST installed (apt-get install dataset-fashion-mnist)").isTrue();
    Path folder = Path.of(FashionMnist.SYSTEM_FOLDER);
    ImageDataset train = FashionMnist.load(MnistSplit.TRAIN, folder);
    ImageDataset test = FashionMnist.load(MnistSplit.TEST, folder);
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(train.classCounts()).containsOnly(6000);
    assertThat(test.classCounts()).containsOnly(1000);
    // Reference values read with Python's gzip module from the same files.
    assertThat(train.labels()).startsWith(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
    assertThat(test.labels()).startsWith(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
    assertThat(train.image(0).sum().item()).isCloseTo(76247 / 255f, org.assertj.core.data.Offset
        .offset(1e-3f));
    // The statistics everyone normalizes Fashion-MNIST with: mean 0.2860, std 0.3530.
    assertThat(train.channelMean()[0]).isCloseTo(0.2860, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(train.channelStd()[0]).isCloseTo(0.3530, org.assertj.core.data.Offset.offset(1e-4));

    DataLoader loader = DataLoader.builder(train).batchSize(256).shuffle(3).build();
    assertThat(loader.prefetch()).as("auto prefetch for 256 x 784 values").isTrue();
    int seen = 0;
    try (BatchIterator it = loader.iterator()) {
      for (int k = 0; k < 20 && it.hasNext(); k++) {
        Batch b = it.next();
        assertThat(b.x().shape()).containsExactly(256, 1, 28, 28);
        assertThat(Arrays.stream(b.labels()).allMatch(l -> l >= 0 && l <= 9)).isTrue();
        seen += b.size();
      }
    }
    assertThat(seen).isEqualTo(20 * 256);
  }
}
