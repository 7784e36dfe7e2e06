package dev.kairo.cli.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.cli.demos.UniversalApproximationDemo.Fit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniversalApproximationDemoTest {
  @TempDir
  Path dir;

  @Test
  void theErrorFallsAsTheLayerWidens() throws Exception {
    DemoTesting t = DemoTesting.quick(dir);
    UniversalApproximationDemo.Result r = UniversalApproximationDemo.run(t.ctx);
    List<Fit> fits = r.fits();
    assertThat(fits).extracting(Fit::width).containsExactly(1, 2, 4, 8, 16, 64);
    double widest = fits.get(fits.size() - 1).testMse();
    assertThat(widest).isLessThan(fits.get(0).testMse() / 10);
    assertThat(widest).isLessThan(fits.get(2).testMse());
    assertThat(fits.get(0).parameters()).isEqualTo(4);
    assertThat(fits.get(5).parameters()).isEqualTo(193);
    t.assertFigures("universal-approximation.png");
  }
}
