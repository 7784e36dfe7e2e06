package dev.kairo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.Variable;
import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.ImageFolder;
import dev.kairo.functions.F;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Test fixtures: 28 x 28 grayscale PNGs of three patterns (a: top half bright, b: left half
 * bright, c: a bright centre square) with a little noise, and a softmax-regression model
 * (Flatten + Linear) trained on them in a fraction of a second.
 */
final class TinyImageModels {
  static final String[] CLASSES = {"a", "b", "c"};

  private TinyImageModels() {}

  /** A size x size picture of pattern {@code cls} (0, 1, 2) on black, pixel noise from rng. */
  static BufferedImage pattern(int cls, int size, SplittableRandom rng) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean on = switch (cls) {
          case 0 -> y < size / 2;
          case 1 -> x < size / 2;
          default -> Math.abs(y - size / 2) < size / 4 && Math.abs(x - size / 2) < size / 4;
        };
        img.getRaster().setSample(x, y, 0, (on ? 200 : 20) + rng.nextInt(40));
      }
    }
    return img;
  }

  /** Writes a PNG of pattern {@code cls} to {@code file}. */
  static Path write(Path file, int cls, int size, SplittableRandom rng) throws Exception {
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(pattern(cls, size, rng), "png", file.toFile())).isTrue();
    return file;
  }

  /** root/a, root/b, root/c with {@code perClass} images each. */
  static Path folder(Path root, int perClass, long seed) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int c = 0; c < CLASSES.length; c++) {
      for (int i = 0; i < perClass; i++) {
        write(root.resolve(CLASSES[c]).resolve(i + ".png"), c, 28, rng);
      }
    }
    return root;
  }

  /** Flatten + Linear(784, 3), trained by full-batch Adam on a fresh folder of the patterns. */
  static Sequential trained(Path scratch) throws Exception {
    ImageDataset ds = ImageFolder.load(folder(scratch, 10, 1), 28, 28, 1);
    Sequential model = new Sequential(new Flatten(), new Linear(784, 3, true,
        new SplittableRandom(0)));
    Optimizer opt = new Adam(model.parameters(), 0.01);
    int[] all = new int[ds.size()];
    Arrays.setAll(all, i -> i);
    for (int step = 0; step < 30; step++) {
      opt.zeroGrad();
      F.softmaxCrossEntropy(model.forward(Variable.of(ds.features(all))), ds.labels()).backward();
      opt.step();
    }
    return model;
  }

  /** What {@code run} printed on System.out and System.err, and what it returned. */
  record Run(int code, String out, String err) {}

  static Run run(Supplier<Integer> command) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = command.get();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run kairo(String... args) {
    return run(() -> Kairo.execute(args));
  }
}
