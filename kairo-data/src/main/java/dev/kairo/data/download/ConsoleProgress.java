package dev.kairo.data.download;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** {@link DownloadProgress#console}: a me.tongfei progress bar, or a summary line per file. */
final class ConsoleProgress implements DownloadProgress {
  private static final long MB = 1L << 20;
  private final PrintStream out;
  private final boolean bar;
  private ProgressBar pb;
  private String name;
  private long startedAt;
  private long resumedFrom;

  ConsoleProgress(PrintStream out, boolean bar) {
    this.out = out;
    this.bar = bar;
  }

  @Override
  public void start(String name, long done, long total) {
    this.name = name;
    this.startedAt = System.nanoTime();
    this.resumedFrom = done;
    if (bar) {
      pb = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", MB).showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(200)
          .startsFrom(done, java.time.Duration.ZERO).build();
    } else if (done > 0) {
      out.printf("%s: resuming after %.1f MB%n", name, done / (double) MB);
    }
  }

  @Override
  public void update(long done) {
    if (pb != null) {
      pb.stepTo(done);
    }
  }

  @Override
  public void finish(long done) {
    if (pb != null) {
      pb.stepTo(done);
      pb.close();
      pb = null;
    } else {
      double secs = (System.nanoTime() - startedAt) / 1e9;
      out.printf("%s: %.1f MB (%.1f MB fetched in %.1f s)%n", name, done / (double) MB,
          (done - resumedFrom) / (double) MB, secs);
    }
  }
}
