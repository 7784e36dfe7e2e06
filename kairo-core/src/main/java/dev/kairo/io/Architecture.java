package dev.kairo.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kairo.nn.Activation;
import dev.kairo.nn.BatchNorm;
import dev.kairo.nn.Dropout;
import dev.kairo.nn.LayerNorm;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.PRelu;
import dev.kairo.nn.RRelu;
import dev.kairo.nn.Sequential;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Describes a model's structure as JSON and builds it back, so a saved model loads without the
 * Java code that trained it. Every built-in layer is registered here, explicitly; register
 * your own layer types with {@link #register} (a type nobody registered cannot be described,
 * and the error says so).
 *
 * <pre>{@code
 * ObjectNode json = Architecture.describe(model);     // {"type":"Sequential","layers":[...]}
 * Module again = Architecture.build(json);           // same structure, fresh weights
 * }</pre>
 */
public final class Architecture {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Class<?>, Entry<?>> BY_CLASS = new LinkedHashMap<>();
  private static final Map<String, Entry<?>> BY_TYPE = new LinkedHashMap<>();

  private Architecture() {}

  /** How one layer type is written and rebuilt. */
  private record Entry<M extends Module>(String type, Class<M> cls,
      java.util.function.BiConsumer<M, ObjectNode> describe, Function<JsonNode, Module> build) {}

  static {
    register("Sequential", Sequential.class, (m, o) -> {
      ArrayNode layers = o.putArray("layers");
      for (int i = 0; i < m.size(); i++) {
        layers.add(describe(m.get(i)));
      }
    }, o -> {
      Sequential s = new Sequential();
      for (JsonNode l : required(o, "layers")) {
        s.add(build(l));
      }
      return s;
    });
    register("Linear", Linear.class, (m, o) -> {
      o.put("in", m.inFeatures());
      o.put("out", m.outFeatures());
      o.put("bias", m.bias != null);
    }, o -> new Linear(required(o, "in").asInt(), required(o, "out").asInt(),
        o.path("bias").asBoolean(true), new SplittableRandom(0)));
    register("Activation", Activation.class, (m, o) -> {
      o.put("kind", m.kind());
      if (!Double.isNaN(m.argument())) {
        o.put("arg", m.argument());
      }
    }, o -> Activation.of(required(o, "kind").asText(), o.path("arg").asDouble(Double.NaN)));
    register("BatchNorm", BatchNorm.class, (m, o) -> {
      o.put("channels", m.channels());
      o.put("eps", m.eps());
      o.put("momentum", m.momentum());
    }, o -> new BatchNorm(required(o, "channels").asInt(), (float) o.path("eps").asDouble(1e-5),
        (float) o.path("momentum").asDouble(0.1)));
    register("LayerNorm", LayerNorm.class, (m, o) -> {
      ArrayNode s = o.putArray("shape");
      for (int d : m.normalizedShape()) {
        s.add(d);
      }
      o.put("eps", m.eps());
    }, o -> {
      JsonNode s = required(o, "shape");
      int[] shape = new int[s.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = s.get(i).asInt();
      }
      return new LayerNorm((float) o.path("eps").asDouble(1e-5), shape);
    });
    register("Dropout", Dropout.class, (m, o) -> {
      o.put("p", m.probability());
      o.put("seed", m.seed());
    }, o -> new Dropout(required(o, "p").asDouble(), o.path("seed").asLong(0)));
    register("PRelu", PRelu.class, (m, o) -> o.put("channels", m.channels()),
        o -> new PRelu(required(o, "channels").asInt()));
    register("RRelu", RRelu.class, (m, o) -> {
      o.put("lower", m.lower());
      o.put("upper", m.upper());
    }, o -> new RRelu((float) required(o, "lower").asDouble(), (float) required(o, "upper").asDouble(),
        new SplittableRandom(0)));

    // ---- recurrent: LSTM, GRU, RNN share their knobs (fully qualified to stay one block)
    java.util.function.BiConsumer<dev.kairo.nn.RecurrentLayer, ObjectNode> rnnOut = (m, o) -> {
      o.put("input", m.inputSize());
      o.put("hidden", m.hiddenSize());
      o.put("layers", m.numLayers());
      o.put("bias", m.hasBias());
      o.put("batchFirst", m.batchFirst());
      o.put("dropout", m.dropout());
      o.put("dropoutSeed", m.dropoutSeed());
      if (m instanceof dev.kairo.nn.RNN r) {
        o.put("nonlinearity", r.nonlinearity());
      }
    };
    java.util.function.BiFunction<JsonNode, dev.kairo.nn.RecurrentLayer.Builder<?>, Module> rnnIn =
        (o, b) -> {
          b.layers(o.path("layers").asInt(1)).bias(o.path("bias").asBoolean(true))
              .batchFirst(o.path("batchFirst").asBoolean(true))
              .dropout(o.path("dropout").asDouble(0)).dropoutSeed(o.path("dropoutSeed").asLong(0))
              .seed(0);
          if (o.has("nonlinearity")) {
            b.nonlinearity(o.get("nonlinearity").asText());
          }
          return b.build();
        };
    register("LSTM", dev.kairo.nn.LSTM.class, rnnOut::accept, o -> rnnIn.apply(o,
        dev.kairo.nn.LSTM.builder(required(o, "input").asInt(), required(o, "hidden").asInt())));
    register("GRU", dev.kairo.nn.GRU.class, rnnOut::accept, o -> rnnIn.apply(o,
        dev.kairo.nn.GRU.builder(required(o, "input").asInt(), required(o, "hidden").asInt())));
    register("RNN", dev.kairo.nn.RNN.class, rnnOut::accept, o -> rnnIn.apply(o,
        dev.kairo.nn.RNN.builder(required(o, "input").asInt(), required(o, "hidden").asInt())));
  }

