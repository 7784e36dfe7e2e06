package dev.kairo.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Encoding of a painted picture as PNG or SVG, and the atomic write of either to a file. */
final class PictureFiles {

  /** The picture formats Kairo writes, chosen by file extension. */
  enum Format {
    PNG,
    SVG
  }

  /** Something that writes bytes and may fail with an IOException. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private PictureFiles() {}

  /** The format for {@code path}'s extension, or an error naming the path. */
  static Format formatOf(Path path) {
    Path name = path.getFileName();
    String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (s.endsWith(".png")) {
      return Format.PNG;
    }
    if (s.endsWith(".svg")) {
      return Format.SVG;
    }
    throw new IllegalArgumentException(
        "cannot save a picture to '" + path + "': the file name must end in .png or .svg");
  }

  static BufferedImage toImage(Panel painter, int width, int height) {
    // RGB, not ARGB: pictures are opaque on white, and the files come out smaller.
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Style.BACKGROUND);
      g.fillRect(0, 0, width, height);
      painter.paint(g, width, height);
    } finally {
      g.dispose();
    }
    return img;
  }

  static void writePng(Panel painter, int width, int height, OutputStream out)
      throws IOException {
    if (!ImageIO.write(toImage(painter, width, height), "png", out)) {
      throw new IOException("no PNG writer is registered with javax.imageio");
    }
  }

  static void writeSvg(Panel painter, int width, int height, OutputStream out)
      throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    g.setColor(Style.BACKGROUND);
    g.fillRect(0, 0, width, height);
    painter.paint(g, width, height);
    new SVGProcessor()
        .getDocument(g.getCommands(), new PageSize(0, 0, width, height))
        .writeTo(out);
  }

  /** Paints and writes the picture in the format the extension of {@code path} names. */
  static void save(Path path, Panel painter, int width, int height) throws IOException {
    Format format = formatOf(path);
    writeAtomically(
        path,
        out -> {
          if (format == Format.PNG) {
            writePng(painter, width, height, out);
          } else {
            writeSvg(painter, width, height, out);
          }
        });
  }

  /**
   * Writes to a temporary file beside {@code target}, forces it to disk, then renames it over
   * {@code target}: a reader (or a crash) sees the old file or the whole new one, never half.
   */
  static void writeAtomically(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    // Same folder as the target, so the rename never crosses file systems. Not createTempFile:
    // its owner-only permissions would end up on the picture.
    Path tmp = abs.resolveSibling(
        "." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
        writer.write(out);
        out.flush();
        ch.force(true);
      } catch (IOException e) {
        throw new IOException("could not write picture '" + target + "': " + e.getMessage(), e);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
