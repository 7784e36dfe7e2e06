package dev.kairo.cli.demos;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.schedule.CosineAnnealing;
import dev.kairo.optim.schedule.LrSchedule;
import dev.kairo.tensor.Tensor;
import dev.kairo.viz.Figure;
import dev.kairo.viz.LinePlot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seed 004's universal approximation theorem (万能近似定理), shown rather than proved: one
 * hidden layer of tanh units fits {@code f(x) = sin(3x) + 0.3x²} on [-2, 2] better and better
 * as it widens (1, 2, 4, 8, 16, 64 units). Each width is trained the same way, full-batch Adam
 * on the mean squared error at 200 evenly spaced points, from the same seed; the error is
 * measured on 1001 points of the interval, most of them between the training points.
 *
 * <p>The theorem says a wide enough layer <em>can</em> get within any ε; how fast training
 * gets there is the seed's "practical reality" column.
 */
public final class UniversalApproximationDemo {
  /** The widths tried. */
  public static final int[] WIDTHS = {1, 2, 4, 8, 16, 64};
  private static final double LR = 0.01;

  private UniversalApproximationDemo() {}

  /** One width's outcome. */
  public record Fit(int width, long parameters, double trainMse, double testMse,
      double[] prediction) {}

  /** Every width's outcome, with the grid the predictions are on. */
  public record Result(List<Fit> fits, double[] grid, int steps) {}

  /** The function fitted. */
  public static double target(double x) {
    return Math.sin(3 * x) + 0.3 * x * x;
  }

  private static Tensor column(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.of(f, v.length, 1);
  }

  private static double[] linspace(double a, double b, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i == n - 1 ? b : a + (b - a) * i / (n - 1);
    }
    return x;
  }

  /** Fits every width and draws the fits and the error against width. */
  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  public static Result run(DemoContext ctx) throws IOException {
    int steps = ctx.pick(5000, 600);
    double[] trainX = linspace(-2, 2, 200);
    double[] gridX = linspace(-2, 2, 1001);
    double[] trainY = new double[trainX.length];
    double[] gridY = new double[gridX.length];
    for (int i = 0; i < trainX.length; i++) {
      trainY[i] = target(trainX[i]);
    }
    for (int i = 0; i < gridX.length; i++) {
      gridY[i] = target(gridX[i]);
    }
    Variable x = Variable.of(column(trainX));
    Variable y = Variable.of(column(trainY));
    Variable gx = Variable.of(column(gridX));
    Variable gy = Variable.of(column(gridY));
    ctx.printf("f(x) = sin(3x) + 0.3x^2 on [-2, 2]: one hidden tanh layer, full-batch Adam lr "
        + "%.2f, %d steps, 200 training points, error on 1001%n%n", LR, steps);
    ctx.println(" width   parameters   train MSE    test MSE");
    List<Fit> fits = new ArrayList<>();
    for (int w : WIDTHS) {
      SplittableRandom rng = new SplittableRandom(ctx.seed());
      Sequential net = new Sequential(new Linear(1, w, true, rng), Activation.tanh(),
          new Linear(w, 1, true, rng));
      Optimizer opt = new Adam(net.parameters(), LR);
      LrSchedule schedule = new CosineAnnealing(opt, steps, LR * 1e-3);
      for (int s = 0; s < steps; s++) {
        Variable loss = F.meanSquaredError(net.forward(x), y);
        opt.zeroGrad();
        loss.backward();
        opt.step();
        schedule.step();
      }
      double trainMse;
      double testMse;
      float[] pred;
      try (NoGrad g = NoGrad.enter()) {
        trainMse = F.meanSquaredError(net.forward(x), y).item();
        Variable out = net.forward(gx);
        testMse = F.meanSquaredError(out, gy).item();
        pred = out.data().toArray();
      }
      double[] pd = new double[pred.length];
      for (int i = 0; i < pd.length; i++) {
        pd[i] = pred[i];
      }
      fits.add(new Fit(w, net.parameterCount(), trainMse, testMse, pd));
      ctx.printf(" %5d   %10d   %.3e    %.3e%n", w, net.parameterCount(), trainMse, testMse);
    }

    LinePlot fitPlot = new LinePlot("Fits by hidden width").xLabel("x").yLabel("y")
        .series("f(x)", gridX, gridY);
    fitPlot.color("f(x)", java.awt.Color.BLACK);
    for (Fit f : fits) {
      fitPlot.series("width " + f.width(), gridX, f.prediction(), LinePlot.Line.DASHED);
    }
    double[] lw = new double[fits.size()];
    double[] te = new double[fits.size()];
    double[] tr = new double[fits.size()];
    for (int i = 0; i < lw.length; i++) {
      lw[i] = Math.log(fits.get(i).width()) / Math.log(2);
      te[i] = fits.get(i).testMse();
      tr[i] = fits.get(i).trainMse();
    }
    LinePlot err = new LinePlot("Error vs width").xLabel("log2(width): 1, 2, 4, 8, 16, 64")
        .yLabel("mean squared error").series("test (1001 points)", lw, te)
        .series("train (200 points)", lw, tr, LinePlot.Line.DASHED).logY(true).markers(true);
    ctx.save(new Figure(1, 2).add(fitPlot).add(err)
        .title(String.format(Locale.ROOT, "One hidden layer approximates sin(3x) + 0.3x² "
            + "better as it widens (%d Adam steps)", steps)).size(1300, 500),
        "universal-approximation.png");
    return new Result(fits, gridX, steps);
  }
}
