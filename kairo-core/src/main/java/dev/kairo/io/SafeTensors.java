package dev.kairo.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
 * naming each tensor's dtype, shape and byte range, then the raw little-endian data. Loading
 * runs no code, and PyTorch, NumPy and other tools read and write it.
 *
 * <pre>{@code
 * SafeTensors.write(Path.of("model.safetensors"), model.stateDict(), Map.of("format", "pt"));
 * SafeTensors.Contents c = SafeTensors.read(Path.of("model.safetensors"));
 * Tensor w = c.tensors().get("fc1.weight");
 * }</pre>
 *
 * <p>Reading trusts nothing: the header length, every byte range, dtype and shape are checked
 * against the file's real size before any tensor is allocated (a header that claims a
 * terabyte is refused, not attempted), ranges may not overlap or leave holes, and every error
 * names the file and what is wrong. F32 is written; F32, F64, F16, BF16, I64, I32, I16, I8,
 * U8 and BOOL are read and converted to float32 (PyTorch writes batch norm's
 * {@code num_batches_tracked} as I64). Writing goes to a temporary file that is moved into
 * place, so a crash mid-save leaves the previous file whole.
 */
public final class SafeTensors {
  /** The largest JSON header accepted (the reference implementation's limit). */
  public static final long MAX_HEADER_BYTES = 100L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafeTensors() {}

  /** What a file holds: tensors by name in file order, and the string metadata. */
  public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

  private enum DType {
    F32(4), F64(8), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    final int bytes;

    DType(int bytes) {
      this.bytes = bytes;
    }
  }

