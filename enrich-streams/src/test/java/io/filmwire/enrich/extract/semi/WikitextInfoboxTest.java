package io.filmwire.enrich.extract.semi;

import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static io.filmwire.enrich.extract.Pages.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import org.junit.jupiter.api.Test;

class WikitextInfoboxTest {

    private static final String EXPORT = """
            <page>
              <title>Rush (2013 film)</title>
              <revision><text xml:space="preserve">{{Infobox film
            | name           = Rush
            | director       = [[Ron Howard]]
            | producer       = {{Plain list|
            * [[Andrew Eaton]]
            * [[Eric Fellner]]
            }}
            | starring       = {{ubl|[[Chris Hemsworth]]|[[Daniel Brühl]]}}
            | cinematography = [[Anthony Dod Mantle]]
            | editing        = Daniel P. Hanley&lt;br /&gt;[[Mike Hill (editor)|Mike Hill]]
            | released       = {{Film date|df=yes|2013|09|02|London}}
            | runtime        = 123 minutes&lt;ref&gt;{{cite web|title=RUSH (15)|publisher=BBFC}}&lt;/ref&gt;
            | language       = English
            &lt;!-- | budget = hidden --&gt;
            }}
            '''''Rush''''' is a 2013 biographical sports film.</text></revision>
            </page>
            """;

    @Test
    void readsTheFilmInfoboxOfAnExport() {
        FilmMention m = single(text(EXPORT));
        assertThat(m.title().value()).isEqualTo("Rush");
        assertThat(m.year().value()).isEqualTo(2013);
        assertThat(m.runtimeMinutes().value()).isEqualTo(123);
        assertThat(names(m, "director")).containsExactly("Ron Howard");
        assertThat(names(m, "producer")).containsExactly("Andrew Eaton", "Eric Fellner");
        assertThat(names(m, "cast")).containsExactly("Chris Hemsworth", "Daniel Brühl");
        assertThat(names(m, "editor")).containsExactly("Daniel P. Hanley", "Mike Hill");
        assertThat(m.languages()).extracting(f -> f.value()).containsExactly("English");
    }
}
