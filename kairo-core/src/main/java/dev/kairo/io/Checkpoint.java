package dev.kairo.io;

import dev.kairo.nn.Module;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint: the model's weights and buffers, the optimizer's state, step count
 * and learning rate, and the epoch, in one safetensors file written atomically. A run resumed
 * from it continues exactly as the uninterrupted run would have (data order and dropout masks
 * are derived from seeds and counters that travel with it).
 *
 * <pre>{@code
 * Checkpoint.save(Path.of("kairo-out/ckpt.safetensors"), model, opt, epoch, Map.of());
 * Checkpoint.Info info = Checkpoint.load(Path.of("kairo-out/ckpt.safetensors"), model, opt);
 * int nextEpoch = info.epoch() + 1;
 * }</pre>
 *
 * <p>Loading checks everything first (format, version, optimizer type, every key and shape)
 * and changes nothing unless all of it fits; a checkpoint of another architecture is refused
 * with the keys that differ.
 */
public final class Checkpoint {
  /** The checkpoint format written by this version. */
  public static final int FORMAT_VERSION = 1;

  private Checkpoint() {}

  /** What a checkpoint says besides the tensors: the epoch it was taken after, and extras. */
  public record Info(int epoch, Map<String, String> extra) {}

  /** Saves model, optimizer and epoch (the number of epochs completed) atomically. */
  public static void save(Path file, Module model, Optimizer optimizer, int epoch,
      Map<String, String> extra) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    model.stateDict().forEach((k, t) -> tensors.put("model." + k, t));
    optimizer.stateTensors().forEach((k, t) -> tensors.put("optimizer." + k, t));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "pt");
    meta.put(Model.FORMAT_KEY, "kairo-checkpoint");
    meta.put(Model.VERSION_KEY, Integer.toString(FORMAT_VERSION));
    meta.put("epoch", Integer.toString(epoch));
    meta.put("optimizer.type", optimizer.getClass().getName());
    meta.put("optimizer.steps", Long.toString(optimizer.stepCount()));
    meta.put("optimizer.lr", Double.toString(optimizer.learningRate()));
    if (extra != null) {
      extra.forEach((k, v) -> meta.put("extra." + k, v));
    }
    SafeTensors.write(file, tensors, meta);
  }

  /**
   * Restores model and optimizer from a checkpoint.
   *
   * @throws ModelFileException when the file is not a checkpoint, is from a newer format, or
   *     does not fit the model or the optimizer (nothing is changed then)
   */
  public static Info load(Path file, Module model, Optimizer optimizer) throws IOException {
    SafeTensors.Contents c = SafeTensors.read(file);
    Map<String, String> meta = c.metadata();
    if (!"kairo-checkpoint".equals(meta.get(Model.FORMAT_KEY))) {
      throw new ModelFileException(file, "is not a Kairo checkpoint"
          + ("kairo-model".equals(meta.get(Model.FORMAT_KEY)) ? " (it is a model file: use Model.load)" : ""));
    }
    int version = parseInt(file, meta, Model.VERSION_KEY);
    if (version < 1 || version > FORMAT_VERSION) {
      throw new ModelFileException(file, "uses checkpoint format version " + version
          + "; this Kairo reads versions 1 to " + FORMAT_VERSION);
    }
    String type = meta.get("optimizer.type");
    if (!optimizer.getClass().getName().equals(type)) {
      throw new ModelFileException(file, "holds the state of optimizer " + type + ", not "
          + optimizer.getClass().getName());
    }
    Map<String, Tensor> modelState = new LinkedHashMap<>();
    Map<String, Tensor> optState = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
      if (e.getKey().startsWith("model.")) {
        modelState.put(e.getKey().substring("model.".length()), e.getValue());
      } else if (e.getKey().startsWith("optimizer.")) {
        optState.put(e.getKey().substring("optimizer.".length()), e.getValue());
      } else {
        throw new ModelFileException(file, "has an unexpected tensor '" + e.getKey() + "'");
      }
    }
    List<String> problems = model.checkStateDict(modelState);
    if (!problems.isEmpty()) {
      throw new ModelFileException(file, "is a checkpoint of a different architecture: "
          + String.join("; ", problems));
    }
    long steps = parseLong(file, meta, "optimizer.steps");
    double lr;
    try {
      lr = Double.parseDouble(meta.get("optimizer.lr"));
      optimizer.loadState(optState, steps, lr);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModelFileException(file, "has optimizer state that does not fit: " + e.getMessage());
    }
    model.loadStateDict(modelState);
    Map<String, String> extra = new LinkedHashMap<>();
    meta.forEach((k, v) -> {
      if (k.startsWith("extra.")) {
        extra.put(k.substring("extra.".length()), v);
      }
    });
    return new Info(parseInt(file, meta, "epoch"), extra);
  }

  private static int parseInt(Path file, Map<String, String> meta, String key)
      throws ModelFileException {
    return (int) parseLong(file, meta, key);
  }

  private static long parseLong(Path file, Map<String, String> meta, String key)
      throws ModelFileException {
    try {
      return Long.parseLong(meta.get(key));
    } catch (NumberFormatException e) {
      throw new ModelFileException(file, "has no valid '" + key + "' in its metadata");
    }
  }
}