  /**
   * Registers a layer type: its name in JSON, its class, how to write its settings into the
   * JSON object, and how to build a fresh instance from that object.
   */
  public static synchronized <M extends Module> void register(String type, Class<M> cls,
      java.util.function.BiConsumer<M, ObjectNode> describe, Function<JsonNode, Module> build) {
    Entry<M> e = new Entry<>(type, cls, describe, build);
    BY_CLASS.put(cls, e);
    BY_TYPE.put(type, e);
  }

  /**
   * The JSON description of a model.
   *
   * @throws IllegalArgumentException naming the first layer whose type is not registered
   */
  @SuppressWarnings("unchecked")
  public static synchronized ObjectNode describe(Module m) {
    Entry<Module> e = (Entry<Module>) BY_CLASS.get(m.getClass());
    if (e == null) {
      throw new IllegalArgumentException("Architecture: " + m.getClass().getName()
          + " is not a registered layer type; register it with Architecture.register(...) "
          + "or save the weights alone with Model.saveWeights");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("type", e.type());
    e.describe().accept(m, o);
    return o;
  }

  /**
   * Builds a model with fresh weights from its description.
   *
   * @throws IllegalArgumentException naming an unknown type or a missing field
   */
  public static synchronized Module build(JsonNode o) {
    String type = required(o, "type").asText();
    Entry<?> e = BY_TYPE.get(type);
    if (e == null) {
      throw new IllegalArgumentException("Architecture: unknown layer type '" + type
          + "'; known: " + BY_TYPE.keySet());
    }
    return e.build().apply(o);
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("Architecture: layer " + o.path("type").asText("?")
          + " needs '" + field + "' in " + o);
    }
    return v;
  }

  // ---- convolution and pooling
  // (classes named in full so this block merges without touching the imports)

