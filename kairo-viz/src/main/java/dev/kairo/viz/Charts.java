package dev.kairo.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Shared plumbing between the XChart-based plots: series styling, data ranges, conversions. */
final class Charts {

  static final BasicStroke SOLID =
      new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
  static final BasicStroke DOTTED =
      new BasicStroke(
          2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 4f}, 0f);

  /**
   * A filled circle with a thin white rim, so that points stay distinct where they overlap each
   * other or lie on a region shaded in their own colour.
   */
  static final Marker RIMMED_CIRCLE =
      new Marker() {
        private final BasicStroke rim = new BasicStroke(0.8f);

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
          double r = size / 2.0;
          Ellipse2D dot = new Ellipse2D.Double(x - r, y - r, size, size);
          g.fill(dot);
          Color fill = g.getColor();
          g.setColor(Color.WHITE);
          g.setStroke(rim);
          g.draw(dot);
          g.setColor(fill);
        }
      };

  /** Name of the hidden series {@link #anchorTicks} adds; no user series can be called this. */
  static final String TICK_ANCHOR = "\u0000kairo.tick-anchor";

  private Charts() {}

  /** Styles {@code s} completely, so XChart's own colour cycling never changes it. */
  static void styleLine(XYSeries s, Color color, BasicStroke stroke, boolean markers) {
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setFillColor(color);
    s.setLineStyle(stroke);
    s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
  }

  /** Styles {@code s} as points only, in {@code color}. */
  static void stylePoints(XYSeries s, Color color) {
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setFillColor(color);
    s.setLineStyle(SeriesLines.NONE);
    s.setMarker(RIMMED_CIRCLE);
  }

  /**
   * Adds one point series per class present in {@code labels} (all points in one series named
   * {@code "points"} when labels is null), coloured by {@link Style#classColor}.
   *
   * @return number of series added
   */
  static int addClassSeries(
      XYChart chart, double[] x, double[] y, int[] labels, List<String> classNames) {
    if (labels == null) {
      stylePoints(chart.addSeries("points", x, y), Style.classColor(0));
      return 1;
    }
    int classes = 0;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
    }
    int[] counts = new int[classes];
    for (int l : labels) {
      counts[l]++;
    }
    int added = 0;
    for (int k = 0; k < classes; k++) {
      if (counts[k] == 0) {
        continue;
      }
      double[] kx = new double[counts[k]];
      double[] ky = new double[counts[k]];
      int n = 0;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == k) {
          kx[n] = x[i];
          ky[n++] = y[i];
        }
      }
      stylePoints(chart.addSeries(className(classNames, k), kx, ky), Style.classColor(k));
      added++;
    }
    return added;
  }

  /**
   * Works around an XChart 4.0 quirk: when the values on an axis happen to be equally spaced
   * (x sampled on a grid, or y = x), XChart puts ticks only at data values, giving labels such as
   * -4.2, -3.4, ... or 4.619999999999999 instead of round numbers. One extra value inside the
   * range, in a disabled series (neither drawn, nor in the legend, nor in the axis range), breaks
   * the spacing and brings back XChart's round-number ticks. Call after adding all data series.
   */
  static void anchorTicks(XYChart chart, double[] xr, double[] yr, boolean logY) {
    double f = 0.41421356237309503; // irrational: lands on no data grid
    double x = xr[0] + f * (xr[1] - xr[0]);
    double y = logY ? yr[0] * Math.pow(yr[1] / yr[0], f) : yr[0] + f * (yr[1] - yr[0]);
    XYSeries s = chart.addSeries(TICK_ANCHOR, new double[] {x}, new double[] {y});
    stylePoints(s, Style.BACKGROUND);
    s.setShowInLegend(false);
    s.setEnabled(false);
  }

  /**
   * A log-axis tick label: plain decimals from 0.001 to 9999, powers of ten as {@code 1e-5}
   * beyond, rather than XChart's mix of "0.001" and "1E-4" on one axis.
   */
  static String logLabel(double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      return "";
    }
    int exp = (int) Math.floor(Math.log10(v) + 1e-9);
    if (exp >= -3 && exp <= 3) {
      return new BigDecimal(v).round(new MathContext(3))
          .stripTrailingZeros().toPlainString();
    }
    double mantissa = Math.round(v / Math.pow(10, exp) * 100) / 100.0;
    String m = mantissa == Math.rint(mantissa) ? Long.toString((long) mantissa)
        : Double.toString(mantissa);
    return m + "e" + exp;
  }

  static String className(List<String> names, int k) {
    return names != null && k < names.size() ? names.get(k) : "class " + k;
  }

  /** Checks class labels: non-negative and one per point. */
  static void checkLabels(String who, int[] labels, int points) {
    if (labels == null) {
      return;
    }
    if (labels.length != points) {
      throw new IllegalArgumentException(
          who + ": " + labels.length + " labels for " + points + " points");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            who + ": label " + labels[i] + " at index " + i + " is negative");
      }
    }
  }

  /** {min, max} of the finite values (positive ones only when {@code positive}); null if none. */
  static double[] range(List<double[]> arrays, boolean positive) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] a : arrays) {
      for (double v : a) {
        if (Double.isFinite(v) && (!positive || v > 0)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }

  /** Widens a degenerate range so an axis can be drawn over it. */
  static double[] nonEmpty(double[] r, boolean log) {
    if (r[1] > r[0]) {
      return r;
    }
    return log ? new double[] {r[0] / 2, r[0] * 2} : new double[] {r[0] - 1, r[0] + 1};
  }

  static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  static double[] indices(int n, int first) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = first + i;
    }
    return d;
  }
}
