package dev.kairo.data.idx;

import static dev.kairo.data.idx.IdxBytes.gzip;
import static dev.kairo.data.idx.IdxBytes.idx;
import static dev.kairo.data.idx.IdxBytes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsPlainUnsignedBytesWithShapeMagicAndValues() throws Exception {
    Path f = write(dir, "imgs-idx3-ubyte", IdxBytes.images(3, 4, 5));
    IdxArray a = IdxReader.read(f);
    assertThat(a.shape()).containsExactly(3, 4, 5);
    assertThat(a.magic()).isEqualTo(0x00000803);
    assertThat(a.type()).isEqualTo(IdxType.UNSIGNED_BYTE);
    assertThat(a.numel()).isEqualTo(60);
    byte[] expected = IdxBytes.pattern(60);
    for (int k = 0; k < 60; k++) {
      assertThat(a.getInt(k)).isEqualTo(expected[k] & 0xff);
    }
    assertThat(a.unsignedBytes()).containsExactly(expected);
    assertThat(a.toTensor().shape()).containsExactly(3, 4, 5);
    assertThat(a.toTensor().get(2, 3, 4)).isEqualTo(expected[59] & 0xff);
    assertThat(a.source()).isEqualTo(f.toString());
  }

  @Test
  void gzipIsDetectedByItsBytesNotByItsName() throws Exception {
    byte[] raw = IdxBytes.labels(3, 1, 4, 1, 5);
    IdxArray zippedNoSuffix = IdxReader.read(write(dir, "labels-idx1-ubyte", gzip(raw)));
    IdxArray plainWithSuffix = IdxReader.read(write(dir, "plain.gz", raw));
    for (IdxArray a : new IdxArray[] {zippedNoSuffix, plainWithSuffix}) {
      assertThat(a.shape()).containsExactly(5);
      assertThat(a.magic()).isEqualTo(0x00000801);
      assertThat(a.getInt(4)).isEqualTo(5);
    }
    IdxArray fromStream = IdxReader.read(new ByteArrayInputStream(gzip(raw)), "mem", 100);
    assertThat(fromStream.getInt(2)).isEqualTo(4);
  }

  @Test
  void readsEveryIdxTypeBigEndian() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(2 * 8);
    b.putInt(-7).putInt(123456);
    assertThat(IdxReader.read(write(dir, "i", idx(0x0C, new int[] {2}, Arrays.copyOf(b.array(), 8))))
        .getInt(0)).isEqualTo(-7);
    ByteBuffer f = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-2.25f);
    IdxArray floats = IdxReader.read(write(dir, "f", idx(0x0D, new int[] {1, 2}, f.array())));
    assertThat(floats.getDouble(1)).isEqualTo(-2.25);
    assertThat(floats.toTensor().get(0, 0)).isEqualTo(1.5f);
    ByteBuffer d = ByteBuffer.allocate(8).putDouble(Math.PI);
    assertThat(IdxReader.read(write(dir, "d", idx(0x0E, new int[] {1}, d.array()))).getDouble(0))
        .isEqualTo(Math.PI);
    ByteBuffer s = ByteBuffer.allocate(2).putShort((short) -300);
    assertThat(IdxReader.read(write(dir, "s", idx(0x0B, new int[] {1}, s.array()))).getInt(0))
        .isEqualTo(-300);
    IdxArray signed = IdxReader.read(write(dir, "b", idx(0x09, new int[] {1}, new byte[] {-1})));
    assertThat(signed.getInt(0)).isEqualTo(-1);
    assertThatThrownBy(signed::unsignedBytes).hasMessageContaining("SIGNED_BYTE");
  }

  @Test
  void wrongMagicIsRefusedNamingTheFile() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
    Path f = write(dir, "picture.png", png);
    assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith(f + ": not an IDX file")
        .hasMessageContaining("0x89504E47");
    Path g = write(dir, "odd-type", idx(0x0A, new int[] {1}, new byte[] {1}));
    assertThatThrownBy(() -> IdxReader.read(g)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(g.toString()).hasMessageContaining("unknown element type code 0x0A")
        .hasMessageContaining("0x08 (unsigned byte)");
  }

  @Test
  void zeroDimensionsAndTruncatedHeadersAreRefused() {
    Path zero = write(dir, "zero", new byte[] {0, 0, 8, 0});
    assertThatThrownBy(() -> IdxReader.read(zero)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("declares 0 dimensions");
    Path shortHeader = write(dir, "short", new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 0, 0});
    assertThatThrownBy(() -> IdxReader.read(shortHeader)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("truncated header: 3 dimensions take 12 bytes")
        .hasMessageContaining("only 6 follow");
    Path tiny = write(dir, "tiny", new byte[] {0, 0});
    assertThatThrownBy(() -> IdxReader.read(tiny)).hasMessageContaining("too short");
  }

  @Test
  void truncatedDataSaysExpectedAndActualBytes() {
    byte[] full = IdxBytes.images(10, 4, 4);  // 16-byte header + 160 data bytes
    Path plain = write(dir, "cut-idx3-ubyte", Arrays.copyOf(full, 116));
    assertThatThrownBy(() -> IdxReader.read(plain)).isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith(plain + ": truncated: the header declares shape [10, 4, 4]")
        .hasMessageContaining("160 data bytes, 176 bytes with the header")
        .hasMessageContaining("only 100 data bytes follow it (60 missing)");
    // A well-formed gzip stream around a short file: the same check after decompression.
    Path zipped = write(dir, "cut.gz", gzip(Arrays.copyOf(full, 116)));
    assertThatThrownBy(() -> IdxReader.read(zipped)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("truncated").hasMessageContaining("only 100 data bytes");
  }

  @Test
  void bytesAfterTheDataAreRefused() {
    byte[] full = IdxBytes.labels(1, 2, 3);
    byte[] longer = Arrays.copyOf(full, full.length + 5);
    assertThatThrownBy(() -> IdxReader.read(write(dir, "long", longer)))
        .isInstanceOf(IdxFormatException.class).hasMessageContaining("5 unexpected bytes after");
    assertThatThrownBy(() -> IdxReader.read(write(dir, "long.gz", gzip(longer))))
        .isInstanceOf(IdxFormatException.class).hasMessageContaining("5 unexpected bytes after");
  }

  @Test
  void corruptOrCutGzipIsRefused() {
    byte[] gz = gzip(IdxBytes.images(20, 8, 8));
    byte[] badTrailer = gz.clone();
    badTrailer[gz.length - 6] ^= 0x5A;  // inside the CRC-32
    Path trailer = write(dir, "crc.gz", badTrailer);
    assertThatThrownBy(() -> IdxReader.read(trailer)).isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith(trailer + ": corrupt or truncated gzip data");
    Path cut = write(dir, "cut-stream.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxReader.read(cut)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(cut.toString()).hasMessageContaining("gzip");
    byte[] garbled = gz.clone();
    for (int i = 20; i < 40; i++) {
      garbled[i] ^= (byte) 0xA5;
    }
    Path mid = write(dir, "garbled.gz", garbled);
    assertThatThrownBy(() -> IdxReader.read(mid)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(mid.toString());
  }

  @Test
  void hugeDeclaredSizesAreRefusedBeforeAllocating() {
    Path huge = write(dir, "huge", idx(0x08, new int[] {100_000, 100_000, 100_000}, new byte[4]));
    assertThatThrownBy(() -> IdxReader.read(huge)).isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("[100000, 100000, 100000]").hasMessageContaining("refusing to allocate")
        .hasMessageContaining("over the limit of " + IdxReader.DEFAULT_MAX_BYTES);
    Path overflow = write(dir, "overflow", idx(0x0E, new int[] {Integer.MAX_VALUE,
        Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[0]));
    assertThatThrownBy(() -> IdxReader.read(overflow)).hasMessageContaining("at least 2^59");
    Path negative = write(dir, "neg", idx(0x08, new int[] {-1}, new byte[0]));
    assertThatThrownBy(() -> IdxReader.read(negative)).hasMessageContaining("4294967295");
    Path limited = write(dir, "limited", IdxBytes.images(10, 4, 4));
    assertThatThrownBy(() -> IdxReader.read(limited, 100)).hasMessageContaining("limit of 100");
  }

  @Test
  void aLyingHeaderUnderTheLimitAllocatesOnlyWhatTheFileHolds() throws Exception {
    // 960 MB declared, 10 bytes present: plain files fail on their length, gzip as data runs out.
    byte[] lie = idx(0x08, new int[] {1_000_000, 30, 32}, new byte[10]);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> IdxReader.read(write(dir, "lie", lie)))
        .hasMessageContaining("truncated").hasMessageContaining("only 10 data bytes");
    assertThatThrownBy(() -> IdxReader.read(write(dir, "lie.gz", gzip(lie))))
        .hasMessageContaining("truncated").hasMessageContaining("only 10 data bytes");
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(64L << 20);
  }

  @Test
  void missingFilesAndBadLimitsAreNamed() {
    assertThatThrownBy(() -> IdxReader.read(dir.resolve("absent"))).isInstanceOf(
        NoSuchFileException.class).hasMessageContaining("absent");
    assertThatThrownBy(() -> IdxReader.read(dir.resolve("x"), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
  }

  @Test
  void typeCodesRoundTrip() {
    for (IdxType t : IdxType.values()) {
      assertThat(IdxType.fromCode(t.code())).isEqualTo(t);
    }
    assertThat(IdxType.fromCode(0x0A)).isNull();
  }
}
