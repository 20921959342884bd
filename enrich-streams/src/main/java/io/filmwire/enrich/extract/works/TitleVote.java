package io.filmwire.enrich.extract.works;

import io.filmwire.enrich.extract.signals.PageSignals;
import io.filmwire.enrich.extract.signals.PageSignals.TitleKind;
import io.filmwire.enrich.extract.signals.PageSignals.TitleSource;
import io.filmwire.enrich.extract.signals.SiteIdentity;
import io.filmwire.enrich.extract.signals.Words;
import io.filmwire.enrich.extract.site.SiteProfile;
import io.filmwire.enrich.extract.structured.Titles;
import io.filmwire.enrich.extract.text.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The title of a page's main work, by agreement of independent signals. Every place that names the
 * page's subject (browser title, og:title, headings, structured data, breadcrumbs, the URL) gives
 * candidates once the site's own name and template are taken off it (the site's name as the page
 * shows it, the title affixes the site profile learnt); each candidate then scores by how many
 * kinds of place state it exactly (full weight) or inside a longer text (part weight). "Akira" wins
 * over "Buy cinema tickets for Akira" because the h1 states it, the browser title contains it and so
 * does the URL. Stateless.
 */
public final class TitleVote {

    /** A candidate, its score, where it was stated and, when a source gave one, its year. */
    public record Candidate(String title, double score, List<String> support, Integer year, String evidence) {
    }

    /** The vote's outcome: the ranked candidates (best first); empty when the page names nothing. */
    public record Result(List<Candidate> ranked) {

        public Candidate best() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:[|–—·•»>/]|-|::|\\\\)\\s+|\\s*[|｜]\\s*");
    private static final Map<TitleKind, Double> WEIGHTS = new EnumMap<>(Map.of(
            TitleKind.DOC_TITLE, 1.0, TitleKind.OG_TITLE, 1.0, TitleKind.TWITTER_TITLE, 0.8, TitleKind.H1, 1.2,
            TitleKind.HEADING, 0.5, TitleKind.STRUCTURED_MOVIE, 2.0, TitleKind.STRUCTURED_WORK, 0.8,
            TitleKind.BREADCRUMB, 0.6, TitleKind.URL, 0.6, TitleKind.FACTS, 1.0));
    private static final Set<TitleKind> META = Set.of(TitleKind.DOC_TITLE, TitleKind.OG_TITLE, TitleKind.TWITTER_TITLE);
    /** Share of a source's weight for a candidate it holds inside a longer text. */
    private static final double INSIDE = 0.6;

    private TitleVote() {
    }

    /**
     * The vote over a page's title sources.
     *
     * @param excluded sources to leave out (headings of other works, of site chrome or template)
     */
    public static Result vote(PageSignals signals, SiteProfile profile, Predicate<TitleSource> excluded) {
        return vote(signals, profile, excluded, List.of());
    }

