package dev.kairo.data.image;

import static dev.kairo.data.idx.IdxBytes.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.data.download.DownloadException;
import dev.kairo.data.download.DownloadProgress;
import dev.kairo.data.download.Downloader;
import dev.kairo.data.download.LocalServer;
import dev.kairo.data.idx.IdxBytes;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST's download and load, against small synthetic files on a loopback server. */
class MnistDownloadTest {
  @TempDir
  Path dir;
  private LocalServer server;
  private final Map<String, String> sums = new HashMap<>();
  private final Downloader quiet = Downloader.builder().progress(DownloadProgress.none()).build();

  @BeforeEach
  void serve() throws Exception {
    server = new LocalServer();
    put(MnistSplit.TRAIN, 6);
    put(MnistSplit.TEST, 4);
  }

  private void put(MnistSplit split, int n) throws Exception {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (3 * i + 1) % 10;
    }
    byte[] images = gzip(IdxBytes.images(n, 28, 28));
    byte[] lab = gzip(IdxBytes.labels(labels));
    server.files.put(split.imagesFile(), images);
    server.files.put(split.labelsFile(), lab);
    sums.put(split.imagesFile(), sha256(images));
    sums.put(split.labelsFile(), sha256(lab));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void downloadsTheFourFilesThenLoadsThem() throws Exception {
    Path folder = dir.resolve("mnist");
    assertThat(Mnist.download(folder, server.base(), quiet, sums)).isEqualTo(folder);
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
          "t10k-labels-idx1-ubyte.gz");
    }
    ImageDataset train = Mnist.load(MnistSplit.TRAIN, folder);
    assertThat(train.size()).isEqualTo(6);
    assertThat(train.labels()).containsExactly(1, 4, 7, 0, 3, 6);
    assertThat(train.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(Mnist.load(MnistSplit.TEST, folder).flat().featureShape()).containsExactly(784);
    // Again: everything is there and intact, nothing is fetched.
    Mnist.download(folder, server.base(), quiet, sums);
    assertThat(server.ranges).hasSize(4);
  }

  @Test
  void aBaseUrlWithoutTheTrailingSlashWorksToo() throws Exception {
    String base = server.base().toString();
    Mnist.download(dir, java.net.URI.create(base.substring(0, base.length() - 1)), quiet, sums);
    assertThat(Mnist.load(MnistSplit.TEST, dir).size()).isEqualTo(4);
  }

  @Test
  void aMirrorServingOtherBytesFailsTheChecksumAndLeavesNothing() {
    server.files.put(MnistSplit.TRAIN.imagesFile(), gzip(IdxBytes.images(7, 28, 28)));
    assertThatThrownBy(() -> Mnist.download(dir, server.base(), quiet, sums))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz: SHA-256 mismatch");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aMissingFileOnTheMirrorIsA404() {
    server.files.remove(MnistSplit.TEST.labelsFile());
    assertThatThrownBy(() -> Mnist.download(dir, server.base(), quiet, sums))
        .isInstanceOf(DownloadException.class).hasMessageContaining("t10k-labels-idx1-ubyte.gz")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void loadingBeforeDownloadingSaysWhatToDo() {
    assertThatThrownBy(() -> Mnist.load(MnistSplit.TRAIN, dir))
        .isInstanceOf(FileNotFoundException.class).hasMessageContaining("train-images-idx3-ubyte.gz")
        .hasMessageContaining("Mnist.download(");
  }

  @Test
  void theCacheFolderDefaultsToTheHomeAndFollowsTheEnvironment() {
    assertThat(Mnist.defaultFolder(Map.of(), "/home/ada"))
        .isEqualTo(Path.of("/home/ada/.kairo/datasets/mnist"));
    assertThat(Mnist.defaultFolder(Map.of(Mnist.ENV, "/data/mnist"), "/home/ada"))
        .isEqualTo(Path.of("/data/mnist"));
  }

  @Test
  void thePublishedChecksumsCoverTheFourFiles() {
    for (MnistSplit s : MnistSplit.values()) {
      assertThat(Mnist.SHA256.get(s.imagesFile())).matches("[0-9a-f]{64}");
      assertThat(Mnist.SHA256.get(s.labelsFile())).matches("[0-9a-f]{64}");
    }
    assertThat(Mnist.DEFAULT_MIRROR.getScheme()).isEqualTo("https");
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
