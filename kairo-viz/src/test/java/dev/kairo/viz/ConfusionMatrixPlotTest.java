package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ConfusionMatrixPlotTest {
  @TempDir Path dir;

  /** Class 0: 90 right, 10 taken for class 1; class 1: all 50 right; class 2: no samples. */
  private static final long[][] COUNTS = {{90, 10, 0}, {0, 50, 0}, {0, 0, 0}};
  private static final List<String> NAMES = List.of("cat", "dog", "bird");

  @Test
  void cellsAreShadedByTheirShareOfTheRow() throws Exception {
    ConfusionMatrixPlot p = ConfusionMatrixPlot.of(COUNTS, NAMES).title("pets");
    Path file = dir.resolve("cm.png");
    p.save(file);
    assertThat(Files.size(file)).isGreaterThan(1000);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(p.preferredSize().width);

    // A corner of each cell, away from the count printed in its middle.
    Color full = corner(img, p, 1, 1);
    Color most = corner(img, p, 0, 0);
    Color few = corner(img, p, 0, 1);
    assertThat(full).isEqualTo(ConfusionMatrixPlot.FULL);
    assertThat(most).isEqualTo(ConfusionMatrixPlot.shade(0.9));
    assertThat(few).isEqualTo(ConfusionMatrixPlot.shade(0.1));
    assertThat(most.getBlue() + most.getGreen()).isLessThan(few.getBlue() + few.getGreen());
    assertThat(corner(img, p, 1, 0)).isEqualTo(Color.WHITE);
    assertThat(corner(img, p, 2, 2)).as("a row with no samples").isEqualTo(Color.WHITE);
    // Cells are squares laid out as rows x columns.
    Rectangle a = p.cellBounds(0, 0, img.getWidth(), img.getHeight());
    Rectangle b = p.cellBounds(1, 2, img.getWidth(), img.getHeight());
    assertThat(a.width).isEqualTo(a.height).isGreaterThan(30);
    assertThat(b.x).isGreaterThan(a.x);
    assertThat(b.y).isGreaterThan(a.y);
  }

  @Test
  void svgKeepsCountsNamesAndTitleAsText() throws Exception {
    Path file = dir.resolve("cm.svg");
    ConfusionMatrixPlot.of(COUNTS, NAMES).title("pets").save(file);
    Document doc = Pictures.parseSvg(file);
    assertThat(Pictures.texts(doc)).contains("pets", "90", "10", "50", "cat", "dog", "bird",
        "predicted class", "true class");
    assertThat(Pictures.texts(doc).stream().filter("0"::equals)).hasSize(6);
  }

  @Test
  void longNamesTurnAndManyClassesStillFitAFigure() throws Exception {
    long[][] c = new long[10][10];
    for (int i = 0; i < 10; i++) {
      c[i][i] = 900 + i;
      c[i][(i + 1) % 10] = 100 - i;
    }
    List<String> names = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot");
    ConfusionMatrixPlot p = ConfusionMatrixPlot.of(c, names).title("Fashion-MNIST");
    BufferedImage img = Pictures.png(new Figure(1, 2).size(1400, 600).add(p).add(p));
    assertThat(img.getWidth()).isEqualTo(1400);
    Rectangle r = p.cellBounds(9, 9, 700, 600);
    assertThat(r.x + r.width).isLessThan(700);
    assertThat(r.y + r.height).isLessThan(600);
    Color diagonal = ConfusionMatrixPlot.shade(p.rowShare(9, 9));   // 909 of 1000
    assertThat(Pictures.pixel(img, r.x + 2, r.y + 2)).isEqualTo(diagonal);
    assertThat(Pictures.pixel(img, 700 + r.x + 2, r.y + 2)).as("the second cell of the figure")
        .isEqualTo(diagonal);
  }

  @Test
  void badInputFailsWithWhatWasWrong() {
    assertThatThrownBy(() -> ConfusionMatrixPlot.of(COUNTS, List.of("a", "b")))
        .hasMessageContaining("2 class names for a 3 x 3 matrix");
    assertThatThrownBy(() -> ConfusionMatrixPlot.of(new long[][] {{1, 2}, {3}}, List.of("a", "b")))
        .hasMessageContaining("row 1 has 1 counts");
    assertThatThrownBy(() -> ConfusionMatrixPlot.of(new int[][] {{1, -2}, {3, 4}}, List.of("a", "b")))
        .hasMessageContaining("count (0, 1) is -2");
    assertThatThrownBy(() -> ConfusionMatrixPlot.of(new long[0][], List.of()))
        .hasMessageContaining("no classes");
  }

  private static Color corner(BufferedImage img, ConfusionMatrixPlot p, int row, int col) {
    Rectangle r = p.cellBounds(row, col, img.getWidth(), img.getHeight());
    return Pictures.pixel(img, r.x + 2, r.y + 2);
  }
}