    /**
     * The vote with {@code extra} sources besides the page's own (the titles its facts give: a
     * "Title:" label, the head of a fact line).
     */
    public static Result vote(PageSignals signals, SiteProfile profile, Predicate<TitleSource> excluded,
                              List<TitleSource> extra) {
        SiteIdentity site = signals.site();
        SiteProfile.Affixes affixes = profile == null ? SiteProfile.Affixes.NONE : profile.titleAffixes();
        List<TitleSource> sources = new ArrayList<>();
        int h1s = 0;
        List<TitleSource> all = new ArrayList<>(signals.titles());
        all.addAll(extra);
        for (TitleSource s : all) {
            if (!excluded.test(s)) {
                sources.add(s);
                h1s += s.kind() == TitleKind.H1 ? 1 : 0;
            }
        }
        // cleaned candidates of each source
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Integer> years = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        List<List<String>> cleanedKeys = new ArrayList<>();
        for (TitleSource s : sources) {
            List<String> keys = new ArrayList<>();
            if (s.kind() != TitleKind.URL) {
                for (String c : candidates(s, site, affixes)) {
                    Titles.Parsed parsed = Titles.parseTitle(c);
                    String title = parsed.title().strip();
                    if (!plausible(title, site, affixes)) {
                        continue;
                    }
                    String key = Words.key(title);
                    shown.putIfAbsent(key, title);
                    evidence.putIfAbsent(key, s.kind().name().toLowerCase() + ": " + s.text());
                    if (parsed.year() != null) {
                        years.putIfAbsent(key, parsed.year());
                    }
                    keys.add(key);
                }
            }
            cleanedKeys.add(keys);
        }
        List<Candidate> ranked = new ArrayList<>();
        for (Map.Entry<String, String> c : shown.entrySet()) {
            String key = c.getKey();
            String letters = Words.letters(c.getValue());
            Map<TitleKind, Double> byKind = new EnumMap<>(TitleKind.class);
            List<String> support = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                TitleSource s = sources.get(i);
                double w = WEIGHTS.get(s.kind());
                if (s.kind() == TitleKind.H1 && h1s > 1) {
                    w /= h1s;
                }
                double got = 0;
                if (s.kind() == TitleKind.URL) {
                    got = letters.length() >= 3 && Words.letters(s.text()).contains(letters) ? w : 0;
                } else if (cleanedKeys.get(i).contains(key)) {
                    got = w;
                } else if (Words.containsWords(Words.key(s.text()), key)) {
                    got = w * INSIDE;
                }
                if (got > 0) {
                    byKind.merge(s.kind(), got, Math::max);
                    support.add(s.kind().name().toLowerCase());
                }
            }
            double meta = 0;
            int metaCount = 0;
            double score = 0;
            for (Map.Entry<TitleKind, Double> e : byKind.entrySet()) {
                if (META.contains(e.getKey())) {
                    meta = Math.max(meta, e.getValue());
                    metaCount++;
                } else {
                    score += e.getValue();
                }
            }
            score += meta + (metaCount > 1 ? 0.2 : 0);
            ranked.add(new Candidate(c.getValue(), score, support, years.get(key), evidence.get(key)));
        }
        ranked.sort(Comparator.comparingDouble((Candidate x) -> -x.score()));
        return new Result(ranked);
    }

    /** The candidates in one source's text: its segments without the site's name and template. */
    static List<String> candidates(TitleSource s, SiteIdentity site, SiteProfile.Affixes affixes) {
        String text = affixes.strip(s.text());
        List<String> out = new ArrayList<>();
        boolean segmented = META.contains(s.kind()) || s.kind() == TitleKind.STRUCTURED_WORK
                || s.kind() == TitleKind.BREADCRUMB;
        List<String> segments = new ArrayList<>();
        if (segmented) {
            for (String seg : SEPARATORS.split(text)) {
                if (!seg.isBlank()) {
                    segments.add(seg.strip());
                }
            }
        } else {
            segments.add(text.strip());
        }
        if (segments.isEmpty()) {
            return out;
        }
        if (segments.size() == 1) {
            String only = site.strip(segments.get(0));
            if (!site.isName(only)) {
                out.add(only);
            }
            return out;
        }
        // a segment that is the site's name goes; the others stay, each a candidate
        for (String seg : segments) {
            if (site.coverage(seg) >= 0.5 || affixes.isAffix(seg)) {
                continue;
            }
            out.add(site.strip(seg));
        }
        return out;
    }

    /** A title is a short text with letters that is not the site's name, a label or a section name. */
    static boolean plausible(String title, SiteIdentity site, SiteProfile.Affixes affixes) {
        if (title.isEmpty() || title.length() > 200 || !Words.hasLetter(title) || title.endsWith(":")) {
            return false;
        }
        if (CompiledRx.P1.split(title).length > 30 || site.isName(title) || affixes.isAffix(title)) {
            return false;
        }
        if (Labels.whole(title).isPresent() || Labels.prefix(title).isPresent()) {
            return false;
        }
        return !Headings.isSectionName(title);
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
