package dev.kairo.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.XYStyler;

/**
 * Named series of (x, y) points joined by lines, with axis titles, an optional fixed range, a
 * logarithmic y axis and a legend. Non-finite values (NaN, infinities) leave a gap in the line.
 *
 * <pre>{@code
 * new LinePlot("Fit of y = 2x^2 - 1")
 *     .xLabel("x").yLabel("y")
 *     .series("target", xs, target)
 *     .series("network", xs, predicted, LinePlot.Line.DASHED)
 *     .save(Path.of("out/fit.png"));
 * }</pre>
 */
public final class LinePlot implements Panel {

  /** How a series' line is drawn. */
  public enum Line {
    /** A continuous line. */
    SOLID,
    /** A dashed line, e.g. for a derivative or a reference curve. */
    DASHED,
    /** A dotted line. */
    DOTTED;

    BasicStroke stroke() {
      return this == SOLID ? Charts.SOLID : this == DASHED ? Charts.DASHED : Charts.DOTTED;
    }
  }

  private record Series(String name, double[] x, double[] y, Line line) {}

  private final Map<String, Series> series = new LinkedHashMap<>();
  private final Map<String, Color> colors = new LinkedHashMap<>();
  private String title;
  private String xLabel;
  private String yLabel;
  private double[] xRange;
  private double[] yRange;
  private boolean logY;
  private boolean markers;
  private Legend legend = Legend.AUTO;

  /** An empty plot with no title. */
  public LinePlot() {}

  /** An empty plot with a title. */
  public LinePlot(String title) {
    this.title = title;
  }

  /** Sets the title drawn above the plot. */
  public LinePlot title(String title) {
    this.title = title;
    return this;
  }

  /** Sets the title of the x axis. */
  public LinePlot xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /** Sets the title of the y axis. */
  public LinePlot yLabel(String label) {
    this.yLabel = label;
    return this;
  }

  /** Adds a solid series through the points (x[i], y[i]); the arrays are copied. */
  public LinePlot series(String name, double[] x, double[] y) {
    return series(name, x, y, Line.SOLID);
  }

