package dev.kairo.train.callbacks;

import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.io.PrintStream;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch (me.tongfei:progressbar) showing the running loss, accuracy and
 * samples per second, then one summary line per epoch. Where there is no terminal (CI, a
 * pipe) only the summary lines are printed.
 *
 * <pre>{@code
 * Trainer.builder(model, opt, loss).callbacks(new ProgressBarCallback()).build();
 * }</pre>
 */
public final class ProgressBarCallback implements Callback {
  private final PrintStream out;
  private final boolean bar;
  private final int every;
  private ProgressBar pb;
  private long start;
  private long samples;
  private double lossSum;

  /** Prints to standard error; draws the bar only when a terminal is attached. */
  public ProgressBarCallback() {
    this(System.err, System.console() != null && System.getenv("CI") == null);
  }

  /** Prints to {@code out}; {@code bar} chooses between the live bar and summary lines only. */
  public ProgressBarCallback(PrintStream out, boolean bar) {
    this(out, bar, 1);
  }

  /** As above, printing the summary line only every {@code every} epochs (and the last). */
  public ProgressBarCallback(PrintStream out, boolean bar, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("ProgressBarCallback: every must be >= 1, got " + every);
    }
    this.out = out;
    this.bar = bar && every == 1;
    this.every = every;
  }

  @Override
  public void onEpochBegin(TrainingContext ctx, int epoch) {
    start = System.nanoTime();
    samples = 0;
    lossSum = 0;
    if (bar) {
      pb = new ProgressBarBuilder().setTaskName(String.format("epoch %d/%d", epoch, ctx.epochs()))
          .setInitialMax(ctx.batchesPerEpoch()).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(200)
          .build();
    }
  }

  @Override
  public void onBatchEnd(TrainingContext ctx, int batch, double loss, int batchSize) {
    samples += batchSize;
    lossSum += loss * batchSize;
    if (pb != null) {
      double secs = (System.nanoTime() - start) / 1e9;
      pb.step();
      pb.setExtraMessage(String.format("loss %.4f, %,.0f samples/s", lossSum / samples,
          samples / Math.max(secs, 1e-9)));
    }
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
    if (pb != null) {
      pb.close();
      pb = null;
    }
    if (ctx.epoch() % every != 0 && ctx.epoch() != ctx.epochs()) {
      return;
    }
    StringBuilder s = new StringBuilder(String.format("epoch %d/%d", ctx.epoch(), ctx.epochs()));
    log.forEach((k, v) -> {
      if (!k.equals("epoch")) {
        s.append(k.equals("samples_per_s") ? String.format("  %s %,.0f", k, v)
            : String.format("  %s %.4g", k, v));
      }
    });
    out.println(s);
  }

  @Override
  public void onTrainEnd(TrainingContext ctx, boolean failed) {
    if (pb != null) {
      pb.close();
      pb = null;
    }
    if (ctx.stopReason() != null) {
      out.println("stopped early: " + ctx.stopReason());
    }
  }
}