  static {
    register("Conv2d", dev.kairo.nn.Conv2d.class, Architecture::describeConv,
        o -> configureConv(dev.kairo.nn.Conv2d.builder(required(o, "in").asInt(),
            required(o, "out").asInt(), 1), o).build());
    register("Conv1d", dev.kairo.nn.Conv1d.class, Architecture::describeConv,
        o -> configureConv(dev.kairo.nn.Conv1d.builder(required(o, "in").asInt(),
            required(o, "out").asInt(), 1), o).build());
    register("ConvTranspose2d", dev.kairo.nn.ConvTranspose2d.class, (m, o) -> {
      describeConv(m, o);
      putInts(o, "output_padding", m.outputPadding());
    }, o -> configureConv(dev.kairo.nn.ConvTranspose2d.builder(required(o, "in").asInt(),
        required(o, "out").asInt(), 1), o).outputPadding(ints(o, "output_padding")).build());
    register("MaxPool2d", dev.kairo.nn.MaxPool2d.class, (m, o) -> {
      putInts(o, "kernel", m.kernelSize());
      putInts(o, "stride", m.stride());
      putInts(o, "padding", m.padding());
      putInts(o, "dilation", m.dilation());
    }, o -> new dev.kairo.nn.MaxPool2d(ints(o, "kernel"), ints(o, "stride"), ints(o, "padding"),
        ints(o, "dilation")));
    register("AvgPool2d", dev.kairo.nn.AvgPool2d.class, (m, o) -> {
      putInts(o, "kernel", m.kernelSize());
      putInts(o, "stride", m.stride());
      putInts(o, "padding", m.padding());
      o.put("count_include_pad", m.countIncludePad());
    }, o -> new dev.kairo.nn.AvgPool2d(ints(o, "kernel"), ints(o, "stride"), ints(o, "padding"),
        o.path("count_include_pad").asBoolean(true)));
    register("GlobalAvgPool", dev.kairo.nn.GlobalAvgPool.class, (m, o) -> { },
        o -> new dev.kairo.nn.GlobalAvgPool());
    register("Flatten", dev.kairo.nn.Flatten.class, (m, o) -> { },
        o -> new dev.kairo.nn.Flatten());
    register("Dropout2d", dev.kairo.nn.Dropout2d.class, (m, o) -> {
      o.put("p", m.probability());
      o.put("seed", m.seed());
    }, o -> new dev.kairo.nn.Dropout2d(required(o, "p").asDouble(), o.path("seed").asLong(0)));
    register("ResidualBlock", dev.kairo.nn.ResidualBlock.class, (m, o) -> {
      o.put("in", m.inChannels());
      o.put("out", m.outChannels());
      o.put("stride", m.stride());
    }, o -> new dev.kairo.nn.ResidualBlock(required(o, "in").asInt(),
        required(o, "out").asInt(), o.path("stride").asInt(1), 0L));
  }

  private static void describeConv(dev.kairo.nn.ConvLayer m, ObjectNode o) {
    o.put("in", m.inChannels());
    o.put("out", m.outChannels());
    putInts(o, "kernel", m.kernelSize());
    putInts(o, "stride", m.stride());
    putInts(o, "padding", m.padding());
    putInts(o, "dilation", m.dilation());
    o.put("groups", m.groups());
    o.put("bias", m.bias != null);
  }

  private static <L extends Module> dev.kairo.nn.ConvBuilder<L> configureConv(
      dev.kairo.nn.ConvBuilder<L> b, JsonNode o) {
    return b.kernel(ints(o, "kernel")).stride(ints(o, "stride")).padding(ints(o, "padding"))
        .dilation(ints(o, "dilation")).groups(o.path("groups").asInt(1))
        .bias(o.path("bias").asBoolean(true)).seed(0);
  }

  private static void putInts(ObjectNode o, String field, int[] values) {
    ArrayNode a = o.putArray(field);
    for (int v : values) {
      a.add(v);
    }
  }

  private static int[] ints(JsonNode o, String field) {
    JsonNode a = required(o, field);
    int[] v = new int[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asInt();
    }
    return v;
  }
}