  /** Writes tensors (as F32, in the map's order) and metadata atomically to {@code file}. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (metadata != null && !metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    List<float[]> data = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      if (e.getKey().equals("__metadata__")) {
        throw new IllegalArgumentException("safetensors: '__metadata__' cannot name a tensor");
      }
      Tensor t = e.getValue();
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", "F32");
      ArrayNode shape = entry.putArray("shape");
      for (int d : t.shape()) {
        shape.add(d);
      }
      long bytes = 4L * t.numel();
      entry.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
      data.add(t.denseData());
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;   // align the data to 8 bytes, as the reference does
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    head.flip();
    AtomicFiles.write(file, ch -> {
      ch.write(head);
      ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] d : data) {
        for (float v : d) {
          if (!buf.hasRemaining()) {
            buf.flip();
            while (buf.hasRemaining()) {
              ch.write(buf);
            }
            buf.clear();
          }
          buf.putFloat(v);
        }
      }
      buf.flip();
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    });
  }

  /**
   * Reads a file, checking it completely before allocating tensors.
   *
   * @throws ModelFileException naming the file and what is wrong with it
   */
  public static Contents read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw new ModelFileException(file, "is " + size + " bytes, too short for a safetensors "
            + "header length (8 bytes)");
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0, file);
      long headerLen = lenBuf.flip().getLong();
      if (headerLen < 2 || headerLen > MAX_HEADER_BYTES || headerLen > size - 8) {
        throw new ModelFileException(file, "declares a header of " + Long.toUnsignedString(headerLen)
            + " bytes, but the file has " + (size - 8) + " bytes after the length field"
            + (headerLen > MAX_HEADER_BYTES ? " (and the limit is " + MAX_HEADER_BYTES + ")" : ""));
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      readFully(ch, hb, 8, file);
      JsonNode header;
      try {
        header = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new ModelFileException(file, "has a header that is not valid JSON: "
            + e.getOriginalMessage());
      }
      if (header == null || !header.isObject()) {
        throw new ModelFileException(file, "has a header that is not a JSON object");
      }
      long dataStart = 8 + headerLen;
      long dataLen = size - dataStart;
      Map<String, String> metadata = new LinkedHashMap<>();
      List<Entry> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().equals("__metadata__")) {
          readMetadata(file, f.getValue(), metadata);
        } else {
          entries.add(Entry.parse(file, f.getKey(), f.getValue(), dataLen));
        }
      }
      checkCoverage(file, entries, dataLen);
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (Entry e : entries) {
        tensors.put(e.name, e.load(ch, dataStart, file));
      }
      return new Contents(Collections.unmodifiableMap(tensors),
          Collections.unmodifiableMap(metadata));
    }
  }

  private static void readMetadata(Path file, JsonNode meta, Map<String, String> out)
      throws ModelFileException {
    if (!meta.isObject()) {
      throw new ModelFileException(file, "has a __metadata__ that is not an object of strings");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (!m.getValue().isTextual()) {
        throw new ModelFileException(file, "has a non-string __metadata__ value for '"
            + m.getKey() + "'");
      }
      out.put(m.getKey(), m.getValue().asText());
    }
  }

  /** Byte ranges must tile the data exactly: sorted, no overlap, no hole, nothing after. */
  private static void checkCoverage(Path file, List<Entry> entries, long dataLen)
      throws ModelFileException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> Long.compare(a.begin, b.begin));
    long at = 0;
    for (Entry e : sorted) {
      if (e.begin != at) {
        throw new ModelFileException(file, "tensor '" + e.name + "' starts at byte " + e.begin
            + (e.begin < at ? ", overlapping the previous tensor (which ends at " + at + ")"
                : ", leaving a hole after byte " + at));
      }
      at = e.end;
    }
    if (at != dataLen) {
      throw new ModelFileException(file, "has " + dataLen + " data bytes but its tensors cover "
          + at + (at < dataLen ? " (trailing bytes)" : ""));
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file)
      throws IOException {
    long p = pos;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, p);
      if (n < 0) {
        throw new ModelFileException(file, "ended early at byte " + p);
      }
      p += n;
    }
  }

  /** One validated header entry. */
  private static final class Entry {
    final String name;
    final DType dtype;
    final int[] shape;
    final long begin;
    final long end;

    private Entry(String name, DType dtype, int[] shape, long begin, long end) {
      this.name = name;
      this.dtype = dtype;
      this.shape = shape;
      this.begin = begin;
      this.end = end;
    }

    static Entry parse(Path file, String name, JsonNode n, long dataLen)
        throws ModelFileException {
      String where = "tensor '" + name + "'";
      if (!n.isObject()) {
        throw new ModelFileException(file, where + " is not described by an object");
      }
      JsonNode dt = n.get("dtype");
      DType dtype;
      try {
        dtype = DType.valueOf(dt == null ? "" : dt.asText());
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(file, where + " has unknown dtype '"
            + (dt == null ? "(none)" : dt.asText()) + "'; Kairo reads F32, F64, F16, BF16, I64, "
            + "I32, I16, I8, U8 and BOOL");
      }
      JsonNode sh = n.get("shape");
      if (sh == null || !sh.isArray()) {
        throw new ModelFileException(file, where + " has no shape array");
      }
      int[] shape = new int[sh.size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        JsonNode d = sh.get(i);
        if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0
            || d.asLong() > Integer.MAX_VALUE) {
          throw new ModelFileException(file, where + " has an invalid dimension " + d);
        }
        shape[i] = (int) d.asLong();
        count *= shape[i];
        if (count > Integer.MAX_VALUE - 8) {
          throw new ModelFileException(file, where + " declares more elements than a Java array holds");
        }
      }
      JsonNode off = n.get("data_offsets");
      if (off == null || !off.isArray() || off.size() != 2 || !off.get(0).isIntegralNumber()
          || !off.get(1).isIntegralNumber()) {
        throw new ModelFileException(file, where + " needs data_offsets [begin, end]");
      }
      long begin = off.get(0).asLong();
      long end = off.get(1).asLong();
      if (begin < 0 || end < begin || end > dataLen) {
        throw new ModelFileException(file, where + " has data_offsets [" + begin + ", " + end
            + "] outside the " + dataLen + " data bytes");
      }
      if (end - begin != count * dtype.bytes) {
        throw new ModelFileException(file, where + " of dtype " + dtype + " and shape "
            + java.util.Arrays.toString(shape) + " needs " + count * dtype.bytes
            + " bytes, but data_offsets give " + (end - begin));
      }
      return new Entry(name, dtype, shape, begin, end);
    }

    Tensor load(FileChannel ch, long dataStart, Path file) throws IOException {
      int count = (int) ((end - begin) / dtype.bytes);
      float[] out = new float[count];
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(end - begin, 1 << 20))
          .order(ByteOrder.LITTLE_ENDIAN);
      long pos = dataStart + begin;
      int at = 0;
      while (at < count) {
        buf.clear();
        int want = (int) Math.min((long) (count - at) * dtype.bytes, buf.capacity());
        buf.limit(want - want % dtype.bytes);
        readFully(ch, buf, pos, file);
        pos += buf.limit();
        buf.flip();
        while (buf.hasRemaining()) {
          out[at++] = decode(buf);
        }
      }
      return Tensor.of(out, shape);
    }

    private float decode(ByteBuffer b) {
      switch (dtype) {
        case F32: return b.getFloat();
        case F64: return (float) b.getDouble();
        case F16: return Float16.toFloat(b.getShort());
        case BF16: return Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
        case I64: return b.getLong();
        case I32: return b.getInt();
        case I16: return b.getShort();
        case I8: return b.get();
        case U8: return b.get() & 0xff;
        case BOOL: return b.get() != 0 ? 1f : 0f;
        default: throw new AssertionError(dtype);
      }
    }
  }
}
