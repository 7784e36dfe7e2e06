package dev.kairo.cli;

import static dev.kairo.cli.TinyImageModels.kairo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.cli.TinyImageModels.Run;
import dev.kairo.io.Model;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  @TempDir
  Path dir;

  private Sequential trained;
  private Path model;
  private final SplittableRandom rng = new SplittableRandom(7);

  @BeforeEach
  void train() throws Exception {
    trained = TinyImageModels.trained(dir.resolve("train"));
    model = dir.resolve("model.safetensors");
    Model.save(trained, model, Map.of("input_shape", "1,28,28", "classes", "a,b,c"));
  }

  @Test
  void printsTheTopClassesOfEachImageWithProbabilities() throws Exception {
    Path top = TinyImageModels.write(dir.resolve("top.png"), 0, 28, rng);
    Path left = TinyImageModels.write(dir.resolve("left.png"), 1, 28, rng);
    Path centre = TinyImageModels.write(dir.resolve("centre.png"), 2, 28, rng);

    Run r = kairo("predict", model.toString(), top.toString(), left.toString(), centre.toString(),
        "--top", "2");

    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\\R");
    assertThat(lines).hasSize(3);
    String p = "(0\\.\\d\\d|1\\.00)";
    assertThat(lines[0]).matches(top + ": a " + p + ", [bc] " + p);
    assertThat(lines[1]).matches(left + ": b " + p + ", [ac] " + p);
    assertThat(lines[2]).matches(centre + ": c " + p + ", [ab] " + p);
    // The probabilities are the model's softmax, largest first.
    double first = Double.parseDouble(lines[0].split(" ")[2].replace(",", ""));
    double second = Double.parseDouble(lines[0].split(" ")[4]);
    assertThat(first).isGreaterThan(0.5).isGreaterThanOrEqualTo(second);
  }

  @Test
  void anImageOfAnotherSizeIsRefusedNamingBothSizesUnlessResized() throws Exception {
    Path big = TinyImageModels.write(dir.resolve("big.png"), 1, 56, rng);
    Run r = kairo("predict", model.toString(), big.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(big + ": the image is 56 x 56 pixels")
        .contains("the model takes 28 x 28").contains("--resize");

    r = kairo("predict", model.toString(), big.toString(), "--resize", "--top", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).matches(big + ": b \\d\\.\\d\\d\\R");
  }

  @Test
  void colourImagesAreReadAsGrayByLuma() throws Exception {
    // Pattern a drawn in pure white on black, saved as RGB: luma keeps it as it is.
    BufferedImage gray = TinyImageModels.pattern(0, 28, rng);
    BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(gray, 0, 0, null);
    Path f = dir.resolve("rgb.jpg");
    assertThat(ImageIO.write(rgb, "jpg", f.toFile())).isTrue();
    Run r = kairo("predict", model.toString(), f.toString(), "--top", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(f + ": a ");
  }

  @Test
  void aModelSavedWithoutItsInputShapeNeedsInputShape() throws Exception {
    Path bare = dir.resolve("bare.safetensors");
    Model.save(trained, bare);
    Path img = TinyImageModels.write(dir.resolve("x.png"), 2, 28, rng);

    Run r = kairo("predict", bare.toString(), img.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("saved without its input shape").contains("--input-shape C,H,W");

    r = kairo("predict", bare.toString(), img.toString(), "--input-shape", "1,28,28");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(img + ": class 2 ");   // no class names saved either
  }

  @Test
  void badInputIsBadUsageOrAFailureWithAMessage() throws Exception {
    Path img = TinyImageModels.write(dir.resolve("x.png"), 2, 28, rng);
    Run r = kairo("predict", model.toString(), img.toString(), "--input-shape", "2,28,28");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("C = 1 (grayscale) or 3 (RGB)");
    r = kairo("predict", model.toString(), img.toString(), "--input-shape", "3,28,28");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not take images of shape [3, 28, 28]");
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
    r = kairo("predict", model.toString(), text.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(text + ": is not an image");
    r = kairo("predict", model.toString(), dir.resolve("missing.png").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no such file").contains("missing.png");
    assertThat(kairo("predict", model.toString(), img.toString(), "--top", "0").code()).isEqualTo(2);
    assertThat(kairo("predict", model.toString()).code()).as("no image").isEqualTo(2);
  }

  @Test
  void aModelThatStartsWithALinearLayerGetsFlatImages() throws Exception {
    Path linear = dir.resolve("linear.safetensors");
    Model.save(new Sequential(new Linear(784, 3)), linear, Map.of("input_shape", "1,28,28"));
    Path img = TinyImageModels.write(dir.resolve("x.png"), 0, 28, rng);
    Run r = kairo("predict", linear.toString(), img.toString(), "--top", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).matches(img + ": (class \\d \\d\\.\\d\\d(, )?){3}\\R");   // top 5 of 3
  }
}
