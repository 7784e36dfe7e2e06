package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A quick-mode context whose printout is kept, and a check that the figures are pictures. */
final class DemoTesting {
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  final DemoContext ctx;

  private DemoTesting(Path dir, long seed) {
    ctx = new DemoContext(new PrintStream(buf, true, StandardCharsets.UTF_8), seed, dir, true);
  }

  /** A --quick run with the command line's default seed, writing into {@code dir}. */
  static DemoTesting quick(Path dir) {
    return new DemoTesting(dir, 3);
  }

  /** What the demo printed. */
  String output() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** Each named figure was written into the folder, listed by the context, and decodes. */
  void assertFigures(String... names) throws IOException {
    for (String name : names) {
      Path p = ctx.outDir().resolve(name);
      assertThat(ctx.figures()).contains(p);
      assertThat(p).isRegularFile();
      assertThat(Files.size(p)).as("size of %s", name).isLessThan(200_000);
      BufferedImage img = ImageIO.read(p.toFile());
      assertThat(img).as("%s decodes as an image", name).isNotNull();
      assertThat(img.getWidth()).isGreaterThan(300);
      assertThat(img.getHeight()).isGreaterThan(200);
    }
  }
}
