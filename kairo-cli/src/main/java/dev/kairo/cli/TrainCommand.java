package dev.kairo.cli;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.TensorDataset;
import dev.kairo.functions.F;
import dev.kairo.io.Model;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Init;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.WeightDecay;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.History;
import dev.kairo.train.LossFunction;
import dev.kairo.train.Metrics;
import dev.kairo.train.Trainer;
import dev.kairo.train.callbacks.HistoryWriter;
import dev.kairo.train.callbacks.ProgressBarCallback;
import dev.kairo.viz.DecisionRegions;
import dev.kairo.viz.Figure;
import dev.kairo.viz.TrainingCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairo train}: trains a network from options (or a config file of the same names).
 * With no options it is seed 003's experiment: make_moons(200, noise 0.2), a 2-3-2 network
 * with tanh and softmax, full-batch gradient descent (lr 0.01, L2 0.01 on the weights, summed
 * cross-entropy), 20,000 passes; it writes the model, the history and the decision-boundary
 * picture into the output folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Trains a network and writes the model, its history and pictures.",
        "With no options: seed 003's 2-3-2 tanh network on make_moons(200, noise 0.2)."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "moons", paramLabel = "NAME",
      description = "Built-in data: moons, circles, xor, spirals (default: ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--samples", defaultValue = "200", description = "Training samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--noise", defaultValue = "0.2", description = "Noise of the generated data (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--hidden", defaultValue = "3", split = ",", paramLabel = "N[,N...]",
      description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(names = "--activation", defaultValue = "tanh",
      description = "Hidden activation: tanh, relu, sigmoid, gelu, elu, ... (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(names = "--optimizer", defaultValue = "sgd",
      description = "sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--epochs", defaultValue = "20000", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch-size", defaultValue = "0",
      description = "Mini-batch size; 0 = the whole training set (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--l2", defaultValue = "0.01", description = "L2 weight decay on weights (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--loss", defaultValue = "sum",
      description = "Cross-entropy reduction over the batch: sum (as seed 003) or mean (default: ${DEFAULT-VALUE}).")
  String loss;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of data, weights and shuffling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--log-every", defaultValue = "1000", description = "Print a line every N epochs (default: ${DEFAULT-VALUE}).")
  int logEvery;

  @Option(names = {"-o", "--out"}, defaultValue = "kairo-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A .properties file with any of these options (name=value, without --); the command line wins.")
  Path config;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (config != null) {
      ConfigFile.apply(config, spec);
    }
    Choices.checkPositive("epochs", epochs);
    Choices.checkPositive("samples", samples);
    Choices.checkPositive("log-every", logEvery);
    if (batchSize < 0) {
      throw new IllegalArgumentException("--batch-size must be >= 0 (0 = full batch), got " + batchSize);
    }
    TensorDataset train = Choices.dataset(data, samples, noise, seed);
    TensorDataset heldOut = Choices.dataset(data, 1000, noise, seed + 1);
    Module model = mlp(train.featureShape()[0], train.numClasses());
    Optimizer opt = Choices.optimizer(optimizer, model.parameters(), lr);
    if (l2 > 0) {
      opt.addHook(WeightDecay.weightsOnly(l2));
    }
    int batch = batchSize == 0 ? train.size() : batchSize;
    LossFunction lossFn = Choices.crossEntropy(loss);
    System.out.printf("kairo train: %s (%d samples), network %s, %s lr %s, L2 %s, %d epochs, batch %d%n",
        data, train.size(), model.toString().replace('\n', ' '), optimizer, lr, l2, epochs, batch);
    History h = Trainer.builder(model, opt, lossFn).epochs(epochs).batchSize(batch).seed(seed)
        .validateEvery(logEvery)
        .callbacks(new ProgressBarCallback(System.out, false, logEvery),
            new HistoryWriter(out.resolve("history.csv")))
        .build().fit(train, heldOut);
    double trainAcc = accuracy(model, train);
    double heldAcc = accuracy(model, heldOut);
    System.out.printf("train accuracy %.4f, held-out accuracy %.4f (%d points)%n", trainAcc, heldAcc,
        heldOut.size());
    Model.save(model, out.resolve("model.safetensors"));
    writePictures(model, train, h, trainAcc, heldAcc);
    System.out.println("wrote " + out.resolve("model.safetensors") + ", history.csv, "
        + "decision-boundary.png/svg, training-curves.png into " + out);
    return 0;
  }

  private Module mlp(int in, int classes) {
    SplittableRandom rng = new SplittableRandom(seed);
    Sequential s = new Sequential();
    int width = in;
    for (int h : hidden) {
      Choices.checkPositive("hidden size", h);
      s.add(seedInit(new Linear(width, h, true, rng), rng));
      s.add(Activation.of(activation, Double.NaN));
      width = h;
    }
    s.add(seedInit(new Linear(width, classes, true, rng), rng));
    return s;
  }

  /** Seed 003's initialisation: W ~ N(0, 1/fan_in), b = 0. */
  private static Linear seedInit(Linear l, SplittableRandom rng) {
    l.weight.setData(Init.lecunNormal(rng, l.outFeatures(), l.inFeatures()));
    l.bias.setData(Tensor.zeros(l.outFeatures()));
    return l;
  }

  private static double accuracy(Module m, TensorDataset d) {
    m.eval();
    try (NoGrad g = NoGrad.enter()) {
      return Metrics.accuracy(Metrics.argmax(m.forward(Variable.of(d.features())).data()), d.labels());
    } finally {
      m.train();
    }
  }

  private void writePictures(Module model, TensorDataset train, History h, double trainAcc,
      double heldAcc) throws IOException {
    if (train.featureShape()[0] == 2) {
      DecisionRegions regions = DecisionRegions.ofTensor(x -> {
        try (NoGrad g = NoGrad.enter()) {
          return Metrics.argmax(F.softmax(model.forward(Variable.of(x))).data());
        }
      }, train.features(), train.labels()).title(String.format(
          "%s, hidden %s: train acc %.3f, held-out %.3f", data, java.util.Arrays.toString(hidden),
          trainAcc, heldAcc));
      Figure.of(regions).save(out.resolve("decision-boundary.png"));
      Figure.of(regions).save(out.resolve("decision-boundary.svg"));
    }
    TrainingCurves.of(h.series("loss")).title("training loss per epoch").figure()
        .save(out.resolve("training-curves.png"));
  }
}
