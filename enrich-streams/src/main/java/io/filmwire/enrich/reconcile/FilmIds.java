package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.PageIds;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * New film ids: {@code film-<title slug>[-<year>]} from the mention that creates the film, made once
 * and kept for good. When that id is taken (another film of that title and year, or a film merged
 * away), the first director's name is added, then a hash of the creating page and position. Nothing
 * depends on time or chance, so the same pages in the same order give the same ids on every run.
 * Titles without Latin letters get a hash of their title key in place of a slug. Stateless.
 */
final class FilmIds {

    /** Longest title slug in an id. */
    static final int MAX_SLUG = 60;

    private FilmIds() {
    }

    /** A free id for a film created by {@code mention}; {@code taken} says which ids are in use. */
    static String newId(FilmMention mention, Predicate<String> taken) {
        String title = mention.title().value();
        String slug = TitleKeys.slug(title, MAX_SLUG);
        String base;
        if (slug.chars().noneMatch(Character::isLetter)) {
            String hash = PageIds.sha256Hex(TitleKeys.titleKey(title).getBytes(StandardCharsets.UTF_8)).substring(0, 10);
            base = "film-" + (slug.isEmpty() ? "" : slug + "-") + hash;
        } else {
            base = "film-" + slug;
        }
        if (mention.year() != null) {
            base += "-" + mention.year().value();
        }
        if (!taken.test(base)) {
            return base;
        }
        String director = mention.credits().stream().map(Fact::value).filter(c -> "director".equals(c.role()))
                .map(c -> TitleKeys.slug(c.name(), 30)).filter(s -> !s.isEmpty()).findFirst().orElse(null);
        if (director != null && !taken.test(base + "-" + director)) {
            return base + "-" + director;
        }
        String hash = PageIds.sha256Hex(mention.mentionKey().getBytes(StandardCharsets.UTF_8));
        for (int length = 6; length <= hash.length(); length += 2) {
            String id = base + "-" + hash.substring(0, length);
            if (!taken.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free id for a film titled '" + title + "'");
    }
}
