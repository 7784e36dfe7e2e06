package dev.kairo.viz;

import dev.kairo.tensor.Tensor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * A classifier's decision regions in the plane: a grid of cells over the data's bounding box
 * (plus a margin) is shaded by the class the classifier predicts at each cell centre, and the
 * data points are drawn on top in the colour of their true class. This is the picture of seed
 * 003 (a 2-H-2 network on {@code make_moons}) for each hidden size H.
 *
 * <p>The classifier is called <em>once</em>, with every grid cell centre in one batch (40,000
 * points at the default resolution of 200), on first paint; the result is kept, so saving as PNG
 * and SVG does not classify twice. The shading is drawn as one rectangle per run of equal class
 * (merged across rows), so an SVG holds a few hundred shapes, not 40,000.
 *
 * <pre>{@code
 * // classify: Tensor [N, 2] -> int[N], e.g. the forward pass followed by argmax
 * DecisionRegions.ofTensor(classify, points, labels)
 *     .title("H = 3, train acc 0.985")
 *     .save(Path.of("out/moons-h3.png"));
 *
 * DecisionRegions.of(batch -> predict(batch), pointsAsFloatArrays, labels)   // float[][] API
 *     .resolution(300).margin(0.15).save(Path.of("out/regions.svg"));
 * }</pre>
 */
public final class DecisionRegions implements Panel {

  /** Batch classifier over flat (x0, y0, x1, y1, ...) grid coordinates. */
  private interface Batch {
    int[] classify(float[] xy, int n);
  }

  private final Batch classifier;
  private final Points2D points;
  private final int[] labels;
  private List<String> classNames;
  private String title;
  private String xLabel;
  private String yLabel;
  private int resolution = 200;
  private double margin = 0.1;
  private double[] bounds;
  private int markerSize = 7;
  private Legend legend = Legend.AUTO;
  private Grid grid;

  /** The classified grid: bounds {xmin, xmax, ymin, ymax}, n × n cells, row 0 at ymin. */
  private record Grid(double[] bounds, int n, int[] classes) {}

  private DecisionRegions(Batch classifier, Points2D points, int[] labels) {
    Charts.checkLabels("DecisionRegions", labels, points.size());
    if (labels == null) {
      throw new IllegalArgumentException("DecisionRegions: labels are required");
    }
    this.classifier = classifier;
    this.points = points;
    this.labels = labels.clone();
  }

  /**
   * Regions of a classifier that maps a batch of points {@code {x, y}} to class indices, one per
   * point; the data {@code points} are drawn coloured by {@code labels}.
   */
  public static DecisionRegions of(
      Function<float[][], int[]> classifier, float[][] points, int[] labels) {
    return new DecisionRegions(
        arrays(classifier), Points2D.of("DecisionRegions.points", points), labels);
  }

  /** As {@link #of(Function, float[][], int[])}, with the data as a tensor [N, 2]. */
  public static DecisionRegions of(
      Function<float[][], int[]> classifier, Tensor points, int[] labels) {
    return new DecisionRegions(
        arrays(classifier), Points2D.of("DecisionRegions.points", points), labels);
  }

  /**
   * Regions of a classifier that maps a tensor [N, 2] of points to N class indices (a model's
   * forward pass followed by argmax, say); the data points are a tensor [N, 2] too.
   */
  public static DecisionRegions ofTensor(
      Function<Tensor, int[]> classifier, Tensor points, int[] labels) {
    Objects.requireNonNull(classifier, "DecisionRegions: classifier");
    Batch b = (xy, n) -> classifier.apply(Tensor.of(xy, n, 2));
    return new DecisionRegions(b, Points2D.of("DecisionRegions.points", points), labels);
  }

  private static Batch arrays(Function<float[][], int[]> classifier) {
    Objects.requireNonNull(classifier, "DecisionRegions: classifier");
    return (xy, n) -> {
      float[][] batch = new float[n][];
      for (int i = 0; i < n; i++) {
        batch[i] = new float[] {xy[2 * i], xy[2 * i + 1]};
      }
      return classifier.apply(batch);
    };
  }

