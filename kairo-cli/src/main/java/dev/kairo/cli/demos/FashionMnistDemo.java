package dev.kairo.cli.demos;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.image.FashionMnist;
import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.MnistSplit;
import dev.kairo.models.ImageClassifiers;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.schedule.CosineAnnealing;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.LossFunction;
import dev.kairo.train.Trainer;
import dev.kairo.train.callbacks.LrScheduler;
import dev.kairo.viz.Figure;
import dev.kairo.viz.ImageGrid;
import dev.kairo.viz.LinePlot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kairo demo fashion-mnist}: seed 001's first use of neural networks, image
 * recognition, on Fashion-MNIST. An MLP and a CNN side by side (test accuracy, parameters,
 * training time), then seed 004's question of how big and how deep: MLPs of 1, 2 and 3 hidden
 * layers at several widths, test accuracy against parameter count, drawn with the CNN for
 * comparison, beside the CNN's predictions on the first test images.
 *
 * <pre>
 * kairo demo fashion-mnist --out docs/figures          # about 2 minutes on 2 cores
 * kairo demo fashion-mnist --quick                      # 3,000 images, seconds
 * </pre>
 */
public final class FashionMnistDemo {
  private FashionMnistDemo() {}

  /** One trained network: its name, depth, parameters, test accuracy and training time. */
  public record Run(String name, int depth, long parameters, double accuracy, double seconds) {}

  /** What the demo measured. */
  public record Result(Run mlp, Run cnn, List<Run> sweep) {}

  public static Result run(DemoContext ctx) throws IOException {
    ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);
    ImageDataset test = FashionMnist.load(MnistSplit.TEST);
    if (ctx.quick()) {
      train = train.subset(range(3000));
      test = test.subset(range(1000));
    }
    ctx.printf("Fashion-MNIST: %,d training and %,d test images of 28x28, 10 classes%n",
        train.size(), test.size());

    ctx.println("\n1. An MLP and a CNN, each with its own recipe (Adam; the CNN with batch norm,"
        + " dropout and a cosine learning rate):");
    Sequential mlpNet = ImageClassifiers.mlp(ctx.seed());
    Run mlp = train(ctx, "MLP 784-256-128-10", 2, mlpNet, train, test, ctx.pick(5, 2), 128,
        1e-3, false);
    Sequential cnnNet = ImageClassifiers.cnn(ctx.seed());
    Run cnn = train(ctx, "CNN conv32-conv64-fc128", 4, cnnNet, train, test, ctx.pick(2, 1), 64,
        2e-3, true);

    ctx.println("\n2. How big and how deep (seed 004): MLPs of 1-3 hidden layers, "
        + ctx.pick(2, 4) + " epochs each:");
    int[] widths = ctx.quick() ? new int[] {16, 64} : new int[] {16, 64, 256};
    List<Run> sweep = new ArrayList<>();
    LinePlot plot = new LinePlot("Test accuracy vs parameters").xLabel("log10(parameters)")
        .yLabel("test accuracy").markers(true);
    for (int depth = 1; depth <= 3; depth++) {
      double[] x = new double[widths.length];
      double[] y = new double[widths.length];
      for (int i = 0; i < widths.length; i++) {
        int[] hidden = new int[depth];
        java.util.Arrays.fill(hidden, widths[i]);
        Sequential net = ImageClassifiers.mlp(ctx.seed(), hidden);
        Run r = train(ctx, "MLP " + depth + "x" + widths[i], depth + 1, net, train, test,
            ctx.pick(2, 4), ctx.pick(128, 64), 1e-3, false);
        sweep.add(r);
        x[i] = Math.log10(r.parameters());
        y[i] = r.accuracy();
      }
      plot.series(depth + " hidden layer" + (depth > 1 ? "s" : ""), x, y);
    }
    plot.series("CNN", new double[] {Math.log10(cnn.parameters())}, new double[] {cnn.accuracy()});

    ImageGrid grid = predictions(cnnNet, test, 16);
    ctx.save(new Figure(1, 2).add(plot).add(grid).size(1200, 520), "fashion-mnist.png");
    return new Result(mlp, cnn, sweep);
  }

  private static Run train(DemoContext ctx, String name, int depth, Sequential net,
      ImageDataset train, ImageDataset test, int epochs, int batch, double lr, boolean cosine) {
    Adam opt = new Adam(net.parameters(), lr);
    Trainer.Builder b = Trainer.builder(net, opt, LossFunction.softmaxCrossEntropy())
        .epochs(epochs).batchSize(batch).seed(ctx.seed());
    if (cosine) {
      int steps = epochs * ((train.size() + batch - 1) / batch);
      b.callbacks(LrScheduler.perBatch(new CosineAnnealing(opt, steps, 0)));
    }
    long t0 = System.nanoTime();
    b.build().fit(train);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double acc = accuracy(net, test);
    Run r = new Run(name, depth, net.parameterCount(), acc, seconds);
    ctx.printf("  %-26s %,9d parameters  test accuracy %.4f  %6.1f s%n", name, r.parameters(),
        acc, seconds);
    return r;
  }

  static double accuracy(Sequential net, ImageDataset data) {
    return Trainer.evaluate(net, data, 1000, LossFunction.softmaxCrossEntropy()).accuracy();
  }

  private static int[] predict(Sequential net, ImageDataset data, int count) {
    net.eval();
    int[] out = new int[count];
    try (NoGrad g = NoGrad.enter()) {
      for (int s = 0; s < count; s += 1000) {
        int n = Math.min(1000, count - s);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
          idx[i] = s + i;
        }
        float[] p = net.forward(Variable.of(data.features(idx))).data().argmax(1).toArray();
        for (int i = 0; i < n; i++) {
          out[s + i] = (int) p[i];
        }
      }
    } finally {
      net.train();
    }
    return out;
  }

  private static ImageGrid predictions(Sequential cnn, ImageDataset test, int count) {
    int[] pred = predict(cnn, test, count);
    List<String> captions = new ArrayList<>();
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      captions.add(test.className(pred[i]) + (pred[i] == test.label(i) ? "" : " (" + test.className(test.label(i)) + ")"));
      if (pred[i] != test.label(i)) {
        wrong.add(i);
      }
    }
    Tensor images = test.features(range(count));
    return ImageGrid.of(images).columns(4).captions(captions)
        .highlight(wrong.stream().mapToInt(Integer::intValue).toArray())
        .title("CNN predictions (true class in brackets when wrong)");
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
