package io.filmwire.enrich.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleKeysTest {

    @Test
    void titlesFoldCaseAccentsPunctuationApostrophesAndALeadingArticle() {
        assertThat(TitleKeys.titleKey("The Red Chapel!")).isEqualTo("red chapel");
        assertThat(TitleKeys.titleKey("Nausicaä of the Valley of the Wind")).isEqualTo("nausicaa of the valley of the wind");
        assertThat(TitleKeys.titleKey("Ferris Bueller’s Day Off")).isEqualTo(TitleKeys.titleKey("Ferris Bueller's Day Off"))
                .isEqualTo("ferris buellers day off");
        assertThat(TitleKeys.titleKey("Tom & Jerry")).isEqualTo("tom and jerry");
        assertThat(TitleKeys.titleKey("  How to Train Your Dragon: The Hidden World ")).isEqualTo("how to train your dragon the hidden world");
        assertThat(TitleKeys.titleKey("A State of Mind")).isEqualTo("state of mind");
        assertThat(TitleKeys.titleKey("千と千尋の神隠し")).isEqualTo("千と千尋の神隠し");
        assertThat(TitleKeys.titleKey("۴ باندی")).isEqualTo("۴ باندی");
        assertThat(TitleKeys.titleKey("!!!")).isEmpty();
        assertThat(TitleKeys.titleKey(null)).isEmpty();
    }

    @Test
    void namesFoldTheSameWayButKeepArticles() {
        assertThat(TitleKeys.nameKey("Joong-wha  Choi")).isEqualTo("joong wha choi");
        assertThat(TitleKeys.nameKey("A. Hitchcock")).isEqualTo("a hitchcock");
    }

    @Test
    void slugsAreAsciiLettersAndDigits() {
        assertThat(TitleKeys.slug("Nausicaä of the Valley", 60)).isEqualTo("nausicaa-of-the-valley");
        assertThat(TitleKeys.slug("I Killed My Lesbian Wife, Hung Her on a Meat Hook", 20)).isEqualTo("i-killed-my-lesbian");
        assertThat(TitleKeys.slug("۴ باندی", 60)).isEmpty();
    }
}
