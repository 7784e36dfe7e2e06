package dev.kairo.viz;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A picture made of panels in a grid of rows × columns, with an optional overall title, written
 * as PNG or SVG. Cells are filled in reading order by {@link #add} or placed by {@link #set}; an
 * empty cell stays white. A figure is itself a {@link Panel}, so figures nest.
 *
 * <pre>{@code
 * Figure fig = new Figure(1, 2).title("Training").size(1200, 450);
 * fig.add(new LinePlot("loss").series("train", loss))
 *    .add(new LinePlot("accuracy").series("train", acc));
 * fig.save(Path.of("out/training.png"));   // or .svg
 * }</pre>
 */
public final class Figure implements Panel {

  private static final int TITLE_BAND = 44;

  private final int rows;
  private final int cols;
  private final Panel[] cells;
  private String title;
  private int width;
  private int height;

  /** An empty figure of {@code rows} × {@code cols} cells. */
  public Figure(int rows, int cols) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "Figure: rows and cols must be at least 1, got " + rows + " x " + cols);
    }
    if ((long) rows * cols > 10_000) {
      throw new IllegalArgumentException(
          "Figure: " + rows + " x " + cols + " cells is more than the 10000 allowed");
    }
    this.rows = rows;
    this.cols = cols;
    this.cells = new Panel[rows * cols];
  }

  /** A figure holding one panel, sized to that panel's preferred size. */
  public static Figure of(Panel panel) {
    return new Figure(1, 1).add(panel);
  }

  /** A figure with {@code cols} columns and as many rows as {@code panels} need. */
  public static Figure grid(int cols, List<? extends Panel> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("Figure.grid: no panels to lay out");
    }
    int c = Math.min(cols, panels.size());
    Figure f = new Figure((panels.size() + c - 1) / c, c);
    panels.forEach(f::add);
    return f;
  }

  /** Sets the overall title drawn above the grid; null or blank for none. */
  public Figure title(String title) {
    this.title = title;
    return this;
  }

  /** Sets the size in pixels; without it the size comes from the panels' preferred sizes. */
  public Figure size(int width, int height) {
    if (width < 16 || height < 16 || (long) width * height > 100_000_000L) {
      throw new IllegalArgumentException(
          "Figure.size: " + width + " x " + height
              + " pixels is out of range (each side at least 16, at most 100 megapixels)");
    }
    this.width = width;
    this.height = height;
    return this;
  }

  /** Puts {@code panel} in the first empty cell, in reading order. */
  public Figure add(Panel panel) {
    Objects.requireNonNull(panel, "Figure.add: panel");
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == null) {
        cells[i] = panel;
        return this;
      }
    }
    throw new IllegalStateException(
        "Figure.add: all " + rows + " x " + cols + " cells are already full");
  }

  /** Puts {@code panel} at ({@code row}, {@code col}), counted from 0, replacing what was there. */
  public Figure set(int row, int col, Panel panel) {
    if (row < 0 || row >= rows || col < 0 || col >= cols) {
      throw new IndexOutOfBoundsException(
          "Figure.set: cell (" + row + ", " + col + ") is outside the " + rows + " x " + cols
              + " grid");
    }
    cells[row * cols + col] = panel;
    return this;
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of columns. */
  public int cols() {
    return cols;
  }

  /** The width in pixels the figure is saved at. */
  public int width() {
    return width > 0 ? width : preferredSize().width;
  }

  /** The height in pixels the figure is saved at. */
  public int height() {
    return height > 0 ? height : preferredSize().height;
  }

  /** The set size, or each cell as large as the largest panel's preferred size. */
  @Override
  public Dimension preferredSize() {
    if (width > 0) {
      return new Dimension(width, height);
    }
    int cw = 0;
    int ch = 0;
    for (Panel p : cells) {
      if (p != null) {
        Dimension d = p.preferredSize();
        cw = Math.max(cw, d.width);
        ch = Math.max(ch, d.height);
      }
    }
    if (cw == 0) {
      cw = 640;
      ch = 480;
    }
    return new Dimension(cw * cols, ch * rows + (hasTitle() ? TITLE_BAND : 0));
  }

  @Override
  public void paint(Graphics2D g, int w, int h) {
    g.setColor(Style.BACKGROUND);
    g.fillRect(0, 0, w, h);
    int top = 0;
    if (hasTitle()) {
      Style.smooth(g);
      g.setColor(Style.TEXT);
      Style.drawCentered(g, title, Style.titleFont(), w / 2.0, 30, w - 20);
      top = TITLE_BAND;
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        Panel p = cells[r * cols + c];
        if (p == null) {
          continue;
        }
        // Integer cell edges: neighbouring cells share an edge exactly, with no gap or overlap.
        int x0 = c * w / cols;
        int x1 = (c + 1) * w / cols;
        int y0 = top + r * (h - top) / rows;
        int y1 = top + (r + 1) * (h - top) / rows;
        Graphics2D cg = (Graphics2D) g.create();
        try {
          cg.translate(x0, y0);
          cg.clipRect(0, 0, x1 - x0, y1 - y0);
          p.paint(cg, x1 - x0, y1 - y0);
        } finally {
          cg.dispose();
        }
      }
    }
  }

  /** Renders the figure into a new image of {@link #width()} × {@link #height()}. */
  public BufferedImage toImage() {
    return PictureFiles.toImage(this, width(), height());
  }

  /** Writes the figure as PNG to {@code out} (left open). */
  public void writePng(OutputStream out) throws IOException {
    PictureFiles.writePng(this, width(), height(), out);
  }

  /** Writes the figure as SVG (UTF-8) to {@code out} (left open). */
  public void writeSvg(OutputStream out) throws IOException {
    PictureFiles.writeSvg(this, width(), height(), out);
  }

  /** The figure as an SVG document. */
  public String toSvg() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeSvg(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array never fails to take bytes
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the figure to {@code path}: PNG for {@code .png}, SVG for {@code .svg} (any case);
   * anything else is an error naming the path. Missing parent folders are created. The picture
   * goes to a temporary file in the same folder which is then renamed into place, so a crash
   * never leaves a half-written picture and an older file survives a failed save.
   */
  @Override
  public void save(Path path) throws IOException {
    PictureFiles.formatOf(path); // fail on a bad extension before any work is done
    PictureFiles.save(path, this, width(), height());
  }

  private boolean hasTitle() {
    return title != null && !title.isBlank();
  }
}
