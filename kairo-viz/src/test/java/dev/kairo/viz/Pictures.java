package dev.kairo.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test helpers: decode what the library writes, the way a viewer or browser would. */
final class Pictures {

  private Pictures() {}

  /** Parses SVG as plain XML, without fetching the W3C DTD it names (tests run offline). */
  static Document parseSvg(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setValidating(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static Document parseSvg(Path file) throws Exception {
    return parseSvg(Files.readString(file));
  }

  static List<Element> elements(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** Elements named {@code tag} whose style fills them with {@code c}. */
  static long filled(Document doc, String tag, Color c) {
    String fill = "fill:" + rgb(c) + ";";
    return elements(doc, tag).stream().filter(e -> e.getAttribute("style").startsWith(fill))
        .count();
  }

  /** Elements named {@code tag} stroked in {@code c}. */
  static long stroked(Document doc, String tag, Color c) {
    String stroke = "stroke:" + rgb(c) + ";";
    return elements(doc, tag).stream().filter(e -> e.getAttribute("style").contains(stroke))
        .count();
  }

  static List<String> texts(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element e : elements(doc, "text")) {
      out.add(e.getTextContent());
    }
    return out;
  }

  static String rgb(Color c) {
    return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
  }

  static BufferedImage png(Figure fig) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fig.writePng(out);
    return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
  }

  static Color pixel(BufferedImage img, int x, int y) {
    return new Color(img.getRGB(x, y));
  }

  /** Number of pixels of exactly colour {@code c}. */
  static int count(BufferedImage img, Color c) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += img.getRGB(x, y) == c.getRGB() ? 1 : 0;
      }
    }
    return n;
  }
}