  /** Sets the title, e.g. {@code "H = 3, train acc 0.985"}. */
  public DecisionRegions title(String title) {
    this.title = title;
    return this;
  }

  /** Sets the title of the x axis. */
  public DecisionRegions xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /** Sets the title of the y axis. */
  public DecisionRegions yLabel(String label) {
    this.yLabel = label;
    return this;
  }

  /** Names shown in the legend for classes 0, 1, ...; missing ones read "class k". */
  public DecisionRegions classNames(String... names) {
    this.classNames = Arrays.asList(names.clone());
    return this;
  }

  /** Sets the number of grid cells along each axis (200 by default, 2..2000). */
  public DecisionRegions resolution(int cells) {
    if (cells < 2 || cells > 2000) {
      throw new IllegalArgumentException(
          "DecisionRegions.resolution: " + cells + " cells is outside 2..2000");
    }
    this.resolution = cells;
    this.grid = null;
    return this;
  }

  /**
   * Sets the margin around the data's bounding box, as a fraction of its width and height
   * (0.1 by default).
   */
  public DecisionRegions margin(double fraction) {
    if (!(fraction >= 0) || fraction > 10) {
      throw new IllegalArgumentException(
          "DecisionRegions.margin: " + fraction + " is outside 0..10");
    }
    this.margin = fraction;
    this.grid = null;
    return this;
  }

  /** Shades exactly [xmin, xmax] × [ymin, ymax] instead of the data's box plus margin. */
  public DecisionRegions bounds(double xmin, double xmax, double ymin, double ymax) {
    if (!(xmin < xmax && ymin < ymax)
        || !Double.isFinite(xmax - xmin) || !Double.isFinite(ymax - ymin)) {
      throw new IllegalArgumentException(
          "DecisionRegions.bounds: need finite xmin < xmax and ymin < ymax, got [" + xmin + ", "
              + xmax + "] x [" + ymin + ", " + ymax + "]");
    }
    this.bounds = new double[] {xmin, xmax, ymin, ymax};
    this.grid = null;
    return this;
  }

  /** Sets the diameter of the data dots in pixels (7 by default). */
  public DecisionRegions markerSize(int pixels) {
    if (pixels < 1 || pixels > 64) {
      throw new IllegalArgumentException(
          "DecisionRegions.markerSize: " + pixels + " is outside 1..64 pixels");
    }
    this.markerSize = pixels;
    return this;
  }

  /** Sets where the legend goes; {@link Legend#AUTO} by default. */
  public DecisionRegions legend(Legend legend) {
    this.legend = Objects.requireNonNull(legend, "DecisionRegions.legend");
    return this;
  }

  /**
   * The class predicted for the grid cell that contains (x, y), classifying the grid first if
   * needed; -1 outside the shaded area.
   */
  public int predictedClassAt(double x, double y) {
    Grid gr = grid();
    double[] b = gr.bounds;
    int i = (int) Math.floor((x - b[0]) / (b[1] - b[0]) * gr.n);
    int j = (int) Math.floor((y - b[2]) / (b[3] - b[2]) * gr.n);
    if (x < b[0] || x > b[1] || y < b[2] || y > b[3]) {
      return -1;
    }
    return gr.classes[Math.min(j, gr.n - 1) * gr.n + Math.min(i, gr.n - 1)];
  }

  /** The shaded area {xmin, xmax, ymin, ymax}. */
  public double[] shadedBounds() {
    return grid().bounds.clone();
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    Grid gr = grid();
    RegionChart chart = new RegionChart(width, height, (ug, c) -> shade(ug, c, gr));
    ScatterPlot.configure(chart, title, xLabel, yLabel, markerSize);
    XYStyler st = chart.getStyler();
    // The axes span exactly the shaded grid, so the shading fills the plot area edge to edge.
    st.setPlotContentSize(1.0);
    st.setXAxisMin(gr.bounds[0]).setXAxisMax(gr.bounds[1]);
    st.setYAxisMin(gr.bounds[2]).setYAxisMax(gr.bounds[3]);
    st.setPlotBackgroundColor(new Color(0, 0, 0, 0));
    st.setPlotGridLinesVisible(false);
    int entries = Charts.addClassSeries(chart, points.x(), points.y(), labels, classNames);
    double[] b = gr.bounds;
    Charts.anchorTicks(chart, new double[] {b[0], b[1]}, new double[] {b[2], b[3]}, false);
    ScatterPlot.placeLegend(st, legend, points, entries, gr.bounds);
    chart.paint(g, width, height);
  }

