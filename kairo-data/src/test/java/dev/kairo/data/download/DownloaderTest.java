package dev.kairo.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on 127.0.0.1 only: these tests never touch the network. */
class DownloaderTest {
  @TempDir
  Path dir;
  private LocalServer server;
  private final List<String> events = new ArrayList<>();
  private final DownloadProgress recorder = new DownloadProgress() {
    @Override
    public void start(String name, long done, long total) {
      events.add("start " + name + " " + done + "/" + total);
    }

    @Override
    public void update(long done) {}

    @Override
    public void finish(long done) {
      events.add("finish " + done);
    }
  };
  private final byte[] file = random(300_000);
  private final String sha = sha256(file);

  @BeforeEach
  void start() throws Exception {
    server = new LocalServer();
    server.files.put("blob.gz", file);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Downloader downloader() {
    return Downloader.builder().progress(recorder).build();
  }

  private URI url() {
    return server.base().resolve("blob.gz");
  }

  @Test
  void downloadsVerifiesAndMovesIntoPlace() throws Exception {
    Path target = dir.resolve("cache/sub/blob.gz");
    assertThat(downloader().fetch(url(), target, sha.toUpperCase())).isEqualTo(target);
    assertThat(Files.readAllBytes(target)).isEqualTo(file);
    assertThat(Files.exists(dir.resolve("cache/sub/blob.gz.part"))).isFalse();
    assertThat(events).containsExactly("start blob.gz 0/300000", "finish 300000");
    assertThat(server.ranges).containsExactly((String) null);
    // Present and intact: not fetched again.
    downloader().fetch(url(), target, sha);
    assertThat(server.ranges).hasSize(1);
  }

  @Test
  void resumesAPartialFileWithARangeRequest() throws Exception {
    Path target = dir.resolve("blob.gz");
    Files.write(dir.resolve("blob.gz.part"), Arrays.copyOf(file, 100_000));
    downloader().fetch(url(), target, sha);
    assertThat(Files.readAllBytes(target)).isEqualTo(file);
    assertThat(server.ranges).containsExactly("bytes=100000-");
    assertThat(server.bytesSent.get()).isEqualTo(200_000);
    assertThat(events).containsExactly("start blob.gz 100000/300000", "finish 300000");
  }

  @Test
  void startsOverCleanlyWhenTheServerIgnoresRange() throws Exception {
    server.honourRange = false;
    byte[] stale = Arrays.copyOf(file, 100_000);
    stale[5] ^= 1;  // a partial file that would fail the checksum if it were kept
    Files.write(dir.resolve("blob.gz.part"), stale);
    downloader().fetch(url(), dir.resolve("blob.gz"), sha);
    assertThat(Files.readAllBytes(dir.resolve("blob.gz"))).isEqualTo(file);
    assertThat(server.ranges).containsExactly("bytes=100000-");
    assertThat(server.bytesSent.get()).isEqualTo(300_000);
  }

  @Test
  void startsOverWhenTheServerSendsAnotherRange() throws Exception {
    server.wrongRange = true;
    Files.write(dir.resolve("blob.gz.part"), Arrays.copyOf(file, 1000));
    downloader().fetch(url(), dir.resolve("blob.gz"), sha);
    assertThat(Files.readAllBytes(dir.resolve("blob.gz"))).isEqualTo(file);
    assertThat(server.ranges).containsExactly("bytes=1000-", null);
  }

  @Test
  void aCompletePartialFileIsVerifiedAndKept() throws Exception {
    Files.write(dir.resolve("blob.gz.part"), file);
    downloader().fetch(url(), dir.resolve("blob.gz"), sha);  // the server answers 416
    assertThat(Files.readAllBytes(dir.resolve("blob.gz"))).isEqualTo(file);
    assertThat(server.bytesSent.get()).isZero();
  }

  @Test
  void aDroppedConnectionKeepsThePartForTheNextAttempt() throws Exception {
    Path target = dir.resolve("blob.gz");
    try (BrokenServer broken = new BrokenServer(file, 120_000, false)) {
      assertThatThrownBy(() -> downloader().fetch(broken.url("blob.gz"), target, sha))
          .isInstanceOf(DownloadException.class).hasMessageContaining(broken.url("blob.gz")
              .toString()).hasMessageContaining("connection lost after 120000 of 300000 bytes")
          .hasMessageContaining("run again to resume");
    }
    assertThat(Files.exists(target)).isFalse();
    assertThat(Files.size(dir.resolve("blob.gz.part"))).isEqualTo(120_000);
    downloader().fetch(url(), target, sha);  // the next attempt resumes
    assertThat(Files.readAllBytes(target)).isEqualTo(file);
    assertThat(server.ranges).containsExactly("bytes=120000-");
    assertThat(server.bytesSent.get()).isEqualTo(180_000);
  }

  @Test
  void aSilentServerIsGivenUpOnAfterTheTimeout() throws Exception {
    Path target = dir.resolve("blob.gz");
    Downloader patient = Downloader.builder().timeout(Duration.ofSeconds(1)).build();
    long t0 = System.nanoTime();
    try (BrokenServer silent = new BrokenServer(file, 50_000, true)) {
      assertThatThrownBy(() -> patient.fetch(silent.url("blob.gz"), target, sha))
          .isInstanceOf(DownloadException.class).hasMessageContaining("no data for 1 s after 50000"
              + " bytes").hasMessageContaining("kept");
    }
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(Files.size(dir.resolve("blob.gz.part"))).isEqualTo(50_000);
  }

  @Test
  void aChecksumMismatchDeletesTheDownload() {
    String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
    Path target = dir.resolve("blob.gz");
    assertThatThrownBy(() -> downloader().fetch(url(), target, wrong))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("SHA-256 mismatch: expected " + wrong + ", got " + sha)
        .hasMessageContaining("deleted");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aFileWithAnotherChecksumIsReplacedOnlyByAVerifiedOne() throws Exception {
    Path target = dir.resolve("blob.gz");
    Files.writeString(target, "damaged");
    downloader().fetch(url(), target, sha);
    assertThat(Files.readAllBytes(target)).isEqualTo(file);
  }

  @Test
  void http404IsAClearErrorAndLeavesNoFile() {
    URI missing = server.base().resolve("nope.gz");
    assertThatThrownBy(() -> downloader().fetch(missing, dir.resolve("nope.gz"), sha))
        .isInstanceOf(DownloadException.class)
        .hasMessage(missing + ": HTTP 404 (not found: check the base URL)")
        .satisfies(e -> assertThat(((DownloadException) e).status()).isEqualTo(404));
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aChecksumIsRequired() {
    assertThatThrownBy(() -> downloader().fetch(url(), dir.resolve("x"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> downloader().fetch(url(), dir.resolve("x"), "abc"))
        .hasMessageContaining("64 hexadecimal digits");
  }

  @Test
  void consoleProgressPrintsALineOrABar() throws Exception {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    Downloader.builder().progress(DownloadProgress.console(new PrintStream(lines, true), false))
        .build().fetch(url(), dir.resolve("a.gz"), sha);
    assertThat(lines.toString()).startsWith("a.gz: 0.3 MB (0.3 MB fetched in");
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    Downloader.builder().progress(DownloadProgress.console(new PrintStream(bar, true), true))
        .build().fetch(url(), dir.resolve("b.gz"), sha);
    assertThat(bar.toString()).contains("b.gz").contains("100%");
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
