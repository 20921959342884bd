package io.filmwire.enrich.extract.works;

import io.filmwire.enrich.extract.prose.Nlp;
import java.util.LinkedHashMap;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a work's title in its prose, for pages whose headings do not give it: the name that
 * sentences keep starting with ("Little Pyongyang is ...", "Little Pyongyang challenges ..."), or
 * one that a sentence says is a film ("Defilada was filmed during ...", "X is a 2018 documentary").
 * People's names are not titles. Not thread-safe (uses {@link Nlp}).
 */
public final class TitleFinder {

    /** A title found in prose, with the sentence that shows it and how sure. */
    public record Found(String title, String evidence, double confidence) {
    }

    private static final Set<String> FILM_VERBS = Set.of("filmed", "shot", "made", "released", "directed", "produced",
            "screened", "premiered", "documents", "chronicles", "follows", "tells");
    private static final Set<String> FILM_NOUNS = Set.of("film", "documentary", "movie", "short", "feature", "drama",
            "comedy", "thriller", "animation", "co-production", "portrait", "biopic", "look", "portrayal");
    private static final Pattern NOT_TITLES = Pattern.compile(
            "(?i)^(here|there|it|this|that|these|those|today|now|then|also|however|overall|despite|although|"
                    + "while|when|after|before|since|throughout|according|instead|moments?|parts?|one|many|some|"
                    + "several|most|all|both|each)$");

    /** Sentences read at most: a title shows in the first paragraphs of its text. */
    private static final int MAX_SENTENCES = 150;
    private static final int MAX_PARAGRAPH = 20_000;

    private final Nlp nlp;

    public TitleFinder(Nlp nlp) {
        this.nlp = nlp;
    }

    /**
     * The title of the work that {@code text} describes, if its sentences show one.
     *
     * @param people names already known to be people on this page (they are not titles)
     * @param strict accept only a sentence that says the name is a film (for a part of a list)
     */
    public Optional<Found> find(String text, Set<String> people, boolean strict) {
        Map<String, Integer> subjects = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        String filmSaid = null;
        String filmEvidence = null;
        int budget = MAX_SENTENCES;
        for (String paragraph : CompiledRx.P1.split(text)) {
            if (budget <= 0) {
                break;
            }
            if (paragraph.length() > MAX_PARAGRAPH) {
                continue;
            }
            for (String sentence : nlp.sentences(paragraph.replace('\n', ' '))) {
                if (--budget < 0) {
                    break;
                }
                // the subject and its verb are at the start: tag only the start
                String start = sentence.length() > 160 ? sentence.substring(0, 160) : sentence;
                if (strict && !maySayFilm(start)) {
                    continue; // only a sentence that says its subject is a film counts here: this one cannot
                }
                Nlp.Sentence s = nlp.tag(start);
                int end = subjectEnd(s);
                if (end <= 0 || end >= s.tokens().length) {
                    continue;
                }
                String subject = join(s, end);
                if (!plausible(subject, people)) {
                    continue;
                }
                String tag = s.tags()[end];
                if (!tag.equals("VERB") && !tag.equals("AUX")) {
                    continue;
                }
                subjects.merge(subject, 1, Integer::sum);
                evidence.putIfAbsent(subject, s.text());
                if (filmSaid == null && saysFilm(s, end)) {
                    filmSaid = subject;
                    filmEvidence = s.text();
                }
            }
        }
        if (filmSaid != null) {
            return Optional.of(new Found(filmSaid, filmEvidence, 0.8));
        }
        if (strict) {
            return Optional.empty();
        }
        return subjects.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue())
                .map(e -> new Found(e.getKey(), evidence.get(e.getKey()), Math.min(0.8, 0.4 + 0.1 * e.getValue())));
    }

    /**
     * False when {@link #saysFilm} cannot hold for any tagging of {@code text}: its lower case holds
     * neither "is" nor "was", or none of the film verbs and nouns (each token is a piece of the text,
     * so a token that lower-cases to one of them leaves it in the text's lower case).
     */
    static boolean maySayFilm(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("is") && !lower.contains("was")) {
            return false;
        }
        for (String w : FILM_VERBS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        for (String w : FILM_NOUNS) {
            if (!w.equals("look") && !w.equals("portrayal") && lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** "X is a ... documentary", "X was filmed ...". */
    static boolean saysFilm(Nlp.Sentence s, int verb) {
        String[] t = s.tokens();
        String v = t[verb].toLowerCase(Locale.ROOT);
        if ((v.equals("is") || v.equals("was")) && verb + 1 < t.length) {
            String next = t[verb + 1].toLowerCase(Locale.ROOT);
            if (FILM_VERBS.contains(next)) {
                return true;
            }
            if (next.equals("a") || next.equals("an")) {
                for (int i = verb + 2; i < Math.min(t.length, verb + 9); i++) {
                    if (FILM_NOUNS.contains(t[i].toLowerCase(Locale.ROOT))
                            && !t[i].equalsIgnoreCase("look") && !t[i].equalsIgnoreCase("portrayal")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The index of the first token after a capitalised span at the start of the sentence. */
    static int subjectEnd(Nlp.Sentence s) {
        String[] t = s.tokens();
        int i = 0;
        while (i < t.length && i < 8) {
            String tok = t[i];
            String tag = s.tags()[i];
            boolean capital = !tok.isEmpty() && Character.isUpperCase(tok.codePointAt(0));
            boolean joiner = i > 0 && (tok.equals("-") || tok.equals("'s") || tok.equals("’s")
                    || tag.equals("ADP") && tok.length() <= 3 && i + 1 < t.length
                    && Character.isUpperCase(t[i + 1].codePointAt(0)));
            if (capital && !tag.equals("DET") && !tag.equals("PRON") && !tag.equals("SCONJ") && !tag.equals("AUX")
                    || joiner) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static String join(Nlp.Sentence s, int end) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < end; i++) {
            String tok = s.tokens()[i];
            if (b.length() > 0 && !tok.equals("-") && !tok.startsWith("'") && !tok.startsWith("’")
                    && !s.tokens()[i - 1].equals("-")) {
                b.append(' ');
            }
            b.append(tok);
        }
        return b.toString();
    }

    private static boolean plausible(String subject, Set<String> people) {
        if (subject.isBlank() || NOT_TITLES.matcher(subject).matches() || subject.length() > 80) {
            return false;
        }
        String lower = subject.toLowerCase(Locale.ROOT);
        for (String person : people) {
            String p = person.toLowerCase(Locale.ROOT);
            if (p.equals(lower) || p.endsWith(" " + lower) || p.startsWith(lower + " ")) {
                return false;
            }
        }
        return true;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\n\\s*\\n");

        private CompiledRx() {
        }
    }
}
