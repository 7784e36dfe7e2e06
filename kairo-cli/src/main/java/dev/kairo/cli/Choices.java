package dev.kairo.cli;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.nn.Parameter;
import dev.kairo.optim.AdaDelta;
import dev.kairo.optim.AdaGrad;
import dev.kairo.optim.Adam;
import dev.kairo.optim.AdamW;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.RmsProp;
import dev.kairo.optim.Sgd;
import dev.kairo.train.LossFunction;
import java.util.List;
import java.util.Locale;

/** Turns command-line names into data sets, optimizers and losses, with errors that list the choices. */
final class Choices {
  private Choices() {}

  static TensorDataset dataset(String name, int n, double noise, long seed) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "moons": return Generators.makeMoons(n, noise, seed);
      case "circles": return Generators.makeCircles(n, noise, 0.5, seed);
      case "xor": return Generators.xor(n, noise, seed);
      case "spirals": return Generators.spirals(n, 3, noise, seed);
      default:
        throw new IllegalArgumentException("unknown data set '" + name
            + "'; built-in: moons, circles, xor, spirals");
    }
  }

  static Optimizer optimizer(String name, List<Parameter> params, double lr) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "sgd": return new Sgd(params, lr);
      case "momentum": return new Sgd(params, lr, 0.9, false);
      case "nesterov": return new Sgd(params, lr, 0.9, true);
      case "adagrad": return new AdaGrad(params, lr);
      case "rmsprop": return new RmsProp(params, lr);
      case "adadelta": return new AdaDelta(params, lr);
      case "adam": return new Adam(params, lr);
      case "adamw": return new AdamW(params, lr);
      default:
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose sgd, "
            + "momentum, nesterov, adagrad, rmsprop, adadelta, adam or adamw");
    }
  }

  /** Softmax cross-entropy, summed over the batch (seed 003) or averaged. */
  static LossFunction crossEntropy(String reduction) {
    switch (reduction.toLowerCase(Locale.ROOT)) {
      case "mean": return LossFunction.softmaxCrossEntropy();
      case "sum": return LossFunction.softmaxCrossEntropySum();
      default:
        throw new IllegalArgumentException("--loss must be sum or mean, got '" + reduction + "'");
    }
  }

  static void checkPositive(String what, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }
  }
}
