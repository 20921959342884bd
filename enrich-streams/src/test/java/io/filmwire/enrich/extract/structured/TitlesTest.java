package io.filmwire.enrich.extract.structured;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {

    @Test
    void siteNamesWrappersAndQualifiersComeOff() {
        assertThat(Titles.parsePageTitle("The Shawshank Redemption (1994) - IMDb").title()).isEqualTo("The Shawshank Redemption");
        assertThat(Titles.parsePageTitle("Mission: Impossible - Fallout (2018) - IMDb").title()).isEqualTo("Mission: Impossible - Fallout");
        assertThat(Titles.parsePageTitle("Host (2020) - Rotten Tomatoes").year()).isEqualTo(2020);
        assertThat(Titles.parsePageTitle("Ferris Bueller's Day Off (1986) ⭐ 7.8 | Comedy").title()).isEqualTo("Ferris Bueller's Day Off");
        assertThat(Titles.parseTitle("دانلود فیلم 4 باندی با لینک مستقیم").title()).isEqualTo("4 باندی");
    }

    @Test
    void reviewHeadlinesGiveTheFilmsTitle() {
        assertThat(Titles.parsePageTitle("Little Pyongyang review – a refugee's quiet longing | Film | The Guardian").title())
                .isEqualTo("Little Pyongyang");
        assertThat(Titles.parsePageTitle("Film Review: 'Nomad's Land' - Variety").title()).isEqualTo("Nomad's Land");
        assertThat(Titles.parseTitle("‘The Red Chapel’ review: comedy as resistance").title()).isEqualTo("The Red Chapel");
        assertThat(Titles.parseTitle("Peer Review").title()).isEqualTo("Peer Review");
    }

    @Test
    void aLocalisedTitleInParenthesesIsAnAlias() {
        Titles.Parsed p = Titles.parseTitle("دانلود فیلم 6 Underground 2019 (شش زیرزمینی) با زیرنویس فارسی و تماشای آنلاین");
        assertThat(p.title()).isEqualTo("6 Underground 2019");
        assertThat(p.alias()).isEqualTo("شش زیرزمینی");
        assertThat(p.trailingYear()).isEqualTo(2019);
    }
}