  /** Adds a series drawn with {@code line}; the arrays are copied. */
  public LinePlot series(String name, double[] x, double[] y, Line line) {
    Objects.requireNonNull(name, "LinePlot.series: name");
    if (name.equals(Charts.TICK_ANCHOR)) {
      throw new IllegalArgumentException("LinePlot.series: that name is reserved");
    }
    Objects.requireNonNull(line, "LinePlot.series: line");
    if (x == null || y == null) {
      throw new IllegalArgumentException("LinePlot.series '" + name + "': x and y are required");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "LinePlot.series '" + name + "': x has " + x.length + " values but y has " + y.length);
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("LinePlot.series '" + name + "': no points");
    }
    if (series.containsKey(name)) {
      throw new IllegalArgumentException(
          "LinePlot.series: a series named '" + name + "' is already in " + describe());
    }
    series.put(name, new Series(name, x.clone(), y.clone(), line));
    return this;
  }

  /** Adds a solid series from float arrays. */
  public LinePlot series(String name, float[] x, float[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("LinePlot.series '" + name + "': x and y are required");
    }
    return series(name, Charts.toDouble(x), Charts.toDouble(y), Line.SOLID);
  }

  /** Adds a solid series with x = 1, 2, ..., n (epochs, say). */
  public LinePlot series(String name, double[] y) {
    if (y == null) {
      throw new IllegalArgumentException("LinePlot.series '" + name + "': y is required");
    }
    return series(name, Charts.indices(y.length, 1), y, Line.SOLID);
  }

  /** Draws series {@code name} in {@code color} instead of its palette colour. */
  public LinePlot color(String name, Color color) {
    if (!series.containsKey(name)) {
      throw new IllegalArgumentException(
          "LinePlot.color: no series named '" + name + "' in " + describe());
    }
    colors.put(name, Objects.requireNonNull(color, "LinePlot.color: color"));
    return this;
  }

  /** Fixes the x axis to [min, max] instead of fitting the data. */
  public LinePlot xRange(double min, double max) {
    this.xRange = checkRange("xRange", min, max);
    return this;
  }

  /** Fixes the y axis to [min, max] instead of fitting the data. */
  public LinePlot yRange(double min, double max) {
    this.yRange = checkRange("yRange", min, max);
    return this;
  }

  /**
   * Uses a logarithmic y axis. Every finite y value must then be positive (zeros and negatives
   * are an error at drawing time, naming the series); NaN still leaves a gap.
   */
  public LinePlot logY(boolean logY) {
    this.logY = logY;
    return this;
  }

  /** Marks each data point with a dot as well as joining them (off by default). */
  public LinePlot markers(boolean markers) {
    this.markers = markers;
    return this;
  }

  /** Sets where the legend goes; {@link Legend#AUTO} by default. */
  public LinePlot legend(Legend legend) {
    this.legend = Objects.requireNonNull(legend, "LinePlot.legend");
    return this;
  }

  /** Number of series added so far. */
  public int seriesCount() {
    return series.size();
  }

  /** Names of the series, in the order they were added (and drawn). */
  public List<String> seriesNames() {
    return List.copyOf(series.keySet());
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    toChart(width, height).paint(g, width, height);
  }

  /** Builds the XChart chart; fresh on every call so that a plot can be drawn many times. */
  XYChart toChart(int width, int height) {
    if (series.isEmpty()) {
      throw new IllegalStateException(describe() + " has no series; add one with series(...)");
    }
    List<double[]> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    for (Series s : series.values()) {
      check(s);
      xs.add(s.x);
      ys.add(s.y);
    }
    XYChart chart = new XYChart(width, height);
    Style.apply(chart);
    chart.setTitle(title == null ? "" : title);
    chart.setXAxisTitle(xLabel == null ? "" : xLabel);
    chart.setYAxisTitle(yLabel == null ? "" : yLabel);
    XYStyler st = chart.getStyler();
    st.setChartTitleVisible(title != null && !title.isBlank());
    st.setYAxisLogarithmic(logY);
    double[] xr = xRange != null ? xRange : Charts.nonEmpty(Charts.range(xs, false), false);
    double[] yr = yRange != null ? yRange : Charts.nonEmpty(Charts.range(ys, logY), logY);
    // Over two decades or more, a grid line at every 2, 3, ... 9 is clutter; below that, the
    // decades alone would leave the axis with no labels at all.
    st.setYAxisLogarithmicDecadeOnly(logY && yr[1] / yr[0] >= 100);
    if (logY) {
      st.setYAxisTickLabelsFormattingFunction(Charts::logLabel);
    }
    if (xRange != null) {
      st.setXAxisMin(xRange[0]).setXAxisMax(xRange[1]);
    }
    if (yRange != null) {
      st.setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
    }
    int i = 0;
    for (Series s : series.values()) {
      Color c = colors.getOrDefault(s.name, Style.classColor(i++));
      // A single point has no line to draw, so it always gets its marker.
      boolean dots = markers || s.x.length == 1;
      XYSeries line = chart.addSeries(s.name, s.x, s.y);
      Charts.styleLine(line, c, s.line.stroke(), dots);
      if (s.x.length == 1) {
        line.setLineStyle(SeriesLines.NONE); // else the legend shows a line that is not there
      }
      // XChart draws a plain line one segment at a time: thousands of SVG elements for a sampled
      // curve, and a dash pattern that restarts at every segment (a dashed curve looks solid).
      // Its "smooth" mode draws one path instead; where segments are a few pixels long its
      // rounding of each segment is invisible, so use it there.
      line.setSmooth((width - 120.0) / Math.max(1, s.x.length - 1) < 8);
    }
    Charts.anchorTicks(chart, xr, yr, logY);
    Legend where =
        legend == Legend.AUTO
            ? Legend.choose(xs, ys, true, logY, series.size(), xr, yr)
            : legend;
    st.setLegendVisible(where != Legend.NONE);
    st.setLegendPosition(where.toXChart());
    return chart;
  }

  private void check(Series s) {
    boolean finite = false;
    for (int i = 0; i < s.y.length; i++) {
      double y = s.y[i];
      if (logY && y <= 0) {
        throw new IllegalArgumentException(
            describe() + ": log-y needs positive values, but series '" + s.name + "' has " + y
                + " at index " + i);
      }
      finite |= Double.isFinite(y) && Double.isFinite(s.x[i]);
    }
    if (!finite) {
      throw new IllegalArgumentException(
          describe() + ": series '" + s.name + "' has no point with finite x and y");
    }
    if (logY && yRange != null && yRange[0] <= 0) {
      throw new IllegalArgumentException(
          describe() + ": log-y needs a positive y range, got [" + yRange[0] + ", " + yRange[1]
              + "]");
    }
  }

  private String describe() {
    return title == null || title.isBlank() ? "LinePlot" : "LinePlot '" + title + "'";
  }

  private static double[] checkRange(String what, double min, double max) {
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "LinePlot." + what + ": need finite min < max, got [" + min + ", " + max + "]");
    }
    return new double[] {min, max};
  }
}
