package dev.kairo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
  @TempDir
  Path dir;

  private static Map<String, Tensor> sample() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("fc1.weight", Tensor.arange(6).reshape(2, 3).div(4f));
    m.put("fc1.bias", Tensor.vector(-1.5f, 2.5f));
    m.put("scalar", Tensor.scalar(3f));
    m.put("empty", Tensor.zeros(0, 4));
    return m;
  }

  @Test
  void roundTripsTensorsAndMetadataInOrder() throws IOException {
    Path f = dir.resolve("m.safetensors");
    SafeTensors.write(f, sample(), Map.of("format", "pt", "kairo", "1"));
    SafeTensors.Contents c = SafeTensors.read(f);
    assertThat(c.tensors().keySet()).containsExactly("fc1.weight", "fc1.bias", "scalar", "empty");
    sample().forEach((k, t) -> {
      assertThat(c.tensors().get(k).shape()).containsExactly(t.shape());
      assertThat(c.tensors().get(k).toArray()).containsExactly(t.toArray());
    });
    assertThat(c.metadata()).containsEntry("format", "pt");
    byte[] bytes = Files.readAllBytes(f);
    long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(headerLen % 8).as("data aligned to 8 bytes").isZero();
    assertThat(bytes.length - 8 - headerLen).isEqualTo(4 * (6 + 2 + 1));
  }

  private Path raw(String header, int dataBytes) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    Path f = dir.resolve("bad.safetensors");
    Files.write(f, b.array());
    return f;
  }

  @Test
  void refusesHostileOrCorruptFilesWithClearMessages() throws IOException {
    Path f = dir.resolve("short.safetensors");
    Files.write(f, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> SafeTensors.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("short.safetensors").hasMessageContaining("too short");

    // header length larger than the file, and an absurd one: refused before allocating
    Path big = dir.resolve("big.safetensors");
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
    Files.write(big, b.array());
    assertThatThrownBy(() -> SafeTensors.read(big)).hasMessageContaining("declares a header of 1099511627776");

    String ok = "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    assertThat(SafeTensors.read(raw(ok, 8)).tensors().get("t").numel()).isEqualTo(2);
    assertThatThrownBy(() -> SafeTensors.read(raw(ok, 4)))
        .hasMessageContaining("tensor 't'").hasMessageContaining("outside the 4 data bytes");
    assertThatThrownBy(() -> SafeTensors.read(raw(ok, 12))).hasMessageContaining("trailing bytes");
    assertThatThrownBy(() -> SafeTensors.read(raw(
        "{\"t\":{\"dtype\":\"F32\",\"shape\":[1000000,1000000],\"data_offsets\":[0,8]}}", 8)))
        .hasMessageContaining("more elements");
    assertThatThrownBy(() -> SafeTensors.read(raw(
        "{\"t\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8)))
        .hasMessageContaining("needs 12 bytes, but data_offsets give 8");
    assertThatThrownBy(() -> SafeTensors.read(raw(
        "{\"t\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8)))
        .hasMessageContaining("unknown dtype 'Q4'");
    assertThatThrownBy(() -> SafeTensors.read(raw(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12)))
        .hasMessageContaining("overlapping");
    assertThatThrownBy(() -> SafeTensors.read(raw(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)))
        .hasMessageContaining("hole");
    assertThatThrownBy(() -> SafeTensors.read(raw("{not json", 0))).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SafeTensors.read(raw("[1,2]", 0))).hasMessageContaining("not a JSON object");
  }

  @Test
  void aFailedWriteLeavesThePreviousFileWhole() throws IOException {
    Path f = dir.resolve("keep.safetensors");
    SafeTensors.write(f, sample(), Map.of());
    byte[] before = Files.readAllBytes(f);
    assertThatThrownBy(() -> AtomicFiles.write(f, ch -> {
      ch.write(ByteBuffer.wrap(new byte[100]));
      throw new IOException("disk full (simulated)");
    })).hasMessageContaining("simulated");
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.safetensors");
    }
  }

  private static String python(String... args) throws Exception {
    Path script = Paths.get("src/test/resources/io/safetensors_peer.py").toAbsolutePath();
    String[] cmd = new String[args.length + 2];
    cmd[0] = "/usr/bin/python3";
    cmd[1] = script.toString();
    System.arraycopy(args, 0, cmd, 2, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static boolean numpyAvailable() throws Exception {
    if (!Files.isExecutable(Paths.get("/usr/bin/python3"))) {
      return false;
    }
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import numpy").start();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void anIndependentReaderReadsKairosFilesAndKairoReadsItsFiles() throws Exception {
    assumeThat(numpyAvailable()).as("python3 with numpy (Debian python3-numpy)").isTrue();
    Path mine = dir.resolve("kairo.safetensors");
    SafeTensors.write(mine, sample(), Map.of("format", "pt"));
    JsonNode seen = new ObjectMapper().readTree(python("read", mine.toString()));
    assertThat(seen.get("fc1.weight").get("shape").toString()).isEqualTo("[2,3]");
    assertThat(seen.get("fc1.weight").get("sum").asDouble()).isEqualTo(15 / 4.0);
    assertThat(seen.get("fc1.bias").get("first").asDouble()).isEqualTo(-1.5);
    assertThat(seen.get("scalar").get("shape").toString()).isEqualTo("[]");
    assertThat(seen.get("__metadata__").get("format").asText()).isEqualTo("pt");

    Path theirs = dir.resolve("numpy.safetensors");
    python("write", theirs.toString());
    SafeTensors.Contents c = SafeTensors.read(theirs);
    assertThat(c.tensors().get("f32").toArray()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f);
    assertThat(c.tensors().get("f64").toArray()).containsExactly(1.5f, -2.25f, 1e-3f);
    assertThat(c.tensors().get("i64").item()).isEqualTo(7f);
    assertThat(c.tensors().get("bf16").toArray()).containsExactly(1f, -3.5f);
    assertThat(c.metadata()).containsEntry("writer", "numpy");
  }
}
