package dev.kairo.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * The one look every Kairo picture shares: white background, dark readable text, a ten-colour
 * class palette (the "tab10" colours matplotlib users know) and a light variant of each colour
 * for shading decision regions under points of the full colour.
 *
 * <pre>{@code
 * Color c = Style.classColor(2);     // green, the colour of class 2 everywhere
 * Color bg = Style.regionColor(2);   // pale green, the region predicted as class 2
 * }</pre>
 */
public final class Style {

  /** Background of every figure and plot. */
  public static final Color BACKGROUND = Color.WHITE;
  /** Colour of titles, labels and captions. */
  public static final Color TEXT = new Color(0x22, 0x22, 0x22);
  /** Colour of grid lines: visible, but quieter than any data. */
  public static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  /** Colour of plot borders and tick marks. */
  public static final Color BORDER = new Color(0x88, 0x88, 0x88);
  /** Colour that marks something wrong (a misclassified image, say). */
  public static final Color ALERT = new Color(0xD6, 0x27, 0x28);
  /** Font family of all text; a logical family so it exists on every JVM, headless included. */
  public static final String FONT_FAMILY = Font.SANS_SERIF;

  // tab10: distinguishable for most forms of colour blindness and familiar from matplotlib.
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };
  // How much of the class colour a region keeps: light enough that points of the same class
  // stay visible on top of it, strong enough that neighbouring regions differ at a glance.
  private static final double REGION_STRENGTH = 0.32;

  private Style() {}

  /** Number of colours in the palette before {@link #classColor} starts generating hues. */
  public static int paletteSize() {
    return PALETTE.length;
  }

  /**
   * The colour of class (or series) {@code k}. The first ten are the palette; beyond that hues are
   * spread by the golden angle so that any number of classes gets distinct colours.
   */
  public static Color classColor(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("Style.classColor: class index " + k + " is negative");
    }
    if (k < PALETTE.length) {
      return PALETTE[k];
    }
    float hue = (float) (((k - PALETTE.length) * 0.618033988749895 + 0.05) % 1.0);
    return Color.getHSBColor(hue, 0.65f, 0.80f);
  }

  /** The light variant of {@link #classColor}, used to shade the region predicted as class k. */
  public static Color regionColor(int k) {
    return mix(classColor(k), BACKGROUND, REGION_STRENGTH);
  }

  /** Font for figure titles. */
  public static Font titleFont() {
    return new Font(FONT_FAMILY, Font.BOLD, 20);
  }

  /** Font for plot (panel) titles. */
  public static Font panelTitleFont() {
    return new Font(FONT_FAMILY, Font.BOLD, 15);
  }

  /** Font for axis titles. */
  public static Font axisTitleFont() {
    return new Font(FONT_FAMILY, Font.PLAIN, 13);
  }

  /** Font for tick labels, legends and captions. */
  public static Font smallFont() {
    return new Font(FONT_FAMILY, Font.PLAIN, 12);
  }

  /** {@code a * t + b * (1 - t)}, channel by channel. */
  static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() * t + b.getRed() * (1 - t)),
        (int) Math.round(a.getGreen() * t + b.getGreen() * (1 - t)),
        (int) Math.round(a.getBlue() * t + b.getBlue() * (1 - t)));
  }

  /** Applies the house look to an XChart XY chart (everything but series, which callers style). */
  static void apply(XYChart chart) {
    XYStyler s = chart.getStyler();
    s.setChartBackgroundColor(BACKGROUND);
    s.setPlotBackgroundColor(BACKGROUND);
    s.setChartFontColor(TEXT);
    s.setChartTitleFont(panelTitleFont());
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(8);
    s.setChartPadding(12);
    s.setAxisTitleFont(axisTitleFont());
    s.setAxisTickLabelsFont(smallFont());
    s.setAxisTickLabelsColor(TEXT);
    s.setAxisTickMarksColor(BORDER);
    s.setAxisTitlePadding(6);
    // The default spacing crowds the x axis with labels (1, 3, 5, ... 49) in a 640 px plot.
    s.setXAxisTickMarkSpacingHint(90);
    s.setYAxisTickMarkSpacingHint(50);
    s.setAxisTicksLineVisible(false);
    s.setPlotBorderColor(BORDER);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setLegendFont(smallFont());
    s.setLegendBorderColor(GRID);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
    s.setLegendPosition(LegendPosition.InsideNE);
    s.setLegendPadding(6);
    s.setMarkerSize(6);
    s.setAntiAlias(true);
    // Tick labels like "0.5", never "0,5", whatever the machine's locale.
    s.setLocale(Locale.ROOT);
  }

  /** Turns on anti-aliasing for shapes and text drawn directly (not through XChart). */
  static void smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  /**
   * Draws {@code text} centred on {@code cx} with its baseline at {@code baseline}, shrinking the
   * font (down to 7 pt) so it fits in {@code maxWidth}. Uses drawString so that SVG output keeps
   * the words as text, searchable and selectable.
   */
  static void drawCentered(
      Graphics2D g, String text, Font font, double cx, double baseline, double maxWidth) {
    Font f = font;
    FontMetrics fm = g.getFontMetrics(f);
    while (fm.stringWidth(text) > maxWidth && f.getSize2D() > 7f) {
      f = f.deriveFont(f.getSize2D() - 1f);
      fm = g.getFontMetrics(f);
    }
    g.setFont(f);
    g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
  }
}
