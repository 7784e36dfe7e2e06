package dev.kairo.viz;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A grid of small greyscale images (samples, reconstructions, GAN output, SOM codebooks, conv
 * filters) with an optional caption under each, e.g. {@code "true 3 / pred 5"}. Values are mapped
 * to grey levels (0 black, 1 white) per image, over all images, or as given; pixels are enlarged
 * as crisp squares, in PNG and in SVG (where each image is embedded as a PNG at display size).
 *
 * <pre>{@code
 * ImageGrid.of(batch)                          // Tensor [N, 28, 28] or [N, 1, 28, 28]
 *     .columns(8)
 *     .captions(captions)                      // "true 3 / pred 5", ...
 *     .highlight(wrongIndices)                 // red caption and frame
 *     .title("Misclassified test images")
 *     .save(Path.of("out/errors.png"));
 * }</pre>
 */
public final class ImageGrid implements Panel {

  /** How pixel values become grey levels. */
  public enum Scaling {
    /** Each image's own minimum is black and its maximum white (the default). */
    PER_IMAGE,
    /** The minimum over all images is black and the maximum white; images stay comparable. */
    GLOBAL,
    /** Values are taken as already in [0, 1]; values outside are clipped. */
    NONE
  }

  private static final int PAD = 8;
  private static final int GAP = 6;
  private static final int TITLE_BAND = 36;
  private static final int CAPTION_BAND = 18;

  private final float[] data;
  private final int count;
  private final int rowsPx;
  private final int colsPx;
  private int columns;
  private List<String> captions;
  private Scaling scaling = Scaling.PER_IMAGE;
  private int cellSize;
  private String title;
  private final BitSet highlighted = new BitSet();

  private ImageGrid(float[] data, int count, int rowsPx, int colsPx) {
    this.data = data;
    this.count = count;
    this.rowsPx = rowsPx;
    this.colsPx = colsPx;
    this.columns = Math.min(count, (int) Math.ceil(Math.sqrt(count)));
  }

  /**
   * A grid of the images in {@code images}: shape [N, H, W], [N, 1, H, W], or [H, W] for one.
   * The values are copied; NaN or infinite values are an error naming the image and pixel.
   */
  public static ImageGrid of(Tensor images) {
    Objects.requireNonNull(images, "ImageGrid.of: images");
    int[] s = images.shape();
    int n;
    if (s.length == 2) {
      n = 1;
    } else if (s.length == 3) {
      n = s[0];
    } else if (s.length == 4 && s[1] == 1) {
      n = s[0];
    } else {
      throw new IllegalArgumentException(
          "ImageGrid.of: images must have shape [N, H, W], [N, 1, H, W] or [H, W], got "
              + Shape.str(s));
    }
    int h = s[s.length - 2];
    int w = s[s.length - 1];
    if (n == 0 || h == 0 || w == 0) {
      throw new IllegalArgumentException("ImageGrid.of: no pixels in images of shape "
          + Shape.str(s));
    }
    float[] d = images.toArray();
    for (int i = 0; i < d.length; i++) {
      if (!Float.isFinite(d[i])) {
        int img = i / (h * w);
        int p = i % (h * w);
        throw new IllegalArgumentException(
            "ImageGrid.of: image " + img + " has " + d[i] + " at pixel (row " + p / w
                + ", col " + p % w + "); values must be finite");
      }
    }
    return new ImageGrid(d, n, h, w);
  }

  /** Number of images. */
  public int size() {
    return count;
  }

