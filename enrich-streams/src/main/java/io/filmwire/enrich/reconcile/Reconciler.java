package io.filmwire.enrich.reconcile;

import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.PageIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds a mention to the films of its title block: the same page and position replaces its earlier
 * mention (a page updated in place); the mention joins the film it agrees with (same year, a shared
 * director, a close runtime) or starts a new film. A film whose record changed is emitted with its
 * version increased. Pure: the caller keeps the block (a state store, or a map offline).
 */
public final class Reconciler {

    /** A film whose record changed: {@code record} null means the film no longer exists (tombstone). */
    public record Emission(String filmId, FilmRecord record, String causePageId) {
    }

    /** The block after the mention, and what changed. */
    public record Outcome(FilmBlock block, List<Emission> emissions) {
    }

    private final Survivorship survivorship = new Survivorship();

    /** The block key of a mention: its title's key. */
    public static String blockKey(FilmMention mention) {
        return TitleKeys.titleKey(mention.title().value());
    }

    /** Adds {@code mention} to {@code block} (null for none yet). */
    public Outcome apply(FilmBlock block, FilmMention mention, Instant now) {
        Objects.requireNonNull(mention, "mention");
        List<FilmState> films = new ArrayList<>();
        List<Emission> emissions = new ArrayList<>();
        int previousHome = -1;
        for (FilmState film : block == null ? List.<FilmState>of() : block.films()) {
            List<FilmMention> kept = film.mentions().stream()
                    .filter(m -> !m.mentionKey().equals(mention.mentionKey())).toList();
            if (kept.size() != film.mentions().size()) {
                previousHome = films.size();
                films.add(new FilmState(film.id(), kept, film.record()));
            } else {
                films.add(film);
            }
        }

        // a page updated in place stays with its film unless it now disagrees with the film's other pages
        int target = -1;
        if (previousHome >= 0) {
            FilmState home = films.get(previousHome);
            if (home.mentions().isEmpty() || agreement(home, mention) >= 0) {
                target = previousHome;
            }
        }
        if (target < 0) {
            target = bestMatch(films, mention);
        }
        FilmState joined;
        if (target < 0) {
            joined = new FilmState(newId(mention, films), List.of(mention), null);
            films.add(joined);
            target = films.size() - 1;
        } else {
            FilmState film = films.get(target);
            List<FilmMention> mentions = new ArrayList<>(film.mentions());
            mentions.add(mention);
            joined = new FilmState(film.id(), mentions, film.record());
        }
        films.set(target, joined);
        for (int i = films.size() - 1; i >= 0; i--) {
            if (films.get(i).mentions().isEmpty()) {
                emissions.add(new Emission(films.get(i).id(), null, mention.pageId()));
                films.remove(i);
                if (i < target) {
                    target--;
                }
            }
        }
        // re-assemble every film whose mentions changed (the joined one, and any that lost this mention)
        List<FilmState> updated = new ArrayList<>();
        for (int i = 0; i < films.size(); i++) {
            FilmState film = i == target ? joined : films.get(i);
            FilmState before = block == null ? null
                    : block.films().stream().filter(f -> f.id().equals(film.id())).findFirst().orElse(null);
            boolean touched = i == target || before == null || before.mentions().size() != film.mentions().size();
            if (touched) {
                FilmRecord fresh = survivorship.assemble(film.id(), film.mentions(), film.version(), now);
                if (film.record() == null || !sameContent(fresh, film.record())) {
                    FilmRecord versioned = fresh.withVersion(film.version() + 1, now);
                    emissions.add(new Emission(film.id(), versioned, mention.pageId()));
                    updated.add(new FilmState(film.id(), film.mentions(), versioned));
                    continue;
                }
            }
            updated.add(film);
        }
        return new Outcome(new FilmBlock(updated), emissions);
    }

    /** Records equal but for version and update time. */
    public static boolean sameContent(FilmRecord a, FilmRecord b) {
        return a.withVersion(0, null).equals(b.withVersion(0, null));
    }

    private static int bestMatch(List<FilmState> films, FilmMention mention) {
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < films.size(); i++) {
            int score = agreement(films.get(i), mention);
            if (score >= 0 && score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** How well a mention agrees with a film: negative means "a different film". */
    private static int agreement(FilmState film, FilmMention mention) {
        FilmRecord record = film.record();
        if (record == null) {
            return 0;
        }
        int score = 0;
        if (mention.year() != null && record.year() != null) {
            if (Math.abs(mention.year().value() - record.year()) > 1) {
                return -1;
            }
            score += mention.year().value().equals(record.year()) ? 2 : 0;
        }
        Set<String> theirs = record.credits().stream().filter(c -> "director".equals(c.role()))
                .map(c -> TitleKeys.nameKey(c.name())).collect(Collectors.toSet());
        Set<String> ours = mention.credits().stream().map(Fact::value).filter(c -> "director".equals(c.role()))
                .map(c -> TitleKeys.nameKey(c.name())).collect(Collectors.toSet());
        if (!theirs.isEmpty() && !ours.isEmpty()) {
            Set<String> shared = new HashSet<>(theirs);
            shared.retainAll(ours);
            if (shared.isEmpty()) {
                return -1;
            }
            score += 2;
        }
        if (mention.runtimeMinutes() != null && record.runtimeMinutes() != null) {
            int a = mention.runtimeMinutes().value();
            int b = record.runtimeMinutes();
            score += Math.abs(a - b) <= Math.max(3, Math.max(a, b) / 10) ? 1 : 0;
        }
        return score;
    }

    private static String newId(FilmMention mention, List<FilmState> films) {
        String title = mention.title().value();
        String slug = TitleKeys.slug(title, 60);
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
        Set<String> taken = films.stream().map(FilmState::id).collect(Collectors.toSet());
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
