package io.filmwire.enrich.extract.prose;

import static org.assertj.core.api.Assertions.assertThat;

import io.filmwire.enrich.extract.WorkFacts;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProseExtractorTest {

    private final ProseExtractor prose = new ProseExtractor(new Nlp());

    private List<String> credits(String text) {
        WorkFacts facts = new WorkFacts();
        prose.extract(text, facts);
        return facts.credits().stream().map(c -> c.value().role() + ":" + c.value().name()).collect(Collectors.toList());
    }

    @Test
    void creditsNextToTheirCues() {
        assertThat(credits("Directed and produced by British filmmaker Roxy Rezvany, the film offers a view of exile."))
                .containsExactly("director:Roxy Rezvany", "producer:Roxy Rezvany");
        assertThat(credits("Japanese director Yang Yong-hi is one of the great mavericks of Asian cinema."))
                .containsExactly("director:Yang Yong-hi");
        assertThat(credits("Escorted by a tour company, filmmakers Rob Whitworth and JT Singh offer up typical scenes."))
                .containsExactly("director:Rob Whitworth", "director:JT Singh");
        assertThat(credits("Dennis Rodman, flamboyant one-time superstar of the NBA, is the star of this film by director Colin Offland."))
                .contains("director:Colin Offland", "self:Dennis Rodman");
        assertThat(credits("The subject of the film, Joong-wha Choi, is a North Korean immigrant."))
                .containsExactly("self:Joong-wha Choi");
        assertThat(credits("The thriller, starring Katherine Waterston, Cathy Moriarty and Harvey Keitel, opens today."))
                .containsExactly("cast:Katherine Waterston", "cast:Cathy Moriarty", "cast:Harvey Keitel");
        assertThat(credits("We also see Dunkirk cinematographer Hoyte van Hoytema at work on the film."))
                .containsExactly("cinematographer:Hoyte van Hoytema");
    }

    @Test
    void peopleMerelyMentionedAreNotCredits() {
        assertThat(credits("Movie set clapper | Photo by Jon Tyson on Unsplash")).isEmpty();
        assertThat(credits("The designs use the work of Nicholas Bonner with his book, and the photography of Oliver Wainwright."))
                .isEmpty();
        assertThat(credits("Rachel Link curates content for the Short Film Showcase.")).isEmpty();
        assertThat(credits("The conversation moves away from Kim Jong-un and his regime.")).isEmpty();
        assertThat(credits("Written by Anonymous")).isEmpty();
        assertThat(credits("It owes a debt to director Steven Spielberg's Jaws, which it quotes twice.")).isEmpty();
        assertThat(credits("The song was made with record producer Mark Ronson in a weekend.")).isEmpty();
        assertThat(credits("The film's producer Ana Ruiz found the money in Morocco."))
                .containsExactly("producer:Ana Ruiz");
    }

    @Test
    void yearAndRunningTimeFromSentences() {
        WorkFacts facts = new WorkFacts();
        prose.extract("Little Pyongyang is a 2018 documentary film directed by Roxy Rezvany. "
                + "The film, which runs for just under an hour, offers a rare glimpse.", facts);
        assertThat(facts.bestYear().orElseThrow().value()).isEqualTo(2018);
        assertThat(facts.bestYear().orElseThrow().layer()).isEqualTo("prose");
        assertThat(facts.toString()).isNotEmpty();
    }

    @Test
    void creditsLeftForLaterAreTheCreditsReadAtOnce() {
        String[] texts = {
            "Little Pyongyang is a 2018 documentary film directed by Roxy Rezvany. The film runs for just under an hour.",
            "The thriller, starring Katherine Waterston, Cathy Moriarty and Harvey Keitel, opens today. It lasts 104 minutes.",
            "Dennis Rodman is the star of this film by director Colin Offland.\n\nThe film's producer Ana Ruiz found the money.",
            "Movie set clapper | Photo by Jon Tyson on Unsplash",
            "Nothing here names anyone, though it was written in 1999."};
        for (String text : texts) {
            WorkFacts atOnce = new WorkFacts();
            prose.extract(text, atOnce);
            WorkFacts later = new WorkFacts();
            List<String> left = prose.extractLeavingCredits(text, later);
            assertThat(later.credits()).isEmpty();
            assertThat(later.years()).isEqualTo(atOnce.years());
            assertThat(later.runtimes()).isEqualTo(atOnce.runtimes());
            prose.readCredits(left, later);
            assertThat(later.credits()).as(text).isEqualTo(atOnce.credits());
        }
    }

    @Test
    void aCreditCueFoundByWordHashesIsTheCueFoundByLowerCasedWords() {
        String[] pieces = {"Directed", "DIRECTED", " by", " BY", "film", "Film", "cut", "score", "starring", "the", "Jane",
            "Doe", "-", "writer-director", "Écrit", " ", ", ", ".", "Director", "soundtrack", "x", "İ", "\u212a", "produced",
            "averyveryverylongword"};
        java.util.Random r = new java.util.Random(51);
        int cues = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
                if (r.nextBoolean()) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            boolean expected = cueByLowerCasedWords(text);
            cues += expected ? 1 : 0;
            assertThat(ProseExtractor.hasCreditCue(text)).as(text).isEqualTo(expected);
        }
        assertThat(cues).isBetween(10_000, 90_000);
    }

    /** The credit-cue test as it was: each word made and lower-cased, then looked up. */
    private static boolean cueByLowerCasedWords(String text) {
        int len = text.length();
        String previous = null;
        int i = 0;
        while (i < len) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-' && i + 1 < len
                    && Character.isLetter(text.charAt(i + 1)))) {
                i++;
            }
            if (i - start > 16) {
                previous = null;
                continue;
            }
            String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
            if (ProseExtractor.CREDIT_WORDS.contains(word)) {
                return true;
            }
            if (word.equals("by") && previous != null && (ProseExtractor.BY_NOUNS.containsKey(previous)
                    || ProseExtractor.FILM_NOUNS.contains(previous) || previous.equals("cut"))) {
                return true;
            }
            previous = word;
        }
        return false;
    }
}
