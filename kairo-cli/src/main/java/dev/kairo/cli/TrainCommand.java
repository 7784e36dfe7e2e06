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
        "With no options: seed 003's 2-3-2 tanh network on make_moons(200, noise 0.2).",
        "With --data fashion-mnist (or mnist, or a folder of class sub-folders): an image"
            + " classifier, --model mlp or cnn."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "moons", paramLabel = "NAME",
      description = "moons, circles, xor, spirals (generated), fashion-mnist, mnist, or a folder"
          + " of images in class sub-folders (default: ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where fashion-mnist or mnist files are (default: their usual place).")
  Path dataDir;

  @Option(names = "--model", paramLabel = "mlp|cnn",
      description = "Image data: mlp (784-256-128-10) or cnn (conv-bn-pool x2, fc) (default: mlp).")
  String model;

  @Option(names = "--augment", description = "Image data: random crops (padding 2) and flips.")
  boolean augment;

  @Option(names = "--samples", defaultValue = "200", description = "Generated data: training samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--noise", defaultValue = "0.2", description = "Generated data: noise (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--hidden", defaultValue = "3", split = ",", paramLabel = "N[,N...]",
      description = "Generated data: hidden layer sizes (default: ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(names = "--activation", defaultValue = "tanh",
      description = "Generated data: hidden activation, tanh, relu, sigmoid, gelu, elu, ... (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(names = "--optimizer",
      description = "sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw (default: sgd; adam for images).")
  String optimizer;

  @Option(names = "--lr", description = "Learning rate (default: 0.01; images: mlp 0.001, cnn 0.002 with a cosine schedule).")
  Double lr;

  @Option(names = "--epochs", description = "Passes over the data (default: 20000; images: mlp 5, cnn 2).")
  Integer epochs;

  @Option(names = "--batch-size",
      description = "Mini-batch size; 0 = the whole training set (default: 0; images: mlp 128, cnn 64).")
  Integer batchSize;

  @Option(names = "--l2", description = "L2 weight decay on weights (default: 0.01; images: 0).")
  Double l2;

  @Option(names = "--loss", defaultValue = "sum",
      description = "Generated data: cross-entropy over the batch, sum (as seed 003) or mean (default: ${DEFAULT-VALUE}).")
  String loss;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of data, weights and shuffling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--log-every", defaultValue = "1000", description = "Generated data: print a line every N epochs (default: ${DEFAULT-VALUE}).")
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
    if (ImageData.isImageData(data)) {
      return ImageTraining.run(imageSettings());
    }
    if (model != null) {
      throw new IllegalArgumentException("--model is for image data (fashion-mnist, mnist, a"
          + " folder); for " + data + " set the layers with --hidden");
    }
    optimizer = optimizer == null ? "sgd" : optimizer;
    double lr = this.lr == null ? 0.01 : this.lr;
    int epochs = this.epochs == null ? 20000 : this.epochs;
    int batchSize = this.batchSize == null ? 0 : this.batchSize;
    double l2 = this.l2 == null ? 0.01 : this.l2;
    Choices.checkPositive("epochs", epochs);
    Choices.checkPositive("samples", samples);
    Choices.checkPositive("log-every", logEvery);
    if (batchSize < 0) {
      throw new IllegalArgumentException("--batch-size must be >= 0 (0 = full batch), got " + batchSize);
    }
    TensorDataset train = Choices.dataset(data, samples, noise, seed);
    TensorDataset heldOut = Choices.dataset(data, 1000, noise, seed + 1);
    Module net = mlp(train.featureShape()[0], train.numClasses());
    Optimizer opt = Choices.optimizer(optimizer, net.parameters(), lr);
    if (l2 > 0) {
      opt.addHook(WeightDecay.weightsOnly(l2));
    }
    int batch = batchSize == 0 ? train.size() : batchSize;
    LossFunction lossFn = Choices.crossEntropy(loss);
    System.out.printf("kairo train: %s (%d samples), network %s, %s lr %s, L2 %s, %d epochs, batch %d%n",
        data, train.size(), net.toString().replace('\n', ' '), optimizer, lr, l2, epochs, batch);
    History h = Trainer.builder(net, opt, lossFn).epochs(epochs).batchSize(batch).seed(seed)
        .validateEvery(logEvery)
        .callbacks(new ProgressBarCallback(System.out, false, logEvery),
            new HistoryWriter(out.resolve("history.csv")))
        .build().fit(train, heldOut);
    double trainAcc = accuracy(net, train);
    double heldAcc = accuracy(net, heldOut);
    System.out.printf("train accuracy %.4f, held-out accuracy %.4f (%d points)%n", trainAcc, heldAcc,
        heldOut.size());
    Model.save(net, out.resolve("model.safetensors"));
    writePictures(net, train, h, trainAcc, heldAcc);
    System.out.println("wrote " + out.resolve("model.safetensors") + ", history.csv, "
        + "decision-boundary.png/svg, training-curves.png into " + out);
    return 0;
  }

  /** The image recipe's defaults, overridden by every option the user gave. */
  private ImageTraining.Settings imageSettings() {
    ImageTraining.Settings d = ImageTraining.defaults(data, dataDir, model == null ? "mlp" : model,
        out, seed);
    ImageTraining.Settings s = new ImageTraining.Settings(data, dataDir, d.model(),
        optimizer == null ? d.optimizer() : optimizer, lr == null ? d.lr() : lr,
        epochs == null ? d.epochs() : epochs, batchSize == null ? d.batchSize() : batchSize,
        l2 == null ? d.l2() : l2, seed, augment, d.cosine(), out);
    Choices.checkPositive("epochs", s.epochs());
    Choices.checkPositive("batch-size", s.batchSize());
    if (!(s.lr() > 0) || Double.isInfinite(s.lr())) {
      throw new IllegalArgumentException("learning rate must be a positive number, got " + s.lr());
    }
    return s;
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
