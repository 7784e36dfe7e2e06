package dev.kairo.viz;

import java.util.List;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Where a plot puts its legend. {@link #AUTO} (the default) picks the inside corner that covers
 * the fewest data, and moves the legend outside to the right when every corner is crowded.
 *
 * <pre>{@code
 * new LinePlot("loss").series("train", loss).legend(Legend.INSIDE_SW);
 * }</pre>
 */
public enum Legend {
  /** The emptiest inside corner, or outside right when all are crowded. */
  AUTO,
  /** Inside the plot, top right. */
  INSIDE_NE,
  /** Inside the plot, top left. */
  INSIDE_NW,
  /** Inside the plot, bottom right. */
  INSIDE_SE,
  /** Inside the plot, bottom left. */
  INSIDE_SW,
  /** To the right of the plot, outside it. */
  OUTSIDE_RIGHT,
  /** Below the plot, outside it. */
  OUTSIDE_BOTTOM,
  /** No legend. */
  NONE;

  /** Corner tried first when several are equally empty: top right is where readers look. */
  private static final Legend[] CORNERS = {INSIDE_NE, INSIDE_NW, INSIDE_SE, INSIDE_SW};

  LegendPosition toXChart() {
    switch (this) {
      case INSIDE_NW:
        return LegendPosition.InsideNW;
      case INSIDE_SE:
        return LegendPosition.InsideSE;
      case INSIDE_SW:
        return LegendPosition.InsideSW;
      case OUTSIDE_RIGHT:
        return LegendPosition.OutsideE;
      case OUTSIDE_BOTTOM:
        return LegendPosition.OutsideS;
      default:
        return LegendPosition.InsideNE;
    }
  }

  /**
   * Resolves {@link #AUTO} for the given series. Points (and points along each line segment when
   * {@code lines}) are put in [0, 1] plot coordinates; the legend box is assumed to cover about a
   * third of the width and a band of height that grows with the number of entries.
   */
  static Legend choose(
      List<double[]> xs, List<double[]> ys, boolean lines, boolean logY, int entries,
      double[] xRange, double[] yRange) {
    double x0 = xRange[0];
    double x1 = xRange[1];
    double y0 = logY ? Math.log10(yRange[0]) : yRange[0];
    double y1 = logY ? Math.log10(yRange[1]) : yRange[1];
    double boxW = 0.38;
    double boxH = Math.min(0.9, 0.08 + 0.075 * entries);
    int[] counts = new int[4];
    int total = 0;
    for (int s = 0; s < xs.size(); s++) {
      double[] x = xs.get(s);
      double[] y = ys.get(s);
      int steps = lines ? 8 : 1;
      for (int i = 0; i < x.length; i++) {
        for (int k = 0; k < steps; k++) {
          if (k > 0 && i + 1 >= x.length) {
            break;
          }
          double t = (double) k / steps;
          double px = k == 0 ? x[i] : x[i] + t * (x[i + 1] - x[i]);
          double py = k == 0 ? y[i] : y[i] + t * (y[i + 1] - y[i]);
          double u = (px - x0) / (x1 - x0);
          double v = ((logY ? Math.log10(py) : py) - y0) / (y1 - y0);
          if (!Double.isFinite(u) || !Double.isFinite(v)) {
            continue;
          }
          total++;
          boolean right = u >= 1 - boxW;
          boolean left = u <= boxW;
          boolean top = v >= 1 - boxH;
          boolean bottom = v <= boxH;
          counts[0] += right && top ? 1 : 0;
          counts[1] += left && top ? 1 : 0;
          counts[2] += right && bottom ? 1 : 0;
          counts[3] += left && bottom ? 1 : 0;
        }
      }
    }
    int best = 0;
    for (int c = 1; c < 4; c++) {
      if (counts[c] < counts[best]) {
        best = c;
      }
    }
    // A legend hiding more than a few percent of the data does more harm outside the plot.
    return counts[best] > Math.max(2, total * 0.03) ? OUTSIDE_RIGHT : CORNERS[best];
  }
}
