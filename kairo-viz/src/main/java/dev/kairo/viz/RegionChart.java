package dev.kairo.viz;

import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;

/**
 * An XChart XY chart that paints an underlay (the shaded decision regions) after the axes are
 * laid out but before the plot: under the grid, the border and the data points.
 *
 * <p>XChart paints annotations last, on top of the data, and offers no hook below it; so this
 * class repeats the order of {@link XYChart#paint} with the underlay slotted in. It leaves out
 * two things that chart does and Kairo does not need: assigning default series styles (every
 * series here is styled explicitly by {@link Charts}) and always-visible tooltips (an on-screen
 * feature).
 */
final class RegionChart extends XYChart {

  /** Paints in chart screen coordinates, with the axes already laid out. */
  interface Underlay {
    void paint(Graphics2D g, XYChart chart);
  }

  private final Underlay underlay;

  RegionChart(int width, int height, Underlay underlay) {
    super(width, height);
    this.underlay = underlay;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    setWidth(width);
    setHeight(height);
    paintBackground(g);
    axisPair.paint(g); // lays out the axes: screen coordinates are known from here on
    Graphics2D ug = (Graphics2D) g.create();
    try {
      underlay.paint(ug, this);
    } finally {
      ug.dispose();
    }
    plot.paint(g);
    chartTitle.paint(g);
    legend.paint(g);
    annotations.forEach(a -> a.paint(g));
  }
}
