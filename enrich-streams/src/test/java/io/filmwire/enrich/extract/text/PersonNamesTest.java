package io.filmwire.enrich.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNamesTest {

    @Test
    void splitsListsInSeveralLanguages() {
        assertThat(PersonNames.split("Roxy Rezvany, Matt Diegan and Aya Kaido"))
                .containsExactly("Roxy Rezvany", "Matt Diegan", "Aya Kaido");
        assertThat(PersonNames.split("Quentin Tarantino (stories) & Roger Avary (stories) ..."))
                .containsExactly("Quentin Tarantino", "Roger Avary");
        assertThat(PersonNames.split("محمد نجفی، نسرین مقانلو، رضا رویگری و…"))
                .containsExactly("محمد نجفی", "نسرین مقانلو", "رضا رویگری");
    }

    @Test
    void aSuffixStaysWithItsName() {
        assertThat(PersonNames.split("Ike Jarlego, Jr.")).containsExactly("Ike Jarlego Jr.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Joong-wha Choi", "Hoyte van Hoytema", "Maria Dolores Rodriguez Garcia de la Pepa",
            "JT Singh", "R. Ellis Frazier", "Aadil", "De'voreaux White", "محمدجعفر باقری نیا", "Kôji Shiraishi"})
    void acceptsNames(String name) {
        assertThat(PersonNames.isName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"No items found.", "See more", "Show all Cast & Crew", "Credited cast", "Cast overview",
            "the film", "1946 D.A.", "How were you able to gain access?", "Full cast and crew", "Anonymous",
            "Directed by the Guardian team for this film"})
    void refusesWhatIsNotAName(String text) {
        assertThat(PersonNames.isName(PersonNames.clean(text))).isFalse();
    }
}
