package dev.kairo.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.data.Batch;
import dev.kairo.data.DataLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir
  Path root;

  /** A grayscale h x w PNG whose pixel (y, x) is base + 10 y + x. */
  private Path gray(String cls, String name, int h, int w, int base) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, base + 10 * y + x);
      }
    }
    return save(img, cls, name, "png");
  }

  /** An RGB image with one colour everywhere. */
  private Path solid(String cls, String name, int h, int w, int rgb, String format) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return save(img, cls, name, format);
  }

  private Path save(BufferedImage img, String cls, String name, String format) throws Exception {
    Path d = Files.createDirectories(root.resolve(cls));
    Path f = d.resolve(name);
    assertThat(ImageIO.write(img, format, f.toFile())).isTrue();
    return f;
  }

  @Test
  void sortedSubFoldersAreClassesAndGrayLevelsAreKept() throws Exception {
    gray("dog", "a.png", 4, 5, 100);
    gray("cat", "b.png", 4, 5, 0);
    gray("cat", "a.PNG", 4, 5, 50);
    Files.writeString(root.resolve("cat/notes.txt"), "not an image");
    Files.writeString(root.resolve("cat/.hidden.png"), "skipped");
    Files.writeString(root.resolve("README"), "a file beside the classes");
    ImageDataset ds = ImageFolder.load(root, 4, 5, 1);
    assertThat(ds.classNames()).containsExactly("cat", "dog");
    assertThat(ds.size()).isEqualTo(3);
    assertThat(ds.labels()).containsExactly(0, 0, 1);      // cat/a.PNG, cat/b.png, dog/a.png
    assertThat(ds.featureShape()).containsExactly(1, 4, 5);
    assertThat(ds.pixel(0, 0, 0, 0)).isEqualTo(50);
    assertThat(ds.pixel(1, 0, 3, 4)).isEqualTo(34);
    assertThat(ds.pixel(2, 0, 2, 1)).isEqualTo(121);
    assertThat(ds.image(2).get(0, 2, 1)).isEqualTo(121 / 255f);
  }

  @Test
  void colourImagesGiveRgbChannelsOrLuma() throws Exception {
    solid("red", "r.png", 3, 3, 0xC83264, "png");           // (200, 50, 100)
    gray("zgray", "g.png", 3, 3, 60);
    ImageDataset rgb = ImageFolder.load(root, 3, 3, 3);
    assertThat(rgb.featureShape()).containsExactly(3, 3, 3);
    assertThat(new int[] {rgb.pixel(0, 0, 1, 1), rgb.pixel(0, 1, 1, 1), rgb.pixel(0, 2, 1, 1)})
        .containsExactly(200, 50, 100);
    assertThat(new int[] {rgb.pixel(1, 0, 2, 2), rgb.pixel(1, 1, 2, 2), rgb.pixel(1, 2, 2, 2)})
        .containsExactly(82, 82, 82);                      // gray repeated in R, G and B
    ImageDataset luma = ImageFolder.load(root, 3, 3, 1);
    assertThat(luma.pixel(0, 0, 0, 0)).isEqualTo(Math.round(0.299f * 200 + 0.587f * 50 + 0.114f * 100));
  }

  @Test
  void jpegAndSixteenBitGrayAreRead() throws Exception {
    solid("a", "x.jpg", 8, 8, 0x808080, "jpg");
    BufferedImage wide = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    wide.getRaster().setSample(3, 2, 0, 65535);
    save(wide, "b", "y.png", "png");
    ImageDataset ds = ImageFolder.load(root, 8, 8, 1);
    assertThat(ds.pixel(0, 0, 4, 4)).isBetween(124, 132);   // JPEG is lossy
    assertThat(ds.pixel(1, 0, 2, 3)).isEqualTo(255);
    assertThat(ds.pixel(1, 0, 0, 0)).isZero();
  }

  @Test
  void anImageOfAnotherSizeIsRefusedNamingTheFileAndBothSizes() throws Exception {
    gray("a", "ok.png", 4, 5, 0);
    Path odd = gray("b", "odd.png", 6, 7, 0);
    assertThatThrownBy(() -> ImageFolder.load(root, 4, 5, 1))
        .isInstanceOf(ImageFolderException.class)
        .hasMessage(odd + ": is 6 x 7 (height x width), but the images are loaded at 4 x 5; resize"
            + " it, or load with SizePolicy.RESIZE");
  }

  @Test
  void resizingIsBilinearAndKeepsFlatRegionsFlat() throws Exception {
    solid("a", "big.png", 10, 12, 0x4080C0, "png");
    gray("b", "small.png", 2, 2, 0);                         // 0 1 / 10 11
    ImageDataset ds = ImageFolder.load(root, 4, 4, 3, ImageFolder.SizePolicy.RESIZE);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        assertThat(ds.pixel(0, 0, y, x)).isEqualTo(0x40);
        assertThat(ds.pixel(0, 2, y, x)).isEqualTo(0xC0);
      }
    }
    // Half-pixel centres: output x 0..3 samples input x -0.25, 0.25, 0.75, 1.25 (clamped).
    assertThat(new int[] {ds.pixel(1, 0, 0, 0), ds.pixel(1, 0, 0, 1), ds.pixel(1, 0, 0, 2),
        ds.pixel(1, 0, 0, 3)}).containsExactly(0, 0, 1, 1);
    // (0.25, 0.25) between 0, 1 (top) and 10, 11 (bottom): 0.75*0.25*1 + 0.25*0.75*10 + 0.0625*11
    assertThat(ds.pixel(1, 0, 1, 1)).isEqualTo(Math.round(2.75f));
    assertThat(ds.pixel(1, 0, 3, 3)).isEqualTo(11);
  }

  @Test
  void anUnreadableFileIsNamed() throws Exception {
    gray("a", "fine.png", 2, 2, 0);
    Path broken = root.resolve("a/broken.png");
    Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    assertThatThrownBy(() -> ImageFolder.load(root, 2, 2, 1))
        .isInstanceOf(ImageFolderException.class).hasMessageStartingWith(broken.toString());
    Files.writeString(broken, "plain text in a .png");
    assertThatThrownBy(() -> ImageFolder.load(root, 2, 2, 1))
        .hasMessage(broken + ": is not an image javax.imageio can read (PNG or JPEG expected)");
  }

  @Test
  void emptyAndMissingFoldersAreRefused() throws Exception {
    assertThatThrownBy(() -> ImageFolder.load(root.resolve("nope"), 2, 2, 1))
        .isInstanceOf(ImageFolderException.class).hasMessageEndingWith("nope: no such folder");
    assertThatThrownBy(() -> ImageFolder.load(root, 2, 2, 1))
        .hasMessageContaining("holds no class sub-folders");
    Files.createDirectories(root.resolve("empty"));
    assertThatThrownBy(() -> ImageFolder.load(root, 2, 2, 1))
        .hasMessage(root.resolve("empty") + ": class folder holds no .png, .jpg or .jpeg images");
    assertThatThrownBy(() -> ImageFolder.load(root, 2, 2, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 3 channels");
  }

  @Test
  void aFolderFeedsADataLoader() throws Exception {
    for (int i = 0; i < 5; i++) {
      gray("a", i + ".png", 4, 4, i);
      gray("b", i + ".png", 4, 4, 100 + i);
    }
    ImageDataset ds = ImageFolder.load(root, 4, 4, 1);
    DataLoader loader = DataLoader.builder(ds).batchSize(4).shuffle(1).prefetch(true).build();
    int n = 0;
    for (Batch b : loader) {
      assertThat(b.x().shape()).containsExactly(b.size(), 1, 4, 4);
      for (int i = 0; i < b.size(); i++) {
        float first = b.x().get(i, 0, 0, 0) * 255;
        assertThat(b.labels()[i]).isEqualTo(first >= 100 ? 1 : 0);
      }
      n += b.size();
    }
    assertThat(n).isEqualTo(10);
  }

  @Test
  void oneDecodedImageConvertsAndResizesAsLoadDoes() throws Exception {
    BufferedImage red = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 4; x++) {
      red.setRGB(x, 0, 0xff0000);
      red.setRGB(x, 1, 0xff0000);
    }
    assertThat(ImageFolder.pixels(red, 2, 4, 1)).containsOnly((byte) 76);   // 0.299 * 255
    byte[] rgb = ImageFolder.pixels(red, 1, 2, 3);                          // resized to 1 x 2
    assertThat(rgb).containsExactly((byte) 255, (byte) 255, 0, 0, 0, 0);
    assertThatThrownBy(() -> ImageFolder.pixels(red, 2, 4, 4))
        .hasMessageContaining("1 or 3 channels");
  }
}
