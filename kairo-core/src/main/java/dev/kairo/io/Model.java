package dev.kairo.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kairo.nn.Module;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saving and loading trained models. A model file is one safetensors file (weights and
 * buffers under their dotted names, readable by PyTorch) whose metadata carries the format
 * version and the architecture; a copy of the architecture is written beside it as
 * {@code NAME.json} for people and tools. Never Java serialization: loading runs no code.
 *
 * <pre>{@code
 * Model.save(model, Path.of("kairo-out/mlp.safetensors"));
 * Module again = Model.load(Path.of("kairo-out/mlp.safetensors"));   // no Java code needed
 * Model.loadWeights(myCustomModel, path);                            // or into your own class
 * }</pre>
 *
 * <p>The file is written to a temporary name and moved into place, so a crash mid-save leaves
 * the previous model whole; a file from a different architecture is refused with the keys
 * and shapes that differ, and the model is left unchanged.
 */
public final class Model {
  /** The format written by this version. Loaders exist for every version up to this one. */
  public static final int FORMAT_VERSION = 1;
  static final String FORMAT_KEY = "kairo.format";
  static final String VERSION_KEY = "kairo.format_version";
  static final String ARCH_KEY = "kairo.architecture";
  static final String META_PREFIX = "kairo.meta.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Model() {}

  /** Saves weights, buffers and architecture (the model's layers must be registered types). */
  public static void save(Module model, Path file) throws IOException {
    save(model, file, Map.of());
  }

  /**
   * Saves as {@link #save(Module, Path)}, plus string facts about the model that its users
   * need and its layers do not say: the input shape of one sample, the class names, the data
   * it was trained on. They are kept in the file's metadata (under {@code kairo.meta.}) and in
   * {@code NAME.json}; read them back with {@link #metadata(Path)}.
   *
   * <pre>{@code
   * Model.save(cnn, path, Map.of("input_shape", "1,28,28", "classes", "T-shirt/top,Trouser,..."));
   * }</pre>
   */
  public static void save(Module model, Path file, Map<String, String> metadata)
      throws IOException {
    ObjectNode arch = Architecture.describe(model);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "pt");
    meta.put(FORMAT_KEY, "kairo-model");
    meta.put(VERSION_KEY, Integer.toString(FORMAT_VERSION));
    meta.put(ARCH_KEY, JSON.writeValueAsString(arch));
    metadata.forEach((k, v) -> {
      if (k == null || k.isBlank() || v == null) {
        throw new IllegalArgumentException("Model.save: metadata keys must be non-blank and"
            + " values non-null, got " + k + "=" + v);
      }
      meta.put(META_PREFIX + k, v);
    });
    SafeTensors.write(file, model.stateDict(), meta);
    ObjectNode beside = JSON.createObjectNode();
    beside.put("format", "kairo-model");
    beside.put("format_version", FORMAT_VERSION);
    beside.put("weights", file.getFileName().toString());
    if (!metadata.isEmpty()) {
      ObjectNode m = beside.putObject("metadata");
      metadata.forEach(m::put);
    }
    beside.set("architecture", arch);
    AtomicFiles.writeString(jsonBeside(file),
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(beside));
  }

  /** The metadata given to {@link #save(Module, Path, Map)} (empty when none was). */
  public static Map<String, String> metadata(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    SafeTensors.read(file).metadata().forEach((k, v) -> {
      if (k.startsWith(META_PREFIX)) {
        out.put(k.substring(META_PREFIX.length()), v);
      }
    });
    return out;
  }

  /** Saves only the weights and buffers (for models with unregistered layer types). */
  public static void saveWeights(Module model, Path file) throws IOException {
    SafeTensors.write(file, model.stateDict(), Map.of("format", "pt"));
  }

  /**
   * Rebuilds a model from its file alone.
   *
   * @throws ModelFileException when the file is not a Kairo model, is from a newer format,
   *     or its weights do not fit its architecture
   */
  public static Module load(Path file) throws IOException {
    SafeTensors.Contents c = SafeTensors.read(file);
    String version = c.metadata().get(VERSION_KEY);
    String arch = c.metadata().get(ARCH_KEY);
    if (!"kairo-model".equals(c.metadata().get(FORMAT_KEY)) || version == null || arch == null) {
      throw new ModelFileException(file, "holds tensors but no Kairo architecture; load them "
          + "into your own model with Model.loadWeights(model, file)");
    }
    int v;
    try {
      v = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new ModelFileException(file, "has an unreadable format version '" + version + "'");
    }
    if (v > FORMAT_VERSION || v < 1) {
      throw new ModelFileException(file, "uses model format version " + v + "; this Kairo reads "
          + "versions 1 to " + FORMAT_VERSION + " (upgrade Kairo to load it)");
    }
    Module m;
    try {
      JsonNode node = JSON.readTree(arch);
      m = Architecture.build(node);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(file, "has an architecture Kairo cannot build: " + e.getMessage());
    }
    apply(m, c.tensors(), file);
    return m;
  }

  /** Loads a file's weights into an existing model whose keys and shapes must match exactly. */
  public static void loadWeights(Module model, Path file) throws IOException {
    apply(model, SafeTensors.read(file).tensors(), file);
  }

  private static void apply(Module m, Map<String, Tensor> tensors, Path file)
      throws ModelFileException {
    try {
      m.loadStateDict(tensors);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, "does not fit the model: " + e.getMessage());
    }
  }

  /** {@code dir/name.json} for {@code dir/name.safetensors}. */
  static Path jsonBeside(Path file) {
    String n = file.getFileName().toString();
    String base = n.endsWith(".safetensors") ? n.substring(0, n.length() - ".safetensors".length()) : n;
    Path dir = file.toAbsolutePath().getParent();
    return dir.resolve(base + ".json");
  }

  /** Whether {@code file} exists and declares itself a Kairo model. */
  public static boolean isKairoModel(Path file) {
    try {
      return Files.isRegularFile(file)
          && "kairo-model".equals(SafeTensors.read(file).metadata().get(FORMAT_KEY));
    } catch (IOException e) {
      return false;
    }
  }
}
