package dev.kairo.data.idx;

import dev.kairo.tensor.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The contents of one IDX file: its element type, its shape and its elements, kept as the
 * file's own big-endian bytes (one byte per element for MNIST, so 60,000 images cost 47 MB,
 * not the 188 MB of floats).
 *
 * <pre>{@code
 * IdxArray images = IdxReader.read(Path.of("t10k-images-idx3-ubyte.gz"));
 * images.shape();                 // [10000, 28, 28]
 * images.magic();                 // 0x00000803
 * int pixel = images.getInt(0);   // 0..255
 * Tensor t = images.toTensor();   // [10000, 28, 28] float, values as stored (not scaled)
 * }</pre>
 */
public final class IdxArray {
  private final String source;
  private final IdxType type;
  private final int[] shape;
  private final byte[] data;
  private final ByteBuffer view;

  IdxArray(String source, IdxType type, int[] shape, byte[] data) {
    this.source = source;
    this.type = type;
    this.shape = shape;
    this.data = data;
    this.view = ByteBuffer.wrap(data);  // big-endian by default, as IDX is
  }

  /** The file (or stream name) this was read from. */
  public String source() {
    return source;
  }

  /** The element type. */
  public IdxType type() {
    return type;
  }

  /** The dimensions, first (slowest) first. */
  public int[] shape() {
    return shape.clone();
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** The size of dimension {@code axis}. */
  public int size(int axis) {
    return shape[axis];
  }

  /** The number of elements. */
  public int numel() {
    return data.length / type.bytes();
  }

  /** The magic number: {@code 0x0000TTDD} with type code TT and DD dimensions. */
  public int magic() {
    return type.code() << 8 | shape.length;
  }

  /**
   * Element {@code i} (row-major) as an int: unsigned for {@link IdxType#UNSIGNED_BYTE},
   * truncated toward zero for the float types.
   */
  public int getInt(int i) {
    switch (type) {
      case UNSIGNED_BYTE:
        return data[i] & 0xff;
      case SIGNED_BYTE:
        return data[i];
      case SHORT:
        return view.getShort(2 * i);
      case INT:
        return view.getInt(4 * i);
      case FLOAT:
        return (int) view.getFloat(4 * i);
      default:
        return (int) view.getDouble(8 * i);
    }
  }

  /** Element {@code i} (row-major) as a double. */
  public double getDouble(int i) {
    switch (type) {
      case FLOAT:
        return view.getFloat(4 * i);
      case DOUBLE:
        return view.getDouble(8 * i);
      default:
        return getInt(i);
    }
  }

  /**
   * The elements of an {@link IdxType#UNSIGNED_BYTE} file, shared, not copied (read them
   * with {@code & 0xff}).
   *
   * @throws IllegalStateException for any other type
   */
  public byte[] unsignedBytes() {
    if (type != IdxType.UNSIGNED_BYTE) {
      throw new IllegalStateException("IdxArray.unsignedBytes(): " + source + " holds " + type
          + ", not UNSIGNED_BYTE");
    }
    return data;
  }

  /** All elements as a new float tensor of this shape, with their stored values (no scaling). */
  public Tensor toTensor() {
    int n = numel();
    float[] v = new float[n];
    if (type == IdxType.UNSIGNED_BYTE) {
      for (int i = 0; i < n; i++) {
        v[i] = data[i] & 0xff;
      }
    } else {
      for (int i = 0; i < n; i++) {
        v[i] = (float) getDouble(i);
      }
    }
    return Tensor.of(v, shape);
  }

  @Override
  public String toString() {
    return "IdxArray[" + source + ", " + type + " " + Arrays.toString(shape) + "]";
  }
}
