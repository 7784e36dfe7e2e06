package dev.kairo.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A tiny CNN learns to tell a horizontal from a vertical bar in noisy 8x8 images, seeded, in
 * about a second: a bar is 4 to 8 pixels long at a random place, and the noise (σ = 0.35) is
 * over a third of the bar's height, so single pixels do not give the answer away. Bar: loss
 * falls by half, test accuracy above 95% (98.8% when written).
 */
class ConvLearnsTest {
  private static final int SIZE = 8;

  /** Images [n, 1, 8, 8] and labels (0 horizontal, 1 vertical). */
  private static Tensor images(SplittableRandom r, int[] labels) {
    int n = labels.length;
    float[] x = new float[n * SIZE * SIZE];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(2);
      int len = 4 + r.nextInt(5);
      int across = r.nextInt(SIZE);
      int start = r.nextInt(SIZE - len + 1);
      for (int p = 0; p < SIZE * SIZE; p++) {
        x[i * SIZE * SIZE + p] = (float) (0.35 * r.nextGaussian());
      }
      for (int t = start; t < start + len; t++) {
        int row = labels[i] == 0 ? across : t;
        int col = labels[i] == 0 ? t : across;
        x[i * SIZE * SIZE + row * SIZE + col] += 1f;
      }
    }
    return Tensor.of(x, n, 1, SIZE, SIZE);
  }

  @Test
  void tinyCnnLearnsBarOrientation() {
    SplittableRandom r = new SplittableRandom(2024);
    Sequential net = new Sequential(
        Conv2d.builder(1, 8, 3).padding(1).seed(1).build(), new BatchNorm(8), Activation.relu(),
        new MaxPool2d(2),
        Conv2d.builder(8, 16, 3).padding(1).seed(2).build(), Activation.relu(),
        new GlobalAvgPool(), new Linear(16, 2, true, new SplittableRandom(3)));
    int[] trainLabels = new int[1024];
    Tensor train = images(r, trainLabels);
    int[] testLabels = new int[512];
    Tensor test = images(r, testLabels);
    Optimizer opt = new Adam(net.parameters(), 0.01);
    int batch = 32;
    float first = Float.NaN;
    float last = Float.NaN;
    for (int epoch = 0; epoch < 5; epoch++) {
      for (int b = 0; b < trainLabels.length; b += batch) {
        Variable x = Variable.of(train.slice(0, b, b + batch).contiguous());
        int[] t = java.util.Arrays.copyOfRange(trainLabels, b, b + batch);
        Variable loss = F.softmaxCrossEntropy(net.forward(x), t);
        opt.zeroGrad();
        loss.backward();
        opt.step();
        if (Float.isNaN(first)) {
          first = loss.item();
        }
        last = loss.item();
      }
    }
    net.eval();
    int correct = 0;
    try (NoGrad g = NoGrad.enter()) {
      Tensor logits = net.forward(Variable.of(test)).data();
      for (int i = 0; i < testLabels.length; i++) {
        int guess = logits.get(i, 1) > logits.get(i, 0) ? 1 : 0;
        correct += guess == testLabels[i] ? 1 : 0;
      }
    }
    double accuracy = (double) correct / testLabels.length;
    System.out.println("ConvLearnsTest: loss " + first + " -> " + last + ", accuracy " + accuracy);
    assertThat(last).as("loss falls by half").isLessThan(first / 2);
    assertThat(accuracy).as("test accuracy").isGreaterThan(0.95);
  }
}
