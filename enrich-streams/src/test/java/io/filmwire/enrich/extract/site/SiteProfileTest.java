package io.filmwire.enrich.extract.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteProfileTest {

    private static SiteProfile seen(String... titlesAndTopics) {
        SiteProfile p = SiteProfile.empty("films.example");
        for (int i = 0; i < titlesAndTopics.length; i += 2) {
            p = p.observe(new SiteObservation("films.example", "page-" + i, titlesAndTopics[i + 1],
                    List.of(titlesAndTopics[i]), new long[0], 1000L + i));
        }
        return p;
    }

    @Test
    void aSiteNameEndingTwoPagesTitlesIsASuffix() {
        SiteProfile p = seen("Vertigo - Test Films", "Vertigo", "Rope - Test Films", "Rope");
        assertThat(p.titleAffixes().suffixes()).containsExactly("- Test Films");
        assertThat(p.titleAffixes().strip("Psycho - Test Films")).isEqualTo("Psycho");
    }

    @Test
    void aSequelSharesItsOriginalsTitleWithoutMakingItTemplate() {
        // "Harbour Lights" is all of one page's title: it is that page's film, not the site's wording
        SiteProfile p = seen("Harbour Lights - Test Films", "Harbour Lights",
                "Harbour Lights II - Test Films", "Harbour Lights II");
        assertThat(p.titleAffixes().prefixes()).isEmpty();
        assertThat(p.titleAffixes().strip("Harbour Lights II - Test Films")).isEqualTo("Harbour Lights II");
    }

    @Test
    void aSharedStartIsTemplateOnlyOnThreePagesAboutDifferentThings() {
        SiteProfile two = seen("Star Wars: Episode IV - A New Hope | Site", "a new hope",
                "Star Wars: Episode V - The Empire Strikes Back | Site", "empire");
        assertThat(two.titleAffixes().prefixes()).isEmpty();
        assertThat(two.titleAffixes().suffixes()).containsExactly("| Site");

        SiteProfile three = seen("Tickets for Playtime | Site", "playtime", "Tickets for Mon Oncle | Site", "mon oncle",
                "Tickets for Trafic | Site", "trafic");
        assertThat(three.titleAffixes().prefixes()).containsExactly("Tickets for");
        assertThat(three.titleAffixes().strip("Tickets for Jour de fête | Site")).isEqualTo("Jour de fête");
    }
}