  private Grid grid() {
    if (grid == null) {
      grid = classify();
    }
    return grid;
  }

  private Grid classify() {
    double[] b = bounds;
    if (b == null) {
      b = points.bounds();
      // A zero-width box (all points on a line) still gets an area to shade.
      double w = b[1] - b[0] > 0 ? b[1] - b[0] : 1;
      double h = b[3] - b[2] > 0 ? b[3] - b[2] : 1;
      b = new double[] {b[0] - margin * w, b[1] + margin * w, b[2] - margin * h, b[3] + margin * h};
      if (margin == 0 && (b[1] == b[0] || b[3] == b[2])) {
        b = new double[] {b[0] - 0.5, b[1] + 0.5, b[2] - 0.5, b[3] + 0.5};
      }
    }
    int n = resolution;
    float[] xy = new float[2 * n * n];
    for (int j = 0; j < n; j++) {
      double y = b[2] + (j + 0.5) * (b[3] - b[2]) / n;
      for (int i = 0; i < n; i++) {
        xy[2 * (j * n + i)] = (float) (b[0] + (i + 0.5) * (b[1] - b[0]) / n);
        xy[2 * (j * n + i) + 1] = (float) y;
      }
    }
    int[] classes = classifier.classify(xy, n * n);
    if (classes == null || classes.length != n * n) {
      throw new IllegalStateException(
          "DecisionRegions: the classifier returned "
              + (classes == null ? "null" : classes.length + " classes")
              + " for a batch of " + n * n + " grid points; it must return one class per point");
    }
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] < 0) {
        throw new IllegalStateException(
            "DecisionRegions: the classifier returned class " + classes[i] + " for grid point ("
                + xy[2 * i] + ", " + xy[2 * i + 1] + "); classes must be 0 or more");
      }
    }
    return new Grid(b, n, classes.clone());
  }

  /** Cell edges are rounded to whole pixels so neighbouring rectangles meet with no seam. */
  private static void shade(Graphics2D g, XYChart chart, Grid gr) {
    int n = gr.n;
    double[] b = gr.bounds;
    int[] px = new int[n + 1];
    int[] py = new int[n + 1];
    for (int k = 0; k <= n; k++) {
      px[k] = (int) Math.round(chart.getScreenXFromChart(b[0] + k * (b[1] - b[0]) / n));
      py[k] = (int) Math.round(chart.getScreenYFromChart(b[2] + k * (b[3] - b[2]) / n));
    }
    // Anti-aliased edges would blend each rectangle with the white behind it: faint grid lines.
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    // Runs of one class in one row, merged with the identical run in the rows above it.
    Map<Run, Integer> open = new LinkedHashMap<>();
    for (int j = 0; j <= n; j++) {
      Map<Run, Integer> next = new LinkedHashMap<>();
      if (j < n) {
        int i = 0;
        while (i < n) {
          int c = gr.classes[j * n + i];
          int end = i + 1;
          while (end < n && gr.classes[j * n + end] == c) {
            end++;
          }
          Run r = new Run(i, end, c);
          next.put(r, open.getOrDefault(r, j));
          i = end;
        }
      }
      for (Map.Entry<Run, Integer> e : open.entrySet()) {
        if (!next.containsKey(e.getKey())) {
          Run r = e.getKey();
          g.setColor(Style.regionColor(r.cls));
          // Rows grow upwards in data space but downwards on screen.
          g.fillRect(px[r.from], py[j], px[r.to] - px[r.from], py[e.getValue()] - py[j]);
        }
      }
      open = next;
    }
  }

  private record Run(int from, int to, int cls) {}
}
