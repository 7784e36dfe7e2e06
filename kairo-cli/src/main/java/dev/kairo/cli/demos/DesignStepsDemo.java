package dev.kairo.cli.demos;

import dev.kairo.autograd.Variable;
import dev.kairo.data.Splits;
import dev.kairo.data.TensorDataset;
import dev.kairo.data.csv.CsvData;
import dev.kairo.data.csv.CsvReader;
import dev.kairo.data.transform.Standardizer;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Init;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Parameter;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.ConfusionMatrix;
import dev.kairo.train.History;
import dev.kairo.train.LossFunction;
import dev.kairo.train.Trainer;
import dev.kairo.train.callbacks.BestModel;
import dev.kairo.train.callbacks.EarlyStopping;
import dev.kairo.viz.Figure;
import dev.kairo.viz.LinePlot;
import dev.kairo.viz.TrainingCurves;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seed 004's eight steps of building a network (E資格's モデル訓練のステップ), worked through on
 * a real data set: Fisher's Iris (1936; 150 flowers, 4 measurements in cm, 3 species, 50 each),
 * in the public domain. The copy in {@code resources/data/iris.csv} was written from
 * scikit-learn's {@code sklearn/datasets/data/iris.csv}, which follows Fisher's paper (as R's
 * {@code iris} does; the UCI copy has two wrong values), with a header and species names added.
 *
 * <ol>
 *   <li>architecture: a fully connected feed-forward network; its depth and width are chosen
 *       in step 8 from a grid of candidates;
 *   <li>input layer: read the CSV; put 30 flowers (10 per species) aside as the test set;
 *       standardise with the training part's mean and deviation; 4 features, so 4 inputs;
 *   <li>hidden layers: ReLU, He-normal initialisation, 1 to 3 layers of 2 to 64 units;
 *   <li>output layer: one unit per class (3), turned into probabilities by softmax;
 *   <li>error: the cross-entropy of the softmax against the species;
 *   <li>backpropagation: {@code loss.backward()} fills every parameter's gradient;
 *   <li>update rule: Adam, learning rate 0.01, mini-batches of 16;
 *   <li>the best model: every candidate is trained on each of 5 stratified folds of the other
 *       120 flowers (96 to train, 24 to validate), keeping the weights of the epoch with the
 *       lowest validation loss (BestModel) and stopping when it has not improved for 30 epochs
 *       (EarlyStopping); the candidate with the best mean validation accuracy (then loss)
 *       wins. With 24 flowers a fold, one flower is 4 points of accuracy, so the mean over five
 *       folds is what makes candidates comparable. The winner's first-fold model is then scored
 *       once on the test set.
 * </ol>
 */
public final class DesignStepsDemo {
  /** Candidate depths (hidden layers). */
  public static final int[] DEPTHS = {1, 2, 3};
  /** Candidate widths (units per hidden layer). */
  public static final int[] WIDTHS = {2, 4, 8, 16, 64};
  /** Folds of the cross-validation. */
  public static final int FOLDS = 5;
  private static final double LR = 0.01;
  private static final int BATCH = 16;
  private static final int PATIENCE = 30;

  private DesignStepsDemo() {}

  /** One candidate's outcome, averaged over the folds. */
  public record Candidate(int depth, int width, long parameters, double meanBestEpoch,
      double valLoss, double valAccuracy) {}

  /** Every candidate, the chosen one, and its test accuracy. */
  public record Result(List<Candidate> candidates, Candidate chosen, double testAccuracy,
      int testSize) {}

  /** Fisher's Iris from the class path, species as classes 0 setosa, 1 versicolor, 2 virginica. */
  public static CsvData iris() throws IOException {
    try (InputStream in = DesignStepsDemo.class.getResourceAsStream("/data/iris.csv")) {
      if (in == null) {
        throw new IOException("data/iris.csv is missing from the class path");
      }
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      return CsvReader.builder().target("species").build().read(r, "iris.csv", null);
    }
  }

  static Sequential network(int inputs, int depth, int width, int classes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Sequential net = new Sequential();
    int in = inputs;
    for (int d = 0; d < depth; d++) {
      Linear l = new Linear(in, width, true, rng);
      l.weight.setData(Init.heNormal(rng, width, in));
      l.bias.setData(Tensor.zeros(width));
      net.add(l).add(Activation.relu());
      in = width;
    }
    net.add(new Linear(in, classes, true, rng));
    return net;
  }

