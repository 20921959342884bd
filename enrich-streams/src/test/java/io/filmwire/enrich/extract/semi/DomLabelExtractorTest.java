package io.filmwire.enrich.extract.semi;

import static io.filmwire.enrich.extract.Pages.html;
import static io.filmwire.enrich.extract.Pages.names;
import static io.filmwire.enrich.extract.Pages.single;
import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.model.FilmMention;
import org.junit.jupiter.api.Test;

class DomLabelExtractorTest {

    private static FilmMention page(String body) {
        // declared a film, so that each test is about the labels alone
        return single(html("<html><head><title>Gaslight (1944)</title><meta property=\"og:type\" content=\"video.movie\">"
                + "</head><body>" + body + "</body></html>"));
    }

    @Test
    void infoboxRowsAreLabelsAndTheirCells() {
        FilmMention m = page("<table class=\"infobox\"><tr><th>Directed by</th><td><a href=\"/wiki/G\">George Cukor</a></td></tr>"
                + "<tr><th>Starring</th><td><div class=\"plainlist\"><ul><li><a>Charles Boyer</a></li><li><a>Ingrid Bergman</a></li>"
                + "</ul></div></td></tr><tr><th>Edited by</th><td>Ralph E. Winters</td></tr>"
                + "<tr><th>Running time</th><td>114 minutes</td></tr><tr><th>Language</th><td>English</td></tr></table>");
        assertThat(names(m, "director")).containsExactly("George Cukor");
        assertThat(names(m, "cast")).containsExactly("Charles Boyer", "Ingrid Bergman");
        assertThat(names(m, "editor")).containsExactly("Ralph E. Winters");
        assertThat(m.runtimeMinutes().value()).isEqualTo(114);
        assertThat(m.languages()).extracting(f -> f.value()).containsExactly("English");
        assertThat(m.runtimeMinutes().layer()).isEqualTo("semi_structured");
    }

    @Test
    void aHeadingRowIntroducesTheCreditRowsAfterItWithEachRowsJob() {
        FilmMention m = page("<table><tr><td colspan=3><h5><a href=\"/glossary\">Produced by</a></h5></td></tr>"
                + "<tr><td><a>Arthur Hornblow Jr.</a></td><td>....</td><td>producer</td></tr>"
                + "<tr><td><a>Rani Dubé</a></td><td>....</td><td>co-producer</td></tr>"
                + "<tr><td><a>Michael Stanley-Evans</a></td><td>....</td><td>executive producer</td></tr></table>"
                + "<table><tr><td colspan=3><h5>Cinematography by</h5></td></tr>"
                + "<tr><td><a>Joseph Ruttenberg</a></td><td>....</td><td>(director of photography)</td></tr></table>");
        assertThat(names(m, "producer")).containsExactly("Arthur Hornblow Jr.", "Rani Dubé");
        assertThat(names(m, "executive_producer")).containsExactly("Michael Stanley-Evans");
        assertThat(names(m, "cinematographer")).containsExactly("Joseph Ruttenberg");
    }

    @Test
    void aCastTableGivesActorsWithTheirCharactersNotCharactersAsActors() {
        FilmMention m = page("<div class=\"headerinline\"><h3>Cast</h3>&nbsp;<small>(in credits order)</small></div>"
                + "<div class=\"info-content\"><table class=\"cast\"><tr><td colspan=4>Cast overview, first billed only:</td></tr>"
                + "<tr><td class=\"hs\"><img></td><td class=\"nm\"><a>Charles Boyer</a></td><td class=\"ddd\"> ... </td>"
                + "<td class=\"char\"><a href=\"/character/1\">Gregory Anton</a></td></tr>"
                + "<tr><td class=\"hs\"><img></td><td class=\"nm\"><a>Maria Dolores Rodriguez Garcia De La Pepa</a></td>"
                + "<td class=\"ddd\"> ... </td><td class=\"char\">Hispanic actress</td></tr></table></div>");
        assertThat(names(m, "cast")).containsExactly("Charles Boyer", "Maria Dolores Rodriguez Garcia De La Pepa");
        assertThat(m.credits().get(0).value().character()).isEqualTo("Gregory Anton");
    }

