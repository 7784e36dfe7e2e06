package dev.kairo.train;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.Batch;
import dev.kairo.data.BatchIterator;
import dev.kairo.data.DataLoader;
import dev.kairo.data.Dataset;
import dev.kairo.io.Checkpoint;
import dev.kairo.nn.Module;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a model for the user: epochs of seeded mini-batches, validation after each epoch,
 * metrics, callbacks, and a clear stop when the loss stops being a number.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model, new Adam(model.parameters(), 1e-3),
 *         LossFunction.softmaxCrossEntropy())
 *     .epochs(10).batchSize(128).seed(0)
 *     .callbacks(new ProgressBarCallback(), new EarlyStopping("val_loss", 3), new BestModel("val_loss"))
 *     .build();
 * History h = trainer.fit(train, validation);
 * }</pre>
 *
 * <p>Each epoch records {@code loss} (mean over samples), {@code accuracy} (when the targets
 * are classes), {@code val_loss} and {@code val_accuracy} (with validation data), {@code lr},
 * {@code seconds} and {@code samples_per_s}. The same seed gives the same batches, so the same
 * numbers.
 *
 * <p>With a preset loss ({@link LossFunction#softmaxCrossEntropy()},
 * {@link LossFunction#softmaxCrossEntropySum()}, {@link LossFunction#meanSquaredError()}) each
 * batch is one {@link TrainStep}, compiled for a
 * plain MLP and giving the recorded loop's numbers; any other loss is recorded op by op.
 */
public final class Trainer {
  private final Module model;
  private final Optimizer optimizer;
  private final LossFunction loss;
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final boolean prefetch;
  private final dev.kairo.data.BatchTransform transform;
  private final int validateEvery;
  private final Path checkpoint;
  private final Path resumeFrom;
  private final List<Callback> callbacks;

  private Trainer(Builder b) {
    this.model = b.model;
    this.optimizer = b.optimizer;
    this.loss = b.loss;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.prefetch = b.prefetch;
    this.transform = b.transform;
    this.validateEvery = b.validateEvery;
    this.checkpoint = b.checkpoint;
    this.resumeFrom = b.resumeFrom;
    this.callbacks = List.copyOf(b.callbacks);
  }

  /** Starts a trainer for {@code model}, updated by {@code optimizer}, minimising {@code loss}. */
  public static Builder builder(Module model, Optimizer optimizer, LossFunction loss) {
    return new Builder(model, optimizer, loss);
  }

  /** Trains on {@code train} without validation. */
  public History fit(Dataset train) {
    return fit(train, null);
  }

  /**
   * Trains on {@code train}, evaluating on {@code validation} (may be null) after each epoch.
   *
   * @throws TrainingDivergedException when the loss becomes NaN or infinite
   */
  public History fit(Dataset train, Dataset validation) {
    DataLoader loader = DataLoader.builder(train).batchSize(batchSize).shuffle(seed)
        .prefetch(prefetch).transform(transform).build();
    History history = new History();
    TrainingContext ctx = new TrainingContext(model, optimizer, history, epochs,
        loader.numBatches());
    int first = 1;
    if (resumeFrom != null) {
      first = io(() -> Checkpoint.load(resumeFrom, model, optimizer).epoch() + 1, resumeFrom);
    }
    TrainStep step = loss instanceof PresetLoss
        ? TrainStep.of(model, ((PresetLoss) loss).kind(), optimizer) : null;
    boolean failed = true;
    try {
      callbacks.forEach(c -> c.onTrainBegin(ctx));
      for (int epoch = first; epoch <= epochs && !ctx.stopRequested(); epoch++) {
        ctx.setEpoch(epoch);
        int e = epoch;
        callbacks.forEach(c -> c.onEpochBegin(ctx, e));
        Map<String, Double> log = trainEpoch(ctx, loader, epoch, step);
        if (validation != null && (epoch % validateEvery == 0 || epoch == epochs)) {
          Evaluation v = evaluate(model, validation, Math.max(batchSize, 256), loss);
          log.put("val_loss", v.loss());
          if (!Double.isNaN(v.accuracy())) {
            log.put("val_accuracy", v.accuracy());
          }
        }
        history.add(log);
        if (checkpoint != null) {
          int done = epoch;
          io(() -> {
            Checkpoint.save(checkpoint, model, optimizer, done, java.util.Map.of("seed",
                Long.toString(seed)));
            return null;
          }, checkpoint);
        }
        callbacks.forEach(c -> c.onEpochEnd(ctx, history.last()));
      }
      failed = false;
    } finally {
      boolean f = failed;
      model.train();
      callbacks.forEach(c -> c.onTrainEnd(ctx, f));
    }
    return history;
  }

  private Map<String, Double> trainEpoch(TrainingContext ctx, DataLoader loader, int epoch,
      TrainStep step) {
    model.train();
    long start = System.nanoTime();
    double lossSum = 0;
    long seen = 0;
    long correct = 0;
    boolean classes = false;
    int b = 0;
    try (BatchIterator it = loader.epoch(epoch - 1)) {
      while (it.hasNext()) {
        Batch batch = it.next();
        b++;
        // A preset loss on the targets it expects runs as one TrainStep (compiled for a plain
        // MLP, the same numbers); any other loss is recorded here.
        boolean stepped = step != null && step.takesLabels() == batch.hasLabels();
        Variable l = null;
        Variable out = null;
        double lv;
        if (stepped) {
          lv = batch.hasLabels() ? step.forward(batch.x(), batch.labels())
              : step.forward(batch.x(), batch.y());
        } else {
          out = model.forward(Variable.of(batch.x()));
          l = loss.apply(out, batch);
          lv = l.item();
        }
        if (!Double.isFinite(lv)) {
          throw new TrainingDivergedException(epoch, b, lv, optimizer.learningRate());
        }
        if (stepped) {
          step.backward();
        } else {
          optimizer.zeroGrad();
          l.backward();
        }
        callbacks.forEach(c -> c.afterBackward(ctx));
        if (stepped) {
          step.update();
        } else {
          optimizer.step();
        }
        int n = batch.size();
        lossSum += lv * n;
        seen += n;
        Tensor scores = stepped ? step.output() : out.data();
        if (batch.hasLabels() && scores.rank() == 2) {
          classes = true;
          correct += hits(scores, batch.labels());
        }
        int bb = b;
        callbacks.forEach(c -> c.onBatchEnd(ctx, bb, lv, n));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> log = new LinkedHashMap<>();
    log.put("epoch", (double) epoch);
    log.put("loss", lossSum / Math.max(1, seen));
    if (classes) {
      log.put("accuracy", (double) correct / seen);
    }
    log.put("lr", optimizer.learningRate());
    log.put("seconds", seconds);
    log.put("samples_per_s", seen / Math.max(seconds, 1e-9));
    return log;
  }

  private interface IoAction<T> {
    T run() throws IOException;
  }

  private static <T> T io(IoAction<T> a, Path file) {
    try {
      return a.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Trainer: " + e.getMessage(), e);
    }
  }

  private static long hits(Tensor scores, int[] labels) {
    int[] pred = Metrics.argmax(scores);
    long h = 0;
    for (int i = 0; i < pred.length; i++) {
      if (pred[i] == labels[i]) {
        h++;
      }
    }
    return h;
  }

  /** Loss, accuracy (NaN unless the targets are classes) and predicted classes on a data set. */
  public record Evaluation(double loss, double accuracy, int[] predicted) {}

  /**
   * Evaluates {@code model} on {@code data} in evaluation mode without recording a graph; the
   * model's previous mode is restored afterwards.
   */
  public static Evaluation evaluate(Module model, Dataset data, int batchSize, LossFunction loss) {
    boolean wasTraining = model.isTraining();
    model.eval();
    DataLoader loader = DataLoader.builder(data).batchSize(batchSize).noShuffle()
        .prefetch(false).build();
    double lossSum = 0;
    long seen = 0;
    List<int[]> preds = new ArrayList<>();
    long correct = 0;
    boolean classes = false;
    try (NoGrad g = NoGrad.enter(); BatchIterator it = loader.epoch(0)) {
      while (it.hasNext()) {
        Batch batch = it.next();
        Variable out = model.forward(Variable.of(batch.x()));
        lossSum += loss.apply(out, batch).item() * batch.size();
        seen += batch.size();
        if (batch.hasLabels() && out.data().rank() == 2) {
          classes = true;
          int[] p = Metrics.argmax(out.data());
          preds.add(p);
          int[] labels = batch.labels();
          for (int i = 0; i < p.length; i++) {
            if (p[i] == labels[i]) {
              correct++;
            }
          }
        }
      }
    } finally {
      if (wasTraining) {
        model.train();
      }
    }
    int[] predicted = preds.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    return new Evaluation(lossSum / Math.max(1, seen),
        classes ? (double) correct / seen : Double.NaN, classes ? predicted : new int[0]);
  }

  /** Trainer settings; every value is checked when set. */
  public static final class Builder {
    private final Module model;
    private final Optimizer optimizer;
    private final LossFunction loss;
    private int epochs = 10;
    private int batchSize = 32;
    private long seed;
    private boolean prefetch = true;
    private dev.kairo.data.BatchTransform transform;
    private int validateEvery = 1;
    private Path checkpoint;
    private Path resumeFrom;
    private final List<Callback> callbacks = new ArrayList<>();

    private Builder(Module model, Optimizer optimizer, LossFunction loss) {
      if (model == null || optimizer == null || loss == null) {
        throw new IllegalArgumentException("Trainer: model, optimizer and loss are required");
      }
      this.model = model;
      this.optimizer = optimizer;
      this.loss = loss;
    }

    /** Number of epochs, >= 1 (default 10). */
    public Builder epochs(int epochs) {
      if (epochs < 1) {
        throw new IllegalArgumentException("Trainer: epochs must be >= 1, got " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    /** Mini-batch size, >= 1 (default 32); the last partial batch is kept. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("Trainer: batch size must be >= 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** The seed of the per-epoch shuffles (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Gather the next batch on a background thread (default true). */
    /**
     * Transforms each training batch as it is gathered (augmentation such as random crops
     * and flips, seeded per epoch and batch); validation data is never transformed.
     */
    public Builder transform(dev.kairo.data.BatchTransform transform) {
      this.transform = transform;
      return this;
    }

    public Builder prefetch(boolean prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /** Validate every {@code n} epochs (and after the last); default 1. */
    public Builder validateEvery(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("Trainer: validateEvery must be >= 1, got " + n);
      }
      this.validateEvery = n;
      return this;
    }

    /** Write a checkpoint (model, optimizer, epoch) to {@code file} after every epoch. */
    public Builder checkpoint(Path file) {
      this.checkpoint = file;
      return this;
    }

    /**
     * Resume from a checkpoint: model and optimizer state are restored and training continues
     * with the epoch after the saved one, with the same data order it would have had.
     */
    public Builder resumeFrom(Path file) {
      this.resumeFrom = file;
      return this;
    }

    /** Adds callbacks, run in the order given. */
    public Builder callbacks(Callback... cs) {
      callbacks.addAll(List.of(cs));
      return this;
    }

    /** The trainer. */
    public Trainer build() {
      return new Trainer(this);
    }
  }
}