  /** Stratified folds: each class's samples, shuffled, dealt out in turn. */
  static int[][] folds(int[] labels, int k, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int classes = Arrays.stream(labels).max().orElse(0) + 1;
    List<List<Integer>> parts = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      parts.add(new ArrayList<>());
    }
    int next = 0;
    for (int c = 0; c < classes; c++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          idx.add(i);
        }
      }
      for (int i = idx.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Integer t = idx.get(i);
        idx.set(i, idx.get(j));
        idx.set(j, t);
      }
      for (int i : idx) {
        parts.get(next++ % k).add(i);
      }
    }
    return parts.stream().map(p -> p.stream().mapToInt(Integer::intValue).sorted().toArray())
        .toArray(int[][]::new);
  }

  private record FoldData(TensorDataset train, TensorDataset val, Standardizer z) {}

  private static FoldData fold(TensorDataset rest, int[][] folds, int f) {
    int[] valIdx = folds[f];
    int[] trainIdx = Arrays.stream(folds).filter(p -> p != valIdx).flatMapToInt(Arrays::stream)
        .sorted().toArray();
    TensorDataset tr = rest.subset(trainIdx);
    TensorDataset va = rest.subset(valIdx);
    Standardizer z = Standardizer.fit(tr.features());
    return new FoldData(tr.withFeatures(z.transform(tr.features())),
        va.withFeatures(z.transform(va.features())), z);
  }

  /** Walks through the eight steps, prints each, and draws the chosen model's curves. */
  public static Result run(DemoContext ctx) throws IOException {
    int maxEpochs = ctx.pick(300, 40);
    int patience = ctx.pick(PATIENCE, 10);
    int[] depths = ctx.quick() ? new int[] {1, 2} : DEPTHS;
    int[] widths = ctx.quick() ? new int[] {2, 8, 64} : WIDTHS;

    ctx.println("STEP 1  architecture: a fully connected feed-forward network (MLP); depth and"
        + " width are chosen in step 8");
    ctx.printf("        candidates: %s hidden layers x %s units%n%n", Arrays.toString(depths),
        Arrays.toString(widths));

    CsvData csv = iris();
    TensorDataset all = csv.dataset();
    Splits.Split split = Splits.builder().test(0.2).stratified(true).seed(ctx.seed()).split(all);
    TensorDataset rest = split.train();
    TensorDataset testRaw = split.test();
    int[][] folds = folds(rest.labels(), FOLDS, ctx.seed());
    int inputs = all.featureShape()[0];
    int classes = all.numClasses();
    FoldData first = fold(rest, folds, 0);
    ctx.printf("STEP 2  input layer: Iris (Fisher 1936), %d rows, features %s%n", all.size(),
        csv.featureNames());
    ctx.printf("        %d flowers set aside as the test set (stratified); the other %d in %d "
        + "stratified folds of %d%n", testRaw.size(), rest.size(), FOLDS, folds[0].length);
    ctx.printf("        standardised with each training part's mean and std (fold 1: mean %s,"
        + " std %s);%n        input size = %d features%n%n", brief(first.z().mean()),
        brief(first.z().std()), inputs);

    ctx.println("STEP 3  hidden layers: ReLU (no vanishing gradient), He-normal initial "
        + "weights, zero biases");
    ctx.printf("        sizes: %s units, %s layers (chosen in step 8)%n%n",
        Arrays.toString(widths), Arrays.toString(depths));

    ctx.printf("STEP 4  output layer: %d units, one per class %s; softmax turns them into "
        + "probabilities%n%n", classes, csv.classNames());

    ctx.println("STEP 5  error: cross-entropy of the softmax against the true species, "
        + "averaged over the batch");
    Sequential probe = network(inputs, 1, 8, classes, ctx.seed());
    Variable probeLoss = F.softmaxCrossEntropy(
        probe.forward(Variable.of(first.train().features())), first.train().labels());
    ctx.printf("        loss of an untrained 4-8-3 network on fold 1's training part: %.4f "
        + "(log 3 = %.4f)%n%n", probeLoss.item(), Math.log(3));

    ctx.println("STEP 6  backpropagation: loss.backward() fills every parameter's gradient");
    probeLoss.backward();
    for (Map.Entry<String, Parameter> e : probe.namedParameters().entrySet()) {
      ctx.printf("        %-9s shape %-7s |grad| = %.4f%n", e.getKey(),
          Arrays.toString(e.getValue().shape()), norm(e.getValue().grad()));
    }
    ctx.println("");

    ctx.printf("STEP 7  update rule: Adam, lr %.2f, mini-batches of %d, up to %d epochs%n%n",
        LR, BATCH, maxEpochs);

    ctx.printf("STEP 8  best model: in each of the %d folds keep the epoch with the lowest "
        + "validation loss (BestModel),%n        stop after %d epochs without improvement "
        + "(EarlyStopping); pick the best mean validation accuracy%n", FOLDS, patience);
    ctx.println("        depth  width  params  mean best epoch  val loss  val accuracy");
    List<Candidate> cands = new ArrayList<>();
    List<Sequential> firstFoldModels = new ArrayList<>();
    List<History> firstFoldHistories = new ArrayList<>();
    for (int depth : depths) {
      for (int width : widths) {
        double loss = 0;
        double acc = 0;
        double epochs = 0;
        long params = 0;
        for (int f = 0; f < FOLDS; f++) {
          FoldData fd = f == 0 ? first : fold(rest, folds, f);
          Sequential net = network(inputs, depth, width, classes, ctx.seed() + f);
          BestModel best = new BestModel("val_loss");
          Trainer trainer = Trainer.builder(net, new Adam(net.parameters(), LR),
                  LossFunction.softmaxCrossEntropy())
              .epochs(maxEpochs).batchSize(BATCH).seed(ctx.seed() + f).prefetch(false)
              .callbacks(best, new EarlyStopping("val_loss", patience)).build();
          History h = trainer.fit(fd.train(), fd.val());
          Map<String, Double> at = h.epoch(best.bestEpoch() - 1);
          loss += at.get("val_loss") / FOLDS;
          acc += at.get("val_accuracy") / FOLDS;
          epochs += best.bestEpoch() / (double) FOLDS;
          params = net.parameterCount();
          if (f == 0) {
            firstFoldModels.add(net);
            firstFoldHistories.add(h);
          }
        }
        Candidate c = new Candidate(depth, width, params, epochs, loss, acc);
        cands.add(c);
        ctx.printf("        %5d  %5d  %6d  %15.0f  %8.4f  %12.3f%n", depth, width,
            c.parameters(), c.meanBestEpoch(), c.valLoss(), c.valAccuracy());
      }
    }
    int bestIdx = 0;
    for (int i = 1; i < cands.size(); i++) {
      Candidate a = cands.get(i);
      Candidate b = cands.get(bestIdx);
      if (a.valAccuracy() > b.valAccuracy() + 1e-9
          || (Math.abs(a.valAccuracy() - b.valAccuracy()) <= 1e-9 && a.valLoss() < b.valLoss())) {
        bestIdx = i;
      }
    }
    Candidate chosen = cands.get(bestIdx);
    Sequential model = firstFoldModels.get(bestIdx);
    TensorDataset test = testRaw.withFeatures(first.z().transform(testRaw.features()));
    Trainer.Evaluation ev = Trainer.evaluate(model, test, 256, LossFunction.softmaxCrossEntropy());
    ctx.printf("%nchosen: %d hidden layer(s) of %d units (%d parameters): mean validation "
        + "accuracy %.3f, loss %.4f%n", chosen.depth(), chosen.width(), chosen.parameters(),
        chosen.valAccuracy(), chosen.valLoss());
    ctx.printf("test accuracy of its fold-1 model (the test set used once): %.3f (%d of %d)%n",
        ev.accuracy(), Math.round(ev.accuracy() * test.size()), test.size());
    ctx.println("confusion matrix on the test set (classes " + csv.classNames() + "):");
    ctx.println(ConfusionMatrix.of(ev.predicted(), test.labels(), classes).toString());

    History h = firstFoldHistories.get(bestIdx);
    TrainingCurves curves = TrainingCurves.of(h.series("loss"), h.series("val_loss"))
        .metric("accuracy", h.series("accuracy"), h.series("val_accuracy"));
    LinePlot acc = new LinePlot(FOLDS + "-fold validation accuracy vs parameters")
        .xLabel("log10(parameters)").yLabel("mean validation accuracy").markers(true);
    LinePlot.Line[] lines = {LinePlot.Line.SOLID, LinePlot.Line.DASHED, LinePlot.Line.DOTTED};
    for (int di = 0; di < depths.length; di++) {
      int depth = depths[di];
      List<Candidate> row = cands.stream().filter(c -> c.depth() == depth).toList();
      double[] px = row.stream().mapToDouble(c -> Math.log10(c.parameters())).toArray();
      double[] py = row.stream().mapToDouble(Candidate::valAccuracy).toArray();
      acc.series(depth + " hidden layer" + (depth > 1 ? "s" : ""), px, py,
          lines[di % lines.length]);
    }
    ctx.save(new Figure(1, 3).add(curves.lossPlot().title("Chosen model: loss (fold 1)"))
        .add(curves.metricPlot().title("Chosen model: accuracy (fold 1)")).add(acc)
        .title(String.format(Locale.ROOT, "Seed 004's eight steps on Iris: the chosen %d x %d "
            + "ReLU network (%d parameters) scores %.3f on the test set", chosen.depth(),
            chosen.width(), chosen.parameters(), ev.accuracy()))
        .size(1500, 460), "design-steps.png");
    return new Result(cands, chosen, ev.accuracy(), test.size());
  }

  private static String brief(Tensor t) {
    StringBuilder s = new StringBuilder("[");
    for (float v : t.toArray()) {
      s.append(s.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v));
    }
    return s.append(']').toString();
  }

  private static double norm(Tensor t) {
    if (t == null) {
      return 0;
    }
    double s = 0;
    for (float v : t.toArray()) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }
}
