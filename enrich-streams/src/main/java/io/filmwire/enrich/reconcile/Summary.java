package io.filmwire.enrich.reconcile;

import io.filmwire.schema.FilmRecord;
import java.util.List;
import java.util.TreeSet;

/**
 * What matching compares between a mention and a film, or two films: the title's key, the year, the
 * runtime, the directors and up to {@value #MAX_PEOPLE} other people, names folded by
 * {@link TitleKeys#nameKey}.
 */
public record Summary(String titleKey, Integer year, Integer runtimeMinutes, List<String> directors, List<String> people) {

    /** Most non-director names kept. */
    public static final int MAX_PEOPLE = 40;
    /** Knows nothing. */
    public static final Summary EMPTY = new Summary(null, null, null, List.of(), List.of());

    public Summary {
        directors = directors == null ? List.of() : List.copyOf(directors);
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** The summary of a record. */
    public static Summary of(FilmRecord record) {
        return of(record.title(), record.year(), record.runtimeMinutes(), record.credits());
    }

    /** The summary of these values. */
    public static Summary of(String title, Integer year, Integer runtime, List<FilmRecord.Credit> credits) {
        TreeSet<String> directors = new TreeSet<>();
        TreeSet<String> people = new TreeSet<>();
        for (FilmRecord.Credit c : credits) {
            String name = TitleKeys.nameKey(c.name());
            if (name.isEmpty()) {
                continue;
            }
            if ("director".equals(c.role())) {
                directors.add(name);
            } else if (people.size() < MAX_PEOPLE) {
                people.add(name);
            }
        }
        people.removeAll(directors);
        return new Summary(title == null ? null : TitleKeys.titleKey(title), year, runtime, List.copyOf(directors),
                List.copyOf(people));
    }

    /**
     * How well two descriptions agree that they are one film; negative means two different films.
     * A year more than one apart, or disjoint directors, say "different" (directors not when the year
     * is the same and two other people are shared: then the director is more likely misread); the
     * same year (+2, one apart +1), a shared director (+3), a close runtime (+1) and shared people
     * (+1, three or more +2) say "same". Runtimes never say "different": pages disagree on them too
     * often (prose rounding, cuts, festival versions).
     */
    public static int agreement(Summary a, Summary b) {
        int score = 0;
        boolean sameYear = false;
        if (a.year != null && b.year != null) {
            int gap = Math.abs(a.year - b.year);
            if (gap > 1) {
                return -1;
            }
            sameYear = gap == 0;
            score += sameYear ? 2 : 1;
        }
        int sharedPeople = shared(a.people, b.people);
        score += sharedPeople >= 3 ? 2 : sharedPeople > 0 ? 1 : 0;
        if (!a.directors.isEmpty() && !b.directors.isEmpty()) {
            if (shared(a.directors, b.directors) > 0) {
                score += 3;
            } else if (!(sameYear && sharedPeople >= 2)) {
                return -1;
            }
        }
        if (a.runtimeMinutes != null && b.runtimeMinutes != null) {
            int x = a.runtimeMinutes;
            int y = b.runtimeMinutes;
            score += Math.abs(x - y) <= Math.max(3, Math.max(x, y) / 10) ? 1 : 0;
        }
        return score;
    }

    private static int shared(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        TreeSet<String> s = new TreeSet<>(a);
        s.retainAll(b);
        return s.size();
    }
}
