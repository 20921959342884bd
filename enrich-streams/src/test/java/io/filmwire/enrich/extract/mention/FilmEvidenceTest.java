package io.filmwire.enrich.extract.mention;

import static io.filmwire.enrich.extract.Pages.extract;
import static io.filmwire.enrich.extract.Pages.fixture;
import static io.filmwire.enrich.extract.Pages.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A work is published only with evidence that it is a film, and the evidence travels with it. */
class FilmEvidenceTest {

    /** News and blog pages of the article-extraction benchmark (fixtures: pages/aeb, see PROVENANCE.md). */
    @ParameterizedTest
    @ValueSource(strings = {"05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f.html",
            "264dc3ae31249cb1f50c50986e0952a4708c2e705d18a2d8bf0e525da6e2b485.html",
            "b3c19dd5f0612d098788fa5173e491b3280da6226b492f8fe110f4ab1896cca8.html",
            "e593d7fe88f9f5cd6587ac172be2db6055d40b6f071023f97ab1ce373534261e.html",
            "fde930b01859de8311c6a14f8aa8c72be0659b551367803deb6736cf3526cf2e.html"})
    void aNewsPageGivesNoFilm(String page) {
        assertThat(extract(fixture("aeb/" + page))).isEmpty();
    }

    @Test
    void aTitleAloneIsNoFilm() {
        assertThat(extract(html("<html><head><title>Spring sale on garden tools (2019)</title></head><body>"
                + "<h1>Spring sale on garden tools</h1><p>Posted November 19, 2019, 9:02 AM · 2 min read</p>"
                + "<p>Written by Ann Example</p></body></html>"))).isEmpty();
    }

    @Test
    void aRunningTimeOrCreditsInTheMarkupAreEvidenceAndSaySo() {
        List<FilmMention> works = extract(html("<html><head><title>The Long Walk</title></head><body>"
                + "<h1>The Long Walk</h1><p>Director: Ann Example</p><p>Running time: 95 min</p></body></html>"));
        assertThat(works).singleElement().satisfies(m -> assertThat(m.work())
                .extracting(f -> f.evidence()).anyMatch(e -> e.contains("95 min")));
    }

    @Test
    void aFilmClubsScreeningEventIsEvidence() {
        FilmMention m = extract(fixture("wide/hyperreal_themummy.html")).get(0);
        assertThat(m.work()).extracting(f -> f.evidence()).anyMatch(e -> e.contains("schema.org Event"));
    }

    @Test
    void proseAboutAnotherWorkCreditsNobody() {
        List<FilmMention> works = extract(fixture("wide/hyperreal_themummy.html"));
        // the blurb's local short film is by "filmmaker Drew Vaughan": not the director of The Mummy
        assertThat(works.get(0).credits()).extracting(c -> c.value().name()).doesNotContain("Drew Vaughan");
    }
}
