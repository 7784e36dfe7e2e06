package dev.kairo.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.data.BatchTransform;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {
  /** [n, c, h, w] with value 1000 i + 100 c + 10 y + x + 1: every element is unique and nonzero. */
  private static Tensor numbered(int n, int c, int h, int w) {
    float[] v = new float[n * c * h * w];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            v[k++] = 1000 * i + 100 * ch + 10 * y + x + 1;
          }
        }
      }
    }
    return Tensor.of(v, n, c, h, w);
  }

  @Test
  void normalizeUsesEachChannelsMeanAndStd() {
    Tensor x = numbered(2, 3, 2, 2);
    Tensor y = ImageTransforms.normalize(new double[] {1, 2, 3}, new double[] {2, 4, 8}).apply(x, null);
    assertThat(y.shape()).containsExactly(2, 3, 2, 2);
    for (int i = 0; i < 2; i++) {
      for (int c = 0; c < 3; c++) {
        float expected = (float) ((x.get(i, c, 1, 0) - (c + 1)) / Math.pow(2, c + 1));
        assertThat(y.get(i, c, 1, 0)).isEqualTo(expected);
      }
    }
    Tensor one = ImageTransforms.normalize(new double[] {0.5}, new double[] {0.25})
        .apply(Tensor.full(1, 3, 2, 2), null);                  // one image, one value for all
    assertThat(one.shape()).containsExactly(3, 2, 2);
    assertThat(one.toArray()).containsOnly(2f);
    assertThat(x.get(0, 0, 0, 0)).isEqualTo(1f);                 // input untouched
  }

  @Test
  void normalizeRefusesBadStatisticsAndShapes() {
    assertThatThrownBy(() -> ImageTransforms.normalize(new double[] {0, 0}, new double[] {1}))
        .hasMessageContaining("2 means and 1 stds");
    assertThatThrownBy(() -> ImageTransforms.normalize(new double[] {0}, new double[] {0}))
        .hasMessageContaining("std > 0");
    BatchTransform rgb = ImageTransforms.normalize(new double[] {0, 0, 0}, new double[] {1, 1, 1});
    assertThatThrownBy(() -> rgb.apply(numbered(1, 1, 2, 2), null))
        .hasMessageContaining("3 channel means for images [1, 1, 2, 2] with 1 channels");
    assertThatThrownBy(() -> rgb.apply(Tensor.zeros(4, 784), null))
        .hasMessageContaining("[4, 784]").hasMessageContaining("without flat()");
  }

  @Test
  void randomCropIsAShiftWithZeroFillMatchingItsDraws() {
    Tensor x = numbered(5, 2, 6, 7);
    long seed = 42;
    Tensor y = ImageTransforms.randomCrop(2).apply(x, new SplittableRandom(seed));
    assertThat(y.shape()).containsExactly(5, 2, 6, 7);
    SplittableRandom draws = new SplittableRandom(seed);         // the same draws, in order
    boolean someShift = false;
    for (int i = 0; i < 5; i++) {
      int top = draws.nextInt(6 + 4 - 6 + 1) - 2;
      int left = draws.nextInt(7 + 4 - 7 + 1) - 2;
      someShift |= top != 0 || left != 0;
      for (int c = 0; c < 2; c++) {
        for (int r = 0; r < 6; r++) {
          for (int col = 0; col < 7; col++) {
            int sy = r + top;
            int sx = col + left;
            float expected = sy >= 0 && sy < 6 && sx >= 0 && sx < 7 ? x.get(i, c, sy, sx) : 0;
            assertThat(y.get(i, c, r, col)).as("image %d (%d, %d, %d)", i, c, r, col)
                .isEqualTo(expected);
          }
        }
      }
    }
    assertThat(someShift).isTrue();
  }

  @Test
  void randomCropToAnotherSizeAndItsLimits() {
    Tensor y = ImageTransforms.randomCrop(4, 5, 0).apply(numbered(3, 1, 6, 7), new SplittableRandom(1));
    assertThat(y.shape()).containsExactly(3, 1, 4, 5);
    float first = y.get(0, 0, 0, 0);
    assertThat(y.get(0, 0, 3, 4)).isEqualTo(first + 34);        // a window, no padding inside
    Tensor same = ImageTransforms.randomCrop(0).apply(numbered(2, 1, 3, 3), new SplittableRandom(9));
    assertThat(same.toArray()).containsExactly(numbered(2, 1, 3, 3).toArray());
    assertThatThrownBy(() -> ImageTransforms.randomCrop(9, 9, 1).apply(numbered(1, 1, 6, 6),
        new SplittableRandom(1))).hasMessageContaining("does not fit in 6 x 6 images padded by 1");
    assertThatThrownBy(() -> ImageTransforms.randomCrop(-1)).hasMessageContaining("padding >= 0");
    assertThatThrownBy(() -> ImageTransforms.randomCrop(1).apply(numbered(1, 1, 2, 2), null))
        .hasMessageContaining("needs a generator");
  }

  @Test
  void horizontalFlipMirrorsRowsOfTheChosenImages() {
    Tensor x = numbered(3, 2, 2, 3);
    Tensor all = ImageTransforms.randomHorizontalFlip(1).apply(x, new SplittableRandom(0));
    Tensor none = ImageTransforms.randomHorizontalFlip(0).apply(x, new SplittableRandom(0));
    assertThat(none.toArray()).containsExactly(x.toArray());
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < 2; c++) {
        for (int r = 0; r < 2; r++) {
          for (int col = 0; col < 3; col++) {
            assertThat(all.get(i, c, r, col)).isEqualTo(x.get(i, c, r, 2 - col));
          }
        }
      }
    }
    Tensor single = ImageTransforms.randomHorizontalFlip(1).apply(Tensor.of(new float[] {1, 2, 3},
        1, 1, 3), new SplittableRandom(0));
    assertThat(single.shape()).containsExactly(1, 1, 3);
    assertThat(single.toArray()).containsExactly(3, 2, 1);
  }

  @Test
  void aSeedFixesTheAugmentationAndAboutHalfTheImagesFlip() {
    Tensor x = numbered(1000, 1, 1, 2);
    BatchTransform t = ImageTransforms.randomCrop(1).andThen(ImageTransforms.randomHorizontalFlip(0.5));
    Tensor a = t.apply(x, new SplittableRandom(7));
    Tensor b = t.apply(x, new SplittableRandom(7));
    Tensor c = t.apply(x, new SplittableRandom(8));
    assertThat(a.toArray()).containsExactly(b.toArray());
    assertThat(a.toArray()).isNotEqualTo(c.toArray());
    int flipped = 0;
    Tensor f = ImageTransforms.randomHorizontalFlip(0.5).apply(x, new SplittableRandom(3));
    for (int i = 0; i < 1000; i++) {
      flipped += f.get(i, 0, 0, 0) > f.get(i, 0, 0, 1) ? 1 : 0;
    }
    assertThat(flipped).isBetween(440, 560);
    assertThatThrownBy(() -> ImageTransforms.randomHorizontalFlip(1.5)).hasMessageContaining("[0, 1]");
  }
}
