package dev.kairo.viz;

import java.awt.Dimension;
import java.awt.Graphics2D;

/**
 * Loss per epoch for training and validation side by side (the picture that shows over-fitting:
 * validation loss turning up while training loss keeps falling), with an optional second panel
 * for a metric such as accuracy. The epoch of lowest validation loss is marked.
 *
 * <pre>{@code
 * TrainingCurves.of(history.trainLoss(), history.valLoss())
 *     .metric("accuracy", history.trainAcc(), history.valAcc())
 *     .title("2-3-2 MLP on make_moons")
 *     .save(Path.of("out/curves.png"));
 * }</pre>
 */
public final class TrainingCurves implements Panel {

  private final double[] trainLoss;
  private final double[] valLoss;
  private String metricName;
  private double[] trainMetric;
  private double[] valMetric;
  private String title;
  private boolean logLoss;
  private boolean markBest = true;

  private TrainingCurves(double[] trainLoss, double[] valLoss) {
    this.trainLoss = check("training loss", trainLoss);
    this.valLoss = valLoss == null ? null : check("validation loss", valLoss);
  }

  /** Curves of training loss and validation loss (null when there is no validation set). */
  public static TrainingCurves of(double[] trainLoss, double[] validationLoss) {
    return new TrainingCurves(trainLoss, validationLoss);
  }

  /** Curve of training loss alone. */
  public static TrainingCurves of(double[] trainLoss) {
    return new TrainingCurves(trainLoss, null);
  }

  /**
   * Adds a second panel for a metric (accuracy, F1, ...) per epoch on the training and the
   * validation set; either may be null, not both.
   */
  public TrainingCurves metric(String name, double[] train, double[] validation) {
    if (train == null && validation == null) {
      throw new IllegalArgumentException(
          "TrainingCurves.metric '" + name + "': give training or validation values, or both");
    }
    this.metricName = name == null || name.isBlank() ? "metric" : name;
    this.trainMetric = train == null ? null : check(metricName + " (training)", train);
    this.valMetric = validation == null ? null : check(metricName + " (validation)", validation);
    return this;
  }

  /** Sets the overall title above the panels. */
  public TrainingCurves title(String title) {
    this.title = title;
    return this;
  }

  /** Draws the loss on a logarithmic axis (losses must then be positive). Off by default. */
  public TrainingCurves logLoss(boolean log) {
    this.logLoss = log;
    return this;
  }

  /** Marks the epoch of lowest validation loss (on by default). */
  public TrainingCurves markBest(boolean mark) {
    this.markBest = mark;
    return this;
  }

  /** The loss panel as a line plot, for further changes or a figure of your own. */
  public LinePlot lossPlot() {
    LinePlot p = new LinePlot("loss").xLabel("epoch").yLabel("loss").logY(logLoss);
    p.series("training", trainLoss);
    if (valLoss != null) {
      p.series("validation", Charts.indices(valLoss.length, 1), valLoss, LinePlot.Line.DASHED);
      int best = argmin(valLoss);
      if (markBest && best >= 0) {
        String name = "best: epoch " + (best + 1);
        p.series(name, new double[] {best + 1}, new double[] {valLoss[best]});
        p.color(name, Style.TEXT);
      }
    }
    return p;
  }

  /** The metric panel as a line plot, or null when no metric was added. */
  public LinePlot metricPlot() {
    if (metricName == null) {
      return null;
    }
    LinePlot p = new LinePlot(metricName).xLabel("epoch").yLabel(metricName);
    if (trainMetric != null) {
      p.series("training", trainMetric);
    }
    if (valMetric != null) {
      p.series("validation", Charts.indices(valMetric.length, 1), valMetric,
          LinePlot.Line.DASHED);
    }
    return p;
  }

  /** The figure these curves are drawn as: one or two panels side by side. */
  public Figure figure() {
    LinePlot metric = metricPlot();
    Figure f = new Figure(1, metric == null ? 1 : 2).title(title).add(lossPlot());
    if (metric != null) {
      f.add(metric);
    }
    return f.size(preferredSize().width, preferredSize().height);
  }

  @Override
  public Dimension preferredSize() {
    int w = metricName == null ? 680 : 1280;
    return new Dimension(w, 460 + (title == null || title.isBlank() ? 0 : 44));
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    figure().paint(g, width, height);
  }

  private static int argmin(double[] a) {
    int best = -1;
    for (int i = 0; i < a.length; i++) {
      if (Double.isFinite(a[i]) && (best < 0 || a[i] < a[best])) {
        best = i;
      }
    }
    return best;
  }

  private static double[] check(String what, double[] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException("TrainingCurves: " + what + " has no values");
    }
    return a.clone();
  }
}
