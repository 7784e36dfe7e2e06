package dev.kairo.viz;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Something that can draw itself into a rectangle: a plot, an image grid, or a whole
 * {@link Figure}. Panels are the cells of a figure, so any of them can be placed in a grid or
 * saved alone.
 *
 * <p>A panel keeps its data, not pixels: {@link #paint} may be called many times (once for PNG,
 * once for SVG) at any size and must draw the same picture each time.
 *
 * <pre>{@code
 * Panel loss = new LinePlot("loss").series("train", trainLoss);
 * loss.save(Path.of("out/loss.png"));                 // alone, at its preferred size
 * new Figure(1, 2).add(loss).add(accuracy).save(Path.of("out/both.svg"));
 * }</pre>
 */
public interface Panel {

  /**
   * Draws this panel into the rectangle (0, 0, width, height) of {@code g}. Implementations may
   * change the state of {@code g} (colour, stroke, clip); callers pass a copy they own.
   */
  void paint(Graphics2D g, int width, int height);

  /** The size, in pixels, this panel looks best at when saved alone or laid out in a grid. */
  default Dimension preferredSize() {
    return new Dimension(640, 480);
  }

  /**
   * Writes this panel alone, at its preferred size, as PNG or SVG chosen by the file extension.
   * See {@link Figure#save(Path)} for the rules (atomic write, parent folders created).
   */
  default void save(Path path) throws IOException {
    Figure.of(this).save(path);
  }
}