    @Test
    void aMixedCastAndCrewListGivesEachPersonTheJobItStates() {
        StringBuilder items = new StringBuilder();
        String[][] people = {{"Haley Bishop", "Haley"}, {"Jemma Moore", "Jemma"}, {"Rob Savage", "Director"},
                {"Gemma Hurley", "Screenwriter"}};
        for (String[] p : people) {
            items.append("<div class=\"cast-item media\"><a><span>").append(p[0]).append("</span></a>")
                    .append("<span class=\"characters\"><br/>").append(p[1]).append("</span></div>");
        }
        FilmMention m = page("<h2>Cast &amp; Crew</h2><div class=\"castSection\">" + items + "</div>");
        assertThat(names(m, "cast")).containsExactly("Haley Bishop", "Jemma Moore");
        assertThat(names(m, "director")).containsExactly("Rob Savage");
        assertThat(names(m, "writer")).containsExactly("Gemma Hurley");
    }

    @Test
    void blocksOfOtherFilmsAndNavigationAreNotThisFilms() {
        StringBuilder recs = new StringBuilder("<div class=\"rec_overviews\">");
        for (String[] other : new String[][] {{"Aliens", "James Cameron"}, {"Heat", "Michael Mann"},
                {"Alien", "Ridley Scott"}}) {
            recs.append("<div class=\"rec_overview\"><a>").append(other[0]).append("</a><div class=\"txt-block\">")
                    .append("<h4>Director:</h4><a>").append(other[1]).append("</a></div></div>");
        }
        recs.append("</div>");
        FilmMention m = page("<nav><h4>Language</h4><ul><li>Deutsch</li><li>Español</li></ul></nav>"
                + "<div class=\"txt-block\"><h4>Director:</h4><a>George Cukor</a></div>" + recs);
        assertThat(names(m, "director")).containsExactly("George Cukor");
        assertThat(m.languages()).isEmpty();
    }

    @Test
    void unlinkedNamesBesideLinkedOnesAndJobsInCrewRows() {
        FilmMention m = page("<table class=\"infobox\"><tr><th>Produced by</th><td><a href=\"/wiki/A\">A. Kitman Ho</a>"
                + "<br />Oliver Stone</td></tr><tr><th>Written by</th><td><a>Stephen King</a> (short story) <a>Frank Darabont</a>"
                + " (screenplay)</td></tr></table>"
                + "<h4>Camera and Electrical Department</h4><table><tr><td><a>Bob Hall</a></td><td>...</td>"
                + "<td>director of photography: Chicago</td></tr></table>");
        assertThat(names(m, "producer")).containsExactly("A. Kitman Ho", "Oliver Stone");
        assertThat(names(m, "writer")).containsExactly("Stephen King", "Frank Darabont");
        assertThat(names(m, "cinematographer")).isEmpty();
    }

    @Test
    void aSectionOfProseUnderACreditHeadingGivesNoNames() {
        FilmMention m = page("<h3>Editing</h3><p>During the first assembly cut, Cameron altered the planned ending."
                + " Brock and Lizzy see the elderly Rose at the stern of the boat. Jack attacks him.</p>");
        assertThat(names(m, "editor")).isEmpty();
    }

    @Test
    void aRatingWidgetWithItsVotes() {
        FilmMention m = page("<section class=\"ratings big\"><a href=\"https://www.imdb.com/title/tt1\"><div class=\"counts\">"
                + "<p>7.9</p><p>(45.3K)</p></div></a></section>"
                + "<div class=\"user-reviews\"><span class=\"rating\">3/4 (2 votes)</span></div>");
        assertThat(m.rating().value().value()).isEqualTo(7.9);
        assertThat(m.rating().value().count()).isEqualTo(45300L);
    }

    @Test
    void persianLabelsAndDigits() {
        FilmMention m = page("<div><h6>زبان اصلی</h6><p>هندی</p></div><div><h6>مدت زمان</h6><p>۱ ساعت و ۵۰ دقیقه</p></div>"
                + "<div><h6>کارگردان</h6><p>Ajay Singh</p></div>");
        assertThat(m.languages()).extracting(f -> f.value()).containsExactly("Hindi");
        assertThat(m.runtimeMinutes().value()).isEqualTo(110);
        assertThat(names(m, "director")).containsExactly("Ajay Singh");
    }
}
