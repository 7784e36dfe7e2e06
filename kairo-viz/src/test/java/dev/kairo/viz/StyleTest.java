package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StyleTest {

  @Test
  void classColoursAreDistinctBeyondThePalette() {
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < 40; k++) {
      assertThat(seen.add(Style.classColor(k).getRGB())).as("class %d", k).isTrue();
    }
    assertThat(Style.classColor(0)).isEqualTo(new Color(0x1f77b4));
  }

  @Test
  void regionColoursAreLighterVersionsOfTheClassColours() {
    for (int k = 0; k < 12; k++) {
      Color c = Style.classColor(k);
      Color r = Style.regionColor(k);
      assertThat(r.getRed()).isGreaterThanOrEqualTo(c.getRed());
      assertThat(r.getGreen()).isGreaterThanOrEqualTo(c.getGreen());
      assertThat(r.getBlue()).isGreaterThanOrEqualTo(c.getBlue());
      assertThat(r).isNotEqualTo(Color.WHITE);
    }
  }

  @Test
  void negativeClassIsAnError() {
    assertThatThrownBy(() -> Style.classColor(-1)).hasMessageContaining("-1");
  }
}
