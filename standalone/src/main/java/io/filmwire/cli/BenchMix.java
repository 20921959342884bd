package io.filmwire.cli;

import io.filmwire.enrich.extract.signals.FilmWords;
import io.filmwire.enrich.extract.text.Countries;
import io.filmwire.enrich.extract.text.Dates;
import io.filmwire.enrich.extract.text.Labels;
import io.filmwire.enrich.extract.text.Languages;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.model.Fact;
import io.filmwire.enrich.model.FilmMention;
import io.filmwire.enrich.page.AnalyzedPage;
import io.filmwire.schema.FilmRecord;
import io.filmwire.schema.RawPage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's pages: a mix of sample pages made into as many distinct pages as asked.
 *
 * <p>Copy 0 of a page is the page itself. Copy {@code r > 0} renames, consistently through the
 * whole page (text, attributes, scripts, JSON-LD, the URL's path), the words of its films' titles
 * and credited names as the analysis of the original found them (the short ones, such as "The"
 * or "of", only where rare); and, in its text outside labels ("Directed by:", read with the
 * extractor's own label tables), scripts and styles, every word that fewer than
 * {@value #RARE_PAGES} pages of the mix use in any case, except the words the extractor itself
 * reads (film words, labels, languages, countries, months, units of running time: {@link
 * #extractorWord}). Each copy is on a
 * host of its own ({@code copy3.example.org} for {@code www.example.org}), so that the site
 * profiles see copies of a page as pages of different sites, not as a site's template. Labels, short values, markup, the words pages share and all digits stay,
 * so a copy keeps its original's shape, facts and cost, while its films are other films (other
 * titles, other names) and its article text differs from its original's almost everywhere:
 * deduplication keeps every copy and reconciliation makes films of its own from it.
 */
final class BenchMix {

    /** A word of a film's title or name shorter than this is renamed only where it is rare ("The", "of", "Up"). */
    static final int SHORT_WORD = 4;

    /** A word that fewer pages of the mix use than this is rare. */
    static final int RARE_PAGES = 3;

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    /** A tag, a comment or a declaration of HTML markup. */
    private static final Pattern TAG = Pattern.compile("<[!/?]?[A-Za-z][^>]*>|<!--.*?-->", Pattern.DOTALL);

    private final List<RawPage> base;
    private final List<Set<String>> filmWords;
    private final List<Set<String>> rareWords;

    private BenchMix(List<RawPage> base, List<Set<String>> filmWords, List<Set<String>> rareWords) {
        this.base = base;
        this.filmWords = filmWords;
        this.rareWords = rareWords;
    }

    /**
     * The mix of {@code base}; {@code analyses.get(i)} is page i's analysis (null when it failed),
     * which names the words of its films' titles and credits.
     */
    static BenchMix of(List<RawPage> base, List<AnalyzedPage> analyses) {
        if (base.isEmpty()) {
            throw new IllegalArgumentException("the bench needs at least one page");
        }
        Map<String, Integer> pagesUsing = new HashMap<>();
        List<Set<String>> words = base.stream().map(p -> words(p.body())).toList();
        for (Set<String> w : words) {
            Set<String> lower = new HashSet<>();
            w.forEach(word -> lower.add(word.toLowerCase(Locale.ROOT)));
            for (String word : lower) {
                pagesUsing.merge(word, 1, Integer::sum);
            }
        }
        Map<String, Boolean> known = new HashMap<>();
        java.util.function.Predicate<String> vocabulary = w -> known.computeIfAbsent(w.toLowerCase(Locale.ROOT), BenchMix::extractorWord);
        List<Set<String>> films = new java.util.ArrayList<>();
        List<Set<String>> rare = new java.util.ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            films.add(filmWords(analyses.get(i)));
            Set<String> mine = new HashSet<>();
            for (String word : words.get(i)) {
                if (pagesUsing.get(word.toLowerCase(Locale.ROOT)) < RARE_PAGES && !vocabulary.test(word)) {
                    mine.add(word);
                }
            }
            rare.add(mine);
        }
        return new BenchMix(List.copyOf(base), films, rare);
    }

    /**
     * True for a word the extractor reads as such: a film word, a label ("Runtime", "Regie"), a
     * language, a country, a month, a unit of running time. The sets of {@code extractor} know them
     * in every language they cover; such words stay in every copy.
     */
    static boolean extractorWord(String word) {
        return FilmWords.has(word) || Labels.whole(word).isPresent() || Labels.whole(word + ":").isPresent()
                || Languages.normalise(word).isPresent() || Countries.isCountry(word)
                || Dates.hasDate("12 " + word + " 2001") || Runtimes.parse("95 " + word).isPresent();
    }

    /** Pages of the mix before copying. */
    int size() {
        return base.size();
    }

    /** The {@code index}th page: page {@code index % size()} of the mix, as copy {@code index / size()}. */
    RawPage page(int index) {
        int which = index % base.size();
        int copy = index / base.size();
        RawPage original = base.get(which);
        if (copy == 0) {
            return original;
        }
        Set<String> films = filmWords.get(which);
        Set<String> rare = rareWords.get(which);
        String body = RawPage.TEXT.equals(original.contentType()) ? renameText(original.body(), films, rare, copy)
                : renameHtml(original.body(), films, rare, copy);
        String url = original.url() == null ? null : copyUrl(original.url(), films, copy);
        String id = url != null ? url : "sha256:" + sha256(body);
        String title = original.title() == null ? null : rename(original.title(), films, rare, false, copy);
        return new RawPage(id, url, original.source(), original.contentType(), original.fetchedAt(),
                original.receivedAt(), title, body);
    }

    /** An HTML page renamed: film words everywhere, rare words in its text outside labels, scripts and styles. */
    static String renameHtml(String html, Set<String> films, Set<String> rare, int copy) {
        StringBuilder out = new StringBuilder(html.length() + html.length() / 8);
        Matcher tag = TAG.matcher(html);
        int at = 0;
        boolean code = false;
        while (at < html.length()) {
            int next = tag.find(at) ? tag.start() : html.length();
            String text = html.substring(at, next);
            out.append(renameRun(text, films, rare, !code, copy));
            if (next < html.length()) {
                String t = tag.group();
                String name = t.length() > 2 ? t.substring(t.charAt(1) == '/' ? 2 : 1).split("[\\s>/]", 2)[0].toLowerCase(Locale.ROOT) : "";
                if (name.equals("script") || name.equals("style")) {
                    code = t.charAt(1) != '/';
                }
                out.append(rename(t, films, rare, false, copy));
                at = tag.end();
            } else {
                at = next;
            }
        }
        return out.toString();
    }

    /** A text page renamed: film words everywhere, rare words in its lines that are not labels. */
    static String renameText(String text, Set<String> films, Set<String> rare, int copy) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        for (String line : text.split("(?<=\n)")) {
            out.append(renameRun(line, films, rare, true, copy));
        }
        return out.toString();
    }

    /**
     * A run of text renamed: film words, and with {@code content} its rare words too, except in a
     * label and its value ("Directed by: X" keeps its label, X is renamed only as a film word).
     */
    private static String renameRun(String run, Set<String> films, Set<String> rare, boolean content, int copy) {
        String stripped = run.strip();
        if (stripped.isEmpty()) {
            return run;
        }
        boolean label = stripped.length() <= 200 && (Labels.whole(stripped).isPresent() || Labels.prefix(stripped).isPresent());
        return rename(run, films, rare, content && !label, copy);
    }

    /**
     * {@code text} with each word renamed for copy {@code copy} when it is a film word (its lower
     * case in {@code films}, and long or rare), or, with {@code content}, a rare word; entity and
     * tag names are left alone.
     */
    static String rename(String text, Set<String> films, Set<String> rare, boolean content, int copy) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String word = m.group();
            int at = m.start();
            char before = at > 0 ? text.charAt(at - 1) : ' ';
            boolean markup = before == '&' || before == '<' || before == '/' && at > 1 && text.charAt(at - 2) == '<';
            boolean film = films.contains(word.toLowerCase(Locale.ROOT)) && (word.length() >= SHORT_WORD || rare.contains(word));
            if (markup || word.length() < 2 || !film && !(content && rare.contains(word))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, last, m.start()).append(copyOf(word, copy));
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * Copy {@code copy} of {@code word}: after every {@value #EVERY} letters, one letter of the
     * copy's mark ({@link #suffix}), taken in turn, and the mark again at the end. Every
     * five-letter window of the word changes, which is what the dedup sketch compares, and two
     * copies of a word differ wherever their marks do.
     */
    static String copyOf(String word, int copy) {
        String mark = suffix(word, copy);
        int[] marks = mark.codePoints().toArray();
        StringBuilder out = new StringBuilder(word.length() + word.length() / EVERY + mark.length());
        int[] letters = word.codePoints().toArray();
        for (int i = 0; i < letters.length; i++) {
            out.appendCodePoint(letters[i]);
            if ((i + 1) % EVERY == 0 && i + 1 < letters.length) {
                out.appendCodePoint(marks[(i / EVERY) % marks.length]);
            }
        }
        return out.append(mark).toString();
    }

    /** Letters between the marks {@link #copyOf} inserts. */
    static final int EVERY = 2;

    /**
     * The mark of copy {@code copy} of {@code word}: the copy's number written with the word's own
     * distinct letters as digits, so the copy of a word is still a word of its script, and each
     * copy's differs. Upper case for an upper-case word.
     */
    static String suffix(String word, int copy) {
        int[] letters = word.toLowerCase(Locale.ROOT).codePoints().distinct().toArray();
        if (letters.length < 2) {
            letters = new int[] {letters[0], letters[0] + 1};
        }
        StringBuilder digits = new StringBuilder();
        for (int n = copy; n > 0; n /= letters.length) {
            digits.appendCodePoint(letters[n % letters.length]);
        }
        String s = digits.reverse().toString();
        boolean upper = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.equals(word.toLowerCase(Locale.ROOT));
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static String copyUrl(String url, Set<String> films, int copy) {
        try {
            URI uri = URI.create(url);
            if (uri.getRawAuthority() == null) {
                return url + "#bench-copy-" + copy;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            Matcher m = WORD.matcher(path);
            StringBuilder renamed = new StringBuilder();
            int last = 0;
            while (m.find()) {
                if (m.group().length() >= SHORT_WORD && films.contains(m.group().toLowerCase(Locale.ROOT))) {
                    renamed.append(path, last, m.start()).append(copyOf(m.group(), copy));
                    last = m.end();
                }
            }
            renamed.append(path, last, path.length());
            String query = (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&") + "bench-copy=" + copy;
            String authority = uri.getRawAuthority();
            authority = "copy" + copy + "." + (authority.startsWith("www.") ? authority.substring(4) : authority);
            return uri.getScheme() + "://" + authority + renamed + "?" + query;
        } catch (IllegalArgumentException e) {
            return url + "#bench-copy-" + copy;
        }
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (m.end() - m.start() > 1) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The lower-cased words of the titles, aliases and credited names the analysis found. */
    private static Set<String> filmWords(AnalyzedPage analysis) {
        Set<String> out = new HashSet<>();
        if (analysis == null) {
            return out;
        }
        for (FilmMention mention : analysis.mentions()) {
            addWords(out, mention.title() == null ? null : mention.title().value());
            if (mention.aliases() != null) {
                mention.aliases().forEach(a -> addWords(out, a.value()));
            }
            if (mention.credits() != null) {
                for (Fact<FilmRecord.Credit> credit : mention.credits()) {
                    addWords(out, credit.value() == null ? null : credit.value().name());
                }
            }
        }
        return out;
    }

    private static void addWords(Set<String> out, String text) {
        if (text != null) {
            words(text).forEach(w -> out.add(w.toLowerCase(Locale.ROOT)));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