  /** Sets the number of columns (default: about the square root of the number of images). */
  public ImageGrid columns(int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("ImageGrid.columns: " + columns + " is less than 1");
    }
    this.columns = Math.min(columns, count);
    return this;
  }

  /** Sets one caption per image, drawn under it (null entries draw nothing). */
  public ImageGrid captions(List<String> captions) {
    if (captions != null && captions.size() != count) {
      throw new IllegalArgumentException(
          "ImageGrid.captions: " + captions.size() + " captions for " + count + " images");
    }
    this.captions = captions == null ? null : Arrays.asList(captions.toArray(new String[0]));
    return this;
  }

  /** Sets one caption per image, drawn under it. */
  public ImageGrid captions(String... captions) {
    return captions(captions == null ? null : Arrays.asList(captions));
  }

  /** Sets how values map to grey levels ({@link Scaling#PER_IMAGE} by default). */
  public ImageGrid scaling(Scaling scaling) {
    this.scaling = Objects.requireNonNull(scaling, "ImageGrid.scaling");
    return this;
  }

  /** Sets the preferred display size of each image's longer side, in pixels. */
  public ImageGrid cellSize(int pixels) {
    if (pixels < 4 || pixels > 2000) {
      throw new IllegalArgumentException("ImageGrid.cellSize: " + pixels + " is outside 4..2000");
    }
    this.cellSize = pixels;
    return this;
  }

  /** Sets the title drawn above the grid. */
  public ImageGrid title(String title) {
    this.title = title;
    return this;
  }

  /** Draws a red frame around the given images and their captions in red (misclassified, say). */
  public ImageGrid highlight(int... indices) {
    for (int i : indices) {
      if (i < 0 || i >= count) {
        throw new IndexOutOfBoundsException(
            "ImageGrid.highlight: index " + i + " is outside 0.." + (count - 1));
      }
      highlighted.set(i);
    }
    return this;
  }

  /** Image {@code index} as grey levels at its own resolution (W × H), scaled as configured. */
  public BufferedImage image(int index) {
    return tile(index, colsPx, rowsPx);
  }

  @Override
  public Dimension preferredSize() {
    int cell = cellSize > 0 ? cellSize : Math.max(Math.max(rowsPx, colsPx), 84);
    double s = (double) cell / Math.max(rowsPx, colsPx);
    if (s >= 1) {
      s = Math.floor(s); // whole-number enlargement, as paint will use
    }
    // Captions should fit at full size: widen the cells for the longest one.
    double need = widestCaption() + 4;
    if (colsPx * s < need) {
      s = Math.max(1, Math.ceil(need / colsPx));
    }
    int tw = (int) Math.ceil(colsPx * s);
    int th = (int) Math.ceil(rowsPx * s);
    int rows = (count + columns - 1) / columns;
    int w = 2 * PAD + columns * tw + (columns - 1) * GAP;
    int h = top() + 2 * PAD + rows * (th + captionBand()) + (rows - 1) * GAP;
    // Room for the title and captions even when there are few small images.
    return new Dimension(Math.max(w, hasTitle() ? 240 : 0), h);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    g.setColor(Style.BACKGROUND);
    g.fillRect(0, 0, width, height);
    Style.smooth(g);
    if (hasTitle()) {
      g.setColor(Style.TEXT);
      Style.drawCentered(g, title, Style.panelTitleFont(), width / 2.0, 24, width - 2 * PAD);
    }
    for (int i = 0; i < count; i++) {
      Rectangle r = tileBounds(i, width, height);
      if (r.width < 1 || r.height < 1) {
        continue;
      }
      g.drawImage(tile(i, r.width, r.height), r.x, r.y, null);
      boolean alert = highlighted.get(i);
      g.setColor(alert ? Style.ALERT : Style.GRID);
      g.setStroke(new BasicStroke(alert ? 2f : 1f));
      g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
      String caption = captions == null ? null : captions.get(i);
      if (caption != null && !caption.isBlank()) {
        g.setColor(alert ? Style.ALERT : Style.TEXT);
        Style.drawCentered(g, caption, Style.smallFont(), r.getCenterX(),
            r.y + r.height + CAPTION_BAND - 4, r.width + GAP);
      }
    }
  }

  /** Where image {@code index} is drawn when the grid is painted at width × height. */
  Rectangle tileBounds(int index, int width, int height) {
    int rows = (count + columns - 1) / columns;
    double availW = (width - 2.0 * PAD - (columns - 1) * GAP) / columns;
    double availH = (height - top() - 2.0 * PAD - (rows - 1) * GAP) / rows - captionBand();
    double s = Math.min(availW / colsPx, availH / rowsPx);
    // Whole-number enlargement keeps every source pixel the same size on screen.
    if (s >= 1) {
      s = Math.floor(s);
    }
    int tw = Math.max(0, (int) Math.floor(colsPx * s));
    int th = Math.max(0, (int) Math.floor(rowsPx * s));
    int gridW = columns * tw + (columns - 1) * GAP;
    int gridH = rows * (th + captionBand()) + (rows - 1) * GAP;
    int x0 = (width - gridW) / 2;
    int y0 = top() + Math.max(PAD, (height - top() - gridH) / 2);
    int r = index / columns;
    int c = index % columns;
    return new Rectangle(
        x0 + c * (tw + GAP), y0 + r * (th + captionBand() + GAP), tw, th);
  }

  private BufferedImage tile(int index, int tw, int th) {
    int n = rowsPx * colsPx;
    int off = index * n;
    float lo;
    float hi;
    if (scaling == Scaling.NONE) {
      lo = 0;
      hi = 1;
    } else {
      int from = scaling == Scaling.GLOBAL ? 0 : off;
      int to = scaling == Scaling.GLOBAL ? data.length : off + n;
      lo = Float.POSITIVE_INFINITY;
      hi = Float.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        lo = Math.min(lo, data[i]);
        hi = Math.max(hi, data[i]);
      }
    }
    // RGB with equal channels, not TYPE_BYTE_GRAY: Java treats that as linear grey and would
    // brighten mid-tones when drawing it onto an sRGB picture.
    BufferedImage img = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < th; y++) {
      int sy = (int) ((long) y * rowsPx / th);
      for (int x = 0; x < tw; x++) {
        int sx = (int) ((long) x * colsPx / tw);
        float v = data[off + sy * colsPx + sx];
        // A constant image has no range to stretch: show its value as it is, clipped.
        double t = hi > lo ? (v - lo) / (hi - lo) : v;
        int grey = (int) Math.round(255 * Math.max(0, Math.min(1, t)));
        px[y * tw + x] = grey << 16 | grey << 8 | grey;
      }
    }
    return img;
  }

  private double widestCaption() {
    if (captions == null) {
      return 0;
    }
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double w = 0;
    for (String c : captions) {
      if (c != null) {
        w = Math.max(w, Style.smallFont().getStringBounds(c, frc).getWidth());
      }
    }
    return w;
  }

  private int top() {
    return hasTitle() ? TITLE_BAND : 0;
  }

  private int captionBand() {
    return captions == null ? 0 : CAPTION_BAND;
  }

  private boolean hasTitle() {
    return title != null && !title.isBlank();
  }
}
