package io.filmwire.enrich.extract.semi;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.Ratings;
import io.filmwire.enrich.extract.text.TextScan;
import io.filmwire.enrich.model.Layer;
import io.filmwire.schema.FilmRecord.Rating;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Layer 2 for ratings shown without a label: the first rating widget of the page's film (an
 * element named for ratings or scores, "7.9 (45.3K)", "4.7/10 (1,167 votes)"), outside the blocks
 * of other films and outside reviews (a critic's "3/4" is not the film's rating). Stateless.
 */
public final class RatingWidgets {

    private static final Pattern NAMED = Pattern.compile("(?i)rating|score|imdb|stars?-?box|vote");
    private static final Pattern REVIEW = Pattern.compile("(?i)review|critic|comment|user-?rating-?input|rate-?this");

    /** Adds the first rating widget's rating. */
    public void extract(Element root, Set<Element> elsewhere, WorkFacts facts) {
        String bare = null;
        for (Element el : root.getAllElements()) {
            if (el.attributesSize() == 0) {
                continue; // neither id nor class
            }
            String id = el.id();
            String cls = el.className();
            if (!mayName(id) && !mayName(cls)) {
                continue; // most names hold none of the words: no joined name made for them
            }
            String idClass = id + " " + cls;
            if (!NAMED.matcher(idClass).find() || REVIEW.matcher(idClass).find()) {
                continue;
            }
            String text = DomLabelExtractor.shortText(el);
            if (text == null || text.isEmpty() || Regions.inside(el, elsewhere) || inReview(el)) {
                continue;
            }
            Optional<Rating> rating = Ratings.parse(text, 10);
            if (rating.isPresent() && rating.get().count() != null) {
                facts.rating(rating.get(), Layer.SEMI_STRUCTURED, "rating widget: " + text, 0.75);
                return;
            }
            if (bare == null && BARE_SCORE.matcher(text).matches()) {
                bare = text;
            }
        }
        if (bare != null) {
            // a score alone in an element named for scores ("9.5"): the value without a vote count
            double v = Ratings.number(bare);
            if (v > 0 && v <= 10) {
                facts.rating(new Rating(v, 10.0, null, null), Layer.SEMI_STRUCTURED, "score widget: " + bare, 0.55);
            }
        }
    }

    /** A decimal score out of ten, alone: "9.5", "8,6". */
    private static final Pattern BARE_SCORE = Pattern.compile("\\d\\s?[.,]\\s?\\d");

    /** True when an id or class may name a rating: it holds one of the pattern's words (tested by the pattern after). */
    private static boolean mayName(String name) {
        return !name.isEmpty() && RATING_WORDS.in(name);
    }

    private static final TextScan.AnyWord RATING_WORDS = TextScan.anyWord("rating", "score", "imdb", "star", "vote");

    private static boolean inReview(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String idClass = e.id() + " " + e.className();
            if (REVIEW.matcher(idClass).find() && !e.normalName().equals("body")) {
                return true;
            }
        }
        return false;
    }
}
