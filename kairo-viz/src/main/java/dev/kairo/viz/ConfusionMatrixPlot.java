package dev.kairo.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix as a heat map: rows are the true classes, columns the predicted ones, each
 * cell shows its count and is shaded by its share of the row (so a rare class's errors are as
 * visible as a common one's), with the class names on both axes and a colour bar.
 *
 * <pre>{@code
 * long[][] counts = ...;                        // counts[true][predicted]
 * ConfusionMatrixPlot.of(counts, List.of("T-shirt/top", "Trouser", ...))
 *     .title("Fashion-MNIST test, accuracy 0.884")
 *     .save(Path.of("out/confusion-matrix.png"));   // or .svg, or a cell of a Figure
 * }</pre>
 *
 * <p>A row with no samples stays white. The counts are copied; the plot does not change when
 * the caller's array does.
 */
public final class ConfusionMatrixPlot implements Panel {
  /** The darkest shade, for a cell holding its whole row (matplotlib's "Blues" at its end). */
  static final Color FULL = new Color(0x08, 0x30, 0x6B);

  private static final int PAD = 12;
  private static final int TITLE_BAND = 36;
  private static final int AXIS_BAND = 24;
  private static final int BAR_BAND = 90;

  private final long[][] counts;
  private final List<String> names;
  private String title;

  private ConfusionMatrixPlot(long[][] counts, List<String> names) {
    this.counts = counts;
    this.names = names;
  }

  /**
   * A plot of {@code counts[true][predicted]}, a square table of non-negative counts with one
   * name per class.
   */
  public static ConfusionMatrixPlot of(long[][] counts, List<String> classNames) {
    Objects.requireNonNull(counts, "ConfusionMatrixPlot.of: counts");
    Objects.requireNonNull(classNames, "ConfusionMatrixPlot.of: classNames");
    int n = counts.length;
    if (n == 0) {
      throw new IllegalArgumentException("ConfusionMatrixPlot.of: no classes (counts is empty)");
    }
    if (classNames.size() != n) {
      throw new IllegalArgumentException("ConfusionMatrixPlot.of: " + classNames.size()
          + " class names for a " + n + " x " + n + " matrix");
    }
    long[][] copy = new long[n][];
    for (int i = 0; i < n; i++) {
      if (counts[i] == null || counts[i].length != n) {
        throw new IllegalArgumentException("ConfusionMatrixPlot.of: row " + i + " has "
            + (counts[i] == null ? 0 : counts[i].length) + " counts; the matrix must be " + n
            + " x " + n);
      }
      for (int j = 0; j < n; j++) {
        if (counts[i][j] < 0) {
          throw new IllegalArgumentException("ConfusionMatrixPlot.of: count (" + i + ", " + j
              + ") is " + counts[i][j] + "; counts must be >= 0");
        }
      }
      copy[i] = counts[i].clone();
    }
    return new ConfusionMatrixPlot(copy, List.copyOf(classNames));
  }

  /** A plot of {@code counts[true][predicted]} given as ints. */
  public static ConfusionMatrixPlot of(int[][] counts, List<String> classNames) {
    Objects.requireNonNull(counts, "ConfusionMatrixPlot.of: counts");
    long[][] c = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      c[i] = counts[i] == null ? null : Arrays.stream(counts[i]).asLongStream().toArray();
    }
    return of(c, classNames);
  }

  /** Sets the title drawn above the matrix. */
  public ConfusionMatrixPlot title(String title) {
    this.title = title;
    return this;
  }

  /** The number of classes. */
  public int classes() {
    return counts.length;
  }

  /** The share of row {@code truth} in cell ({@code truth}, {@code predicted}); 0 if the row is empty. */
  public double rowShare(int truth, int predicted) {
    long row = 0;
    for (long v : counts[truth]) {
      row += v;
    }
    return row == 0 ? 0 : (double) counts[truth][predicted] / row;
  }

  /**
   * The colour of a cell holding {@code share} (0 to 1) of its row. The square root lifts small
   * shares: a class confused 5% of the time should catch the eye, not vanish into white.
   */
  static Color shade(double share) {
    return Style.mix(FULL, Style.BACKGROUND, Math.sqrt(Math.max(0, Math.min(1, share))));
  }

  @Override
  public Dimension preferredSize() {
    int n = counts.length;
    int cell = Math.max(n <= 12 ? 52 : 34, textWidth(Style.smallFont(), widestCount()) + 12);
    Layout l = layout(Integer.MAX_VALUE / 4, cell);
    return new Dimension(l.left + n * cell + BAR_BAND + PAD, l.top + n * cell + l.bottom);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    g.setColor(Style.BACKGROUND);
    g.fillRect(0, 0, width, height);
    Style.smooth(g);
    int n = counts.length;
    Layout l = layoutFor(width, height);
    if (hasTitle()) {
      g.setColor(Style.TEXT);
      Style.drawCentered(g, title, Style.panelTitleFont(), width / 2.0, 24, width - 2 * PAD);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Rectangle r = cellBounds(i, j, width, height);
        Color c = shade(rowShare(i, j));
        g.setColor(c);
        g.fillRect(r.x, r.y, r.width, r.height);
        // White on the dark cells, dark text on the light ones.
        double luma = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
        g.setColor(luma < 150 ? Color.WHITE : Style.TEXT);
        drawMiddle(g, Long.toString(counts[i][j]), Style.smallFont(), r, r.width - 4);
      }
    }
    g.setColor(Style.GRID);
    g.setStroke(new BasicStroke(1f));
    for (int k = 0; k <= n; k++) {
      g.drawLine(l.x0, l.y0 + k * l.cell, l.x0 + n * l.cell, l.y0 + k * l.cell);
      g.drawLine(l.x0 + k * l.cell, l.y0, l.x0 + k * l.cell, l.y0 + n * l.cell);
    }
    paintNames(g, l);
    paintColourBar(g, l);
  }

  private void paintNames(Graphics2D g, Layout l) {
    int n = counts.length;
    Font f = Style.smallFont();
    g.setFont(f);
    FontMetrics fm = g.getFontMetrics(f);
    g.setColor(Style.TEXT);
    for (int i = 0; i < n; i++) {
      String s = names.get(i);
      int baseline = l.y0 + i * l.cell + (l.cell + fm.getAscent() - fm.getDescent()) / 2;
      g.drawString(s, l.x0 - 6 - fm.stringWidth(s), baseline);
    }
    int labelTop = l.y0 + n * l.cell + 4;
    for (int j = 0; j < n; j++) {
      String s = names.get(j);
      double cx = l.x0 + (j + 0.5) * l.cell;
      if (l.rotated) {
        // Read bottom to top, ending just under the column, as matplotlib's rotation=90.
        AffineTransform saved = g.getTransform();
        g.translate(cx + (fm.getAscent() - fm.getDescent()) / 2.0, labelTop + fm.stringWidth(s));
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0, 0);
        g.setTransform(saved);
      } else {
        Style.drawCentered(g, s, f, cx, labelTop + fm.getAscent(), l.cell);
      }
    }
    Font axis = Style.axisTitleFont();
    int gridMid = l.y0 + n * l.cell / 2;
    Style.drawCentered(g, "predicted class", axis, l.x0 + n * l.cell / 2.0,
        l.y0 + n * l.cell + l.bottom - 8, n * l.cell + 2 * PAD);
    AffineTransform saved = g.getTransform();
    g.translate(PAD + g.getFontMetrics(axis).getAscent(), gridMid);
    g.rotate(-Math.PI / 2);
    Style.drawCentered(g, "true class", axis, 0, 0, n * l.cell + 2 * PAD);
    g.setTransform(saved);
  }

  private void paintColourBar(Graphics2D g, Layout l) {
    int n = counts.length;
    int x = l.x0 + n * l.cell + 16;
    int h = n * l.cell;
    int steps = Math.max(2, h);
    for (int k = 0; k < steps; k++) {
      g.setColor(shade(1 - (double) k / (steps - 1)));
      g.fillRect(x, l.y0 + k * h / steps, 14, Math.max(1, h / steps + 1));
    }
    g.setColor(Style.BORDER);
    g.drawRect(x, l.y0, 14, h);
    g.setColor(Style.TEXT);
    Font f = Style.smallFont();
    g.setFont(f);
    FontMetrics fm = g.getFontMetrics(f);
    g.drawString("100%", x + 18, l.y0 + fm.getAscent());
    g.drawString("50%", x + 18, l.y0 + (h + fm.getAscent()) / 2);
    g.drawString("0%", x + 18, l.y0 + h);
    AffineTransform saved = g.getTransform();
    g.translate(x + 18 + fm.stringWidth("100%") + 4 + fm.getAscent(), l.y0 + h / 2.0);
    g.rotate(-Math.PI / 2);
    Style.drawCentered(g, "share of row", f, 0, 0, h);
    g.setTransform(saved);
  }

  /** Where cell ({@code truth}, {@code predicted}) is drawn when painted at width × height. */
  Rectangle cellBounds(int truth, int predicted, int width, int height) {
    Layout l = layoutFor(width, height);
    return new Rectangle(l.x0 + predicted * l.cell + 1, l.y0 + truth * l.cell + 1, l.cell - 1,
        l.cell - 1);
  }

  /** Margins for cells of size {@code cell}, the column names turned when they do not fit. */
  private Layout layout(int maxCell, int cell) {
    Font f = Style.smallFont();
    int widest = 0;
    for (String s : names) {
      widest = Math.max(widest, textWidth(f, s));
    }
    int lineHeight = (int) Math.ceil(f.getSize2D() * 1.4);
    int c = Math.min(maxCell, cell);
    boolean rotated = widest > c - 4;
    int top = (hasTitle() ? TITLE_BAND : 0) + PAD;
    int left = PAD + AXIS_BAND + widest + 8;
    int bottom = 4 + (rotated ? widest : lineHeight) + 6 + AXIS_BAND;
    return new Layout(c, left, top, bottom, rotated, left, top);
  }

  /** The largest square cells that fit, the grid centred in the space left by the margins. */
  private Layout layoutFor(int width, int height) {
    int n = counts.length;
    Layout l = layout(Integer.MAX_VALUE / 4, 1);
    int cell = cellFor(width, height, l);
    l = layout(cell, cell);
    cell = Math.max(1, Math.min(cell, cellFor(width, height, l)));
    l = layout(cell, cell);
    int x0 = l.left + Math.max(0, (width - l.left - BAR_BAND - PAD - n * cell) / 2);
    int y0 = l.top + Math.max(0, (height - l.top - l.bottom - n * cell) / 2);
    return new Layout(cell, l.left, l.top, l.bottom, l.rotated, x0, y0);
  }

  private int cellFor(int width, int height, Layout l) {
    int n = counts.length;
    return Math.max(1, Math.min((width - l.left - BAR_BAND - PAD) / n,
        (height - l.top - l.bottom) / n));
  }

  private static void drawMiddle(Graphics2D g, String s, Font f, Rectangle r, double maxWidth) {
    FontMetrics fm = g.getFontMetrics(f);
    double baseline = r.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0;
    Style.drawCentered(g, s, f, r.getCenterX(), baseline, maxWidth);
  }

  private String widestCount() {
    long max = 0;
    for (long[] row : counts) {
      for (long v : row) {
        max = Math.max(max, v);
      }
    }
    return Long.toString(max);
  }

  private static int textWidth(Font f, String s) {
    FontRenderContext frc = new FontRenderContext(null, true, true);
    return (int) Math.ceil(f.getStringBounds(s, frc).getWidth());
  }

  private boolean hasTitle() {
    return title != null && !title.isBlank();
  }

  /** Cell size, margins, whether column names are turned, and the grid's top-left corner. */
  private record Layout(int cell, int left, int top, int bottom, boolean rotated, int x0, int y0) {}
}
