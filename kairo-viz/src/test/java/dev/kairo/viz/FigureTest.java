package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FigureTest {

  @TempDir Path dir;

  /** A panel that fills its whole rectangle with one colour. */
  private static Panel solid(Color c) {
    return (g, w, h) -> {
      g.setColor(c);
      g.fillRect(0, 0, w, h);
    };
  }

  private static Figure fourColours() {
    return new Figure(2, 2).size(200, 100)
        .add(solid(Color.RED)).add(solid(Color.GREEN))
        .add(solid(Color.BLUE)).add(solid(Color.BLACK));
  }

  @Test
  void pngHasRequestedSizeAndDecodes() throws Exception {
    Path file = dir.resolve("a/b/fig.png"); // parents do not exist yet
    fourColours().save(file);

    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(200);
    assertThat(img.getHeight()).isEqualTo(100);
  }

  @Test
  void cellsArePaintedInReadingOrderAtTheirPlace() throws Exception {
    BufferedImage img = Pictures.png(fourColours());

    assertThat(Pictures.pixel(img, 50, 25)).isEqualTo(Color.RED);
    assertThat(Pictures.pixel(img, 150, 25)).isEqualTo(Color.GREEN);
    assertThat(Pictures.pixel(img, 50, 75)).isEqualTo(Color.BLUE);
    assertThat(Pictures.pixel(img, 150, 75)).isEqualTo(Color.BLACK);
  }

  @Test
  void svgParsesWithSizeCellsAndTitleAsText() throws Exception {
    Path file = dir.resolve("fig.SVG"); // extension in any case
    fourColours().title("Four colours").size(200, 144).save(file);

    Document doc = Pictures.parseSvg(file);
    assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("200px");
    assertThat(doc.getDocumentElement().getAttribute("height")).isEqualTo("144px");
    assertThat(Pictures.texts(doc)).containsExactly("Four colours");
    for (Color c : new Color[] {Color.RED, Color.GREEN, Color.BLUE, Color.BLACK}) {
      assertThat(Pictures.filled(doc, "rect", c)).as(c.toString()).isEqualTo(1);
    }
  }

  @Test
  void unknownExtensionIsAnErrorNamingThePathAndWritesNothing() {
    Path file = dir.resolve("fig.jpg");

    assertThatThrownBy(() -> fourColours().save(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(".png or .svg");
    assertThat(file).doesNotExist();
  }

  @Test
  void failedSaveKeepsThePreviousFileAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("fig.png");
    fourColours().save(file);
    byte[] before = Files.readAllBytes(file);
    Panel broken = (g, w, h) -> {
      g.fillRect(0, 0, w / 2, h);
      throw new IllegalStateException("boom halfway through");
    };

    assertThatThrownBy(() -> Figure.of(broken).save(file)).hasMessageContaining("boom");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void saveReplacesAnExistingFile() throws Exception {
    Path file = dir.resolve("fig.png");
    Figure.of(solid(Color.RED)).size(20, 20).save(file);
    Figure.of(solid(Color.BLUE)).size(30, 30).save(file);

    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(30);
    assertThat(Pictures.pixel(img, 5, 5)).isEqualTo(Color.BLUE);
  }

  @Test
  void sizeComesFromPanelsWhenNotSet() {
    Panel small = new Panel() {
      @Override
      public void paint(Graphics2D g, int w, int h) {}

      @Override
      public Dimension preferredSize() {
        return new Dimension(300, 200);
      }
    };
    Figure f = new Figure(2, 3).add(small).title("t");

    assertThat(f.width()).isEqualTo(900);
    assertThat(f.height()).isEqualTo(400 + 44);
  }

  @Test
  void gridHasEnoughRowsForAllPanels() {
    Figure f = Figure.grid(3, java.util.Collections.nCopies(7, solid(Color.RED)));

    assertThat(f.rows()).isEqualTo(3);
    assertThat(f.cols()).isEqualTo(3);
  }

  @Test
  void misuseFailsWithClearMessages() {
    Figure f = new Figure(1, 1).add(solid(Color.RED));

    assertThatThrownBy(() -> f.add(solid(Color.RED))).hasMessageContaining("already full");
    assertThatThrownBy(() -> f.set(1, 0, solid(Color.RED)))
        .hasMessageContaining("(1, 0)").hasMessageContaining("1 x 1");
    assertThatThrownBy(() -> new Figure(0, 2)).hasMessageContaining("0 x 2");
    assertThatThrownBy(() -> f.size(0, 100)).hasMessageContaining("0 x 100");
  }

  @Test
  void figuresNest() throws Exception {
    Figure inner = new Figure(1, 2).add(solid(Color.RED)).add(solid(Color.BLUE));
    BufferedImage img = Pictures.png(new Figure(2, 1).size(100, 100).add(inner)
        .add(solid(Color.GREEN)));

    assertThat(Pictures.pixel(img, 25, 25)).isEqualTo(Color.RED);
    assertThat(Pictures.pixel(img, 75, 25)).isEqualTo(Color.BLUE);
    assertThat(Pictures.pixel(img, 50, 75)).isEqualTo(Color.GREEN);
  }
}
