package dev.kairo.data.download;

import java.io.PrintStream;

/**
 * Told how a download advances, to show it: {@link #console()} draws a progress bar
 * (me.tongfei:progressbar) on a terminal and prints one line per file elsewhere;
 * {@link #none()} stays silent.
 *
 * <pre>{@code
 * Downloader d = Downloader.builder().progress(DownloadProgress.console()).build();
 * Downloader quiet = Downloader.builder().progress(DownloadProgress.none()).build();
 * DownloadProgress mine = new DownloadProgress() {
 *   public void start(String name, long done, long total) { System.out.println(name); }
 *   public void update(long done) {}
 *   public void finish(long done) { System.out.println(done + " bytes"); }
 * };
 * }</pre>
 *
 * <p>Calls come from the downloading thread, in order: one {@code start}, any number of
 * {@code update}s, then {@code finish} when the bytes are all in (also when the transfer
 * fails, so that a bar is always closed).
 */
public interface DownloadProgress {
  /**
   * A transfer begins.
   *
   * @param name the file being downloaded
   * @param done bytes already present (a resumed download), else 0
   * @param total the full size in bytes, or -1 when the server does not say
   */
  void start(String name, long done, long total);

  /** {@code done} bytes of the file are now present. */
  void update(long done);

  /** The transfer ended (completely or not) with {@code done} bytes present. */
  void finish(long done);

  /** Shows nothing. */
  static DownloadProgress none() {
    return new DownloadProgress() {
      @Override
      public void start(String name, long done, long total) {}

      @Override
      public void update(long done) {}

      @Override
      public void finish(long done) {}
    };
  }

  /** A bar on standard error when a terminal is attached, else one line per file. */
  static DownloadProgress console() {
    return console(System.err, System.console() != null && System.getenv("CI") == null);
  }

  /** A live bar on {@code out} when {@code bar}, else one line per file on {@code out}. */
  static DownloadProgress console(PrintStream out, boolean bar) {
    return new ConsoleProgress(out, bar);
  }
}
