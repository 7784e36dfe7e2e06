package dev.kairo.cli.demos;

import dev.kairo.viz.Panel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a demo runs with: where it prints, its seed, the folder its figures go to, and whether
 * it is a short run ({@code --quick}: fewer passes, same steps, seconds instead of tens of
 * seconds). It also remembers the figures written, so a test can check them.
 *
 * <pre>{@code
 * DemoContext ctx = new DemoContext(System.out, 3, Path.of("kairo-out"), false);
 * MoonsDemo.Result r = MoonsDemo.run(ctx);
 * ctx.figures();   // [kairo-out/moons-boundaries.png, ...]
 * }</pre>
 */
public final class DemoContext {
  private final PrintStream out;
  private final long seed;
  private final Path outDir;
  private final boolean quick;
  private final List<Path> figures = new ArrayList<>();

  /**
   * @param out where the numbers are printed
   * @param seed the seed of every random draw the demo makes (weights, shuffles, noise)
   * @param outDir the folder figures are written to (created when needed)
   * @param quick a short run, for tests and a first look
   */
  public DemoContext(PrintStream out, long seed, Path outDir, boolean quick) {
    this.out = Objects.requireNonNull(out, "out");
    this.seed = seed;
    this.outDir = Objects.requireNonNull(outDir, "outDir");
    this.quick = quick;
  }

  /** Where the demo prints. */
  public PrintStream out() {
    return out;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The output folder. */
  public Path outDir() {
    return outDir;
  }

  /** Whether this is a short run. */
  public boolean quick() {
    return quick;
  }

  /** {@code full} normally, {@code short} with {@code --quick}. */
  public int pick(int full, int shortRun) {
    return quick ? shortRun : full;
  }

  /** Saves {@code panel} as {@code outDir/fileName} (PNG or SVG by extension) and says so. */
  public Path save(Panel panel, String fileName) throws IOException {
    Path p = outDir.resolve(fileName);
    panel.save(p);
    figures.add(p);
    out.println("figure: " + p);
    return p;
  }

  /** The figures written so far, in order. */
  public List<Path> figures() {
    return Collections.unmodifiableList(figures);
  }

  /** Prints formatted text (locale-independent: always a decimal point). */
  public void printf(String format, Object... args) {
    out.printf(Locale.ROOT, format, args);
  }

  /** Prints a line. */
  public void println(String line) {
    out.println(line);
  }
}
