package dev.kairo.viz;

import dev.kairo.tensor.Tensor;
import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * Points in the plane coloured by class label, with a legend of class names. Class {@code k} is
 * drawn in {@link Style#classColor}(k) in every Kairo picture, so a scatter plot and a decision
 * region plot of the same data agree.
 *
 * <pre>{@code
 * new ScatterPlot("make_moons(200, noise 0.2)")
 *     .points(x, labels)                    // x: Tensor [200, 2], labels: int[200]
 *     .classNames("upper moon", "lower moon")
 *     .save(Path.of("out/moons.png"));
 * }</pre>
 */
public final class ScatterPlot implements Panel {

  private Points2D points;
  private int[] labels;
  private List<String> classNames;
  private String title;
  private String xLabel;
  private String yLabel;
  private int markerSize = 7;
  private Legend legend = Legend.AUTO;

  /** An empty plot with no title. */
  public ScatterPlot() {}

  /** An empty plot with a title. */
  public ScatterPlot(String title) {
    this.title = title;
  }

  /**
   * Sets the points, each {@code {x, y}}, and their class labels (0, 1, ...; null to draw all
   * points in one colour with no legend). Replaces earlier points.
   */
  public ScatterPlot points(float[][] xy, int[] labels) {
    return set(Points2D.of("ScatterPlot.points", xy), labels);
  }

  /** Sets the points from a tensor of shape [N, 2] and their labels (may be null). */
  public ScatterPlot points(Tensor xy, int[] labels) {
    return set(Points2D.of("ScatterPlot.points", xy), labels);
  }

  /** Sets the points from coordinate arrays and their labels (may be null). */
  public ScatterPlot points(double[] x, double[] y, int[] labels) {
    return set(Points2D.of("ScatterPlot.points", x, y), labels);
  }

  private ScatterPlot set(Points2D p, int[] labels) {
    Charts.checkLabels("ScatterPlot.points", labels, p.size());
    this.points = p;
    this.labels = labels == null ? null : labels.clone();
    return this;
  }

  /** Names shown in the legend for classes 0, 1, ...; missing ones read "class k". */
  public ScatterPlot classNames(String... names) {
    this.classNames = Arrays.asList(names.clone());
    return this;
  }

  /** Sets the title drawn above the plot. */
  public ScatterPlot title(String title) {
    this.title = title;
    return this;
  }

  /** Sets the title of the x axis. */
  public ScatterPlot xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /** Sets the title of the y axis. */
  public ScatterPlot yLabel(String label) {
    this.yLabel = label;
    return this;
  }

  /** Sets the diameter of the dots in pixels (7 by default). */
  public ScatterPlot markerSize(int pixels) {
    if (pixels < 1 || pixels > 64) {
      throw new IllegalArgumentException(
          "ScatterPlot.markerSize: " + pixels + " is outside 1..64 pixels");
    }
    this.markerSize = pixels;
    return this;
  }

  /** Sets where the legend goes; {@link Legend#AUTO} by default. */
  public ScatterPlot legend(Legend legend) {
    this.legend = Objects.requireNonNull(legend, "ScatterPlot.legend");
    return this;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    toChart(width, height).paint(g, width, height);
  }

  XYChart toChart(int width, int height) {
    if (points == null) {
      throw new IllegalStateException("ScatterPlot has no points; add them with points(...)");
    }
    XYChart chart = new XYChart(width, height);
    configure(chart, title, xLabel, yLabel, markerSize);
    int entries = Charts.addClassSeries(chart, points.x(), points.y(), labels, classNames);
    double[] b = points.bounds();
    Charts.anchorTicks(chart, new double[] {b[0], b[1]}, new double[] {b[2], b[3]}, false);
    placeLegend(chart.getStyler(), legend, points, labels == null ? 0 : entries, b);
    return chart;
  }

  /** The parts of a scatter chart's look that {@link DecisionRegions} shares. */
  static void configure(XYChart chart, String title, String xLabel, String yLabel, int marker) {
    Style.apply(chart);
    chart.setTitle(title == null ? "" : title);
    chart.setXAxisTitle(xLabel == null ? "" : xLabel);
    chart.setYAxisTitle(yLabel == null ? "" : yLabel);
    XYStyler st = chart.getStyler();
    st.setChartTitleVisible(title != null && !title.isBlank());
    st.setMarkerSize(marker);
  }

  static void placeLegend(XYStyler st, Legend legend, Points2D p, int entries, double[] b) {
    Legend where = legend;
    if (entries == 0) {
      where = Legend.NONE;
    } else if (where == Legend.AUTO) {
      where =
          Legend.choose(
              List.of(p.x()), List.of(p.y()), false, false, entries,
              Charts.nonEmpty(new double[] {b[0], b[1]}, false),
              Charts.nonEmpty(new double[] {b[2], b[3]}, false));
    }
    st.setLegendVisible(where != Legend.NONE);
    st.setLegendPosition(where.toXChart());
  }
}
