package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ImageGridTest {

  @TempDir Path dir;

  /** Image 0: left half 0, right half 1. Image 1: all 0.5. Each 4 x 4. */
  private static Tensor twoImages() {
    float[] d = new float[2 * 16];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        d[r * 4 + c] = c < 2 ? 0 : 1;
        d[16 + r * 4 + c] = 0.5f;
      }
    }
    return Tensor.of(d, 2, 4, 4);
  }

  @Test
  void pixelsLandWhereTheTileIsWithCrispEdges() throws Exception {
    ImageGrid g = ImageGrid.of(twoImages()).scaling(ImageGrid.Scaling.NONE).cellSize(40);
    Path file = dir.resolve("grid.png");
    g.save(file);
    BufferedImage img = ImageIO.read(file.toFile());
    Rectangle t0 = g.tileBounds(0, img.getWidth(), img.getHeight());
    Rectangle t1 = g.tileBounds(1, img.getWidth(), img.getHeight());

    assertThat(t0.width).isEqualTo(40);
    assertThat(img.getWidth()).isEqualTo(g.preferredSize().width);
    assertThat(Pictures.pixel(img, t0.x + 1, t0.y + 1)).isEqualTo(Color.BLACK);
    assertThat(Pictures.pixel(img, t0.x + 19, t0.y + 20)).isEqualTo(Color.BLACK);
    assertThat(Pictures.pixel(img, t0.x + 20, t0.y + 20)).isEqualTo(Color.WHITE);
    assertThat(Pictures.pixel(img, t1.x + 20, t1.y + 20)).isEqualTo(new Color(128, 128, 128));
  }

  @Test
  void scalingPerImageStretchesEachImageGlobalKeepsThemComparable() {
    Tensor t = Tensor.of(new float[] {0, 0.5f, 0, 1}, 2, 1, 1, 2); // [N, 1, H, W]

    ImageGrid per = ImageGrid.of(t);
    ImageGrid global = ImageGrid.of(t).scaling(ImageGrid.Scaling.GLOBAL);

    assertThat(per.image(0).getRGB(1, 0)).isEqualTo(Color.WHITE.getRGB());
    assertThat(global.image(0).getRGB(1, 0)).isEqualTo(new Color(128, 128, 128).getRGB());
    assertThat(global.image(1).getRGB(1, 0)).isEqualTo(Color.WHITE.getRGB());
  }

  @Test
  void svgEmbedsOneImagePerTileAndCaptionsAsText() throws Exception {
    ImageGrid g = ImageGrid.of(twoImages()).captions("true 3 / pred 5", "true 1 / pred 1")
        .highlight(0).title("errors");

    Document doc = Pictures.parseSvg(Figure.of(g).toSvg());

    assertThat(Pictures.elements(doc, "image")).hasSize(2);
    assertThat(Pictures.texts(doc)).containsExactly("errors", "true 3 / pred 5",
        "true 1 / pred 1");
    assertThat(Pictures.stroked(doc, "rect", Style.ALERT)).isEqualTo(1);
  }

  @Test
  void layoutFollowsColumns() {
    ImageGrid g = ImageGrid.of(Tensor.zeros(10, 8, 8)).columns(4).cellSize(32);

    Rectangle a = g.tileBounds(0, 400, 400);
    Rectangle b = g.tileBounds(3, 400, 400);
    Rectangle c = g.tileBounds(4, 400, 400);

    assertThat(b.y).isEqualTo(a.y);
    assertThat(b.x).isGreaterThan(a.x);
    assertThat(c.x).isEqualTo(a.x);
    assertThat(c.y).isGreaterThan(a.y);
    assertThat(g.preferredSize().height).isEqualTo(2 * 8 + 3 * 32 + 2 * 6);
  }

  @Test
  void badInputFailsWithWhatWasWrong() {
    assertThatThrownBy(() -> ImageGrid.of(Tensor.zeros(2, 3, 4, 4)))
        .hasMessageContaining("[2, 3, 4, 4]");
    float[] d = new float[8];
    d[5] = Float.NaN;
    assertThatThrownBy(() -> ImageGrid.of(Tensor.of(d, 2, 2, 2)))
        .hasMessageContaining("image 1").hasMessageContaining("row 0, col 1");
    assertThatThrownBy(() -> ImageGrid.of(twoImages()).captions("only one"))
        .hasMessageContaining("1 captions for 2 images");
    assertThatThrownBy(() -> ImageGrid.of(twoImages()).highlight(2))
        .hasMessageContaining("index 2");
  }
}
