package io.filmwire.enrich.extract.prose;

import io.filmwire.enrich.extract.WorkFacts;
import io.filmwire.enrich.extract.text.PersonNames;
import io.filmwire.enrich.extract.text.Runtimes;
import io.filmwire.enrich.extract.text.Years;
import io.filmwire.enrich.model.Layer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 3: facts in sentences, read with OpenNLP's sentence detector, tokenizer and POS tagger.
 * Credits come from cues next to names: "directed and produced by British filmmaker Roxy Rezvany",
 * "Japanese director Yang Yong-hi", "filmmakers Rob Whitworth and JT Singh", "a film by X",
 * "starring A, B and C", "the subject of the film, X", "X directed this video"; a year from
 * "X is a 2018 documentary film"; a running time from "a 90-minute film" or, vaguely, "runs for just
 * under an hour". Photo credits ("Photo by"), cited authors ("the photography of X", "his book") and
 * people merely named are not credits. Not thread-safe: one instance per thread.
 */
public final class ProseExtractor {

    private static final double CONFIDENCE = 0.7;

    /** Verbs that take "by NAME" and the role they give. */
    private static final Map<String, String> BY_VERBS = Map.ofEntries(
            Map.entry("directed", "director"), Map.entry("co-directed", "director"), Map.entry("helmed", "director"),
            Map.entry("produced", "producer"), Map.entry("co-produced", "producer"),
            Map.entry("written", "writer"), Map.entry("co-written", "writer"), Map.entry("scripted", "writer"),
            Map.entry("edited", "editor"), Map.entry("cut", "editor"), Map.entry("photographed", "cinematographer"),
            Map.entry("lensed", "cinematographer"), Map.entry("scored", "composer"), Map.entry("composed", "composer"));
    /** Nouns that take "by NAME" right after them and the role they give: "soundtrack by Youssou N'Dour". */
    static final Map<String, String> BY_NOUNS = Map.of("soundtrack", "composer", "score", "composer",
            "music", "composer", "cinematography", "cinematographer", "photography", "cinematographer",
            "screenplay", "writer", "script", "writer");
    /** Nouns that name the person right after them ("director Colin Offland"). */
    private static final Map<String, String> ROLE_NOUNS = Map.ofEntries(
            Map.entry("director", "director"), Map.entry("directors", "director"), Map.entry("filmmaker", "director"),
            Map.entry("filmmakers", "director"), Map.entry("film-maker", "director"), Map.entry("documentarian", "director"),
            Map.entry("documentarians", "director"), Map.entry("co-director", "director"), Map.entry("helmer", "director"),
            Map.entry("producer", "producer"), Map.entry("producers", "producer"),
            Map.entry("cinematographer", "cinematographer"), Map.entry("editor", "editor"),
            Map.entry("composer", "composer"), Map.entry("screenwriter", "writer"),
            Map.entry("actor", "cast"), Map.entry("actress", "cast"), Map.entry("actors", "cast"),
            Map.entry("star", "cast"), Map.entry("stars", "cast"));
    /** Nouns of films: "a film by", "this documentary by". */
    static final Set<String> FILM_NOUNS = Set.of("film", "films", "documentary", "movie", "feature", "short",
            "video", "picture", "drama", "comedy", "thriller", "debut", "doc");
    /** Cues that list the cast after them. */
    private static final Set<String> CAST_CUES = Set.of("starring", "stars", "featuring", "features", "co-starring");
    /** Words that show a name is not the film's (an author, a photographer of a photo, a politician). */
    private static final Pattern NOT_FILM_CONTEXT = Pattern.compile(
            "(?i)\\b(photo|photograph|image|picture|illustration|book|novel|article|essay|interview(ed)?|"
                    + "ceo|president|minister|leader|spokes(man|woman|person)|curates?|editor of|author)\\b");

    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "da", "di", "du", "le", "la",
            "del", "della", "dos", "das", "bin", "al", "el", "ter", "ten");

    /** Words without which a sentence states no year or running time read here (such sentences are not tagged). */
    private static final Pattern FACT_CUES = Pattern.compile("(?i)\\b(runs?|running|lasts?|minutes?|hours?|(18|19|20)\\d\\d)\\b");
    /** Words that name a credit on their own: a sentence holds a credit only with one of them or with "NOUN by". */
    static final Set<String> CREDIT_WORDS = creditWords();

    private static Set<String> creditWords() {
        Set<String> words = new HashSet<>(BY_VERBS.keySet());
        words.remove("cut"); // a credit only as "cut by"
        words.addAll(ROLE_NOUNS.keySet());
        words.addAll(CAST_CUES);
        words.addAll(Set.of("subject", "writer-director", "star"));
        return Set.copyOf(words);
    }

    /** Roles a bare role noun may give without a film being named in the sentence. */
    private static final Set<String> DIRECTING = Set.of("director");
    /** A sentence that speaks of a film. */
    private static final Pattern FILM_CONTEXT = Pattern.compile(
            "(?i)\\b(film|films|movie|movies|documentary|feature|short|picture|cast|shoot|shot|set|screen|scenes?)\\b|'s (film|movie)");

    /** True when the name is followed by a possessive in the sentence ("Steven Spielberg's Jaws"). */
    private static boolean possessiveAfter(Nlp.Sentence s, String firstName, int from) {
        int at = s.text().indexOf(firstName);
        return at >= 0 && POSSESSIVE_NAME.matcher(s.text().substring(at)).lookingAt();
    }

    private static final Pattern POSSESSIVE_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}.\\-]*(?:\\s+(?:\\p{Lu}[\\p{L}.\\-]*|van|von|de|der|da|di|du|la|le))*['’]s\\b");

    /** Sentences tagged at most per text: bounds the cost of a huge page. */
    private static final int MAX_TAGGED_SENTENCES = 400;

    private final Nlp nlp;

    public ProseExtractor(Nlp nlp) {
        this.nlp = nlp;
    }

    /**
     * Adds the prose facts of {@code text} (paragraphs separated by blank lines) to the work. Only a
     * sentence that can hold a credit (one of the credit words, or "NOUN by") is tagged, and only in
     * a paragraph of the Latin script the English models read; a year or a running time is read
     * from a sentence that has its cue, untagged.
     */
    public void extract(String text, WorkFacts facts) {
        extract(text, facts, null);
    }

    /**
     * As {@link #extract(String, WorkFacts)}, without tagging: the sentences that would be tagged for
     * credits are returned, in text order, for {@link #readCredits} to read if the work turns out to
     * need them (a page that shows no film is not tagged at all). Years and running times are read.
     */
    public List<String> extractLeavingCredits(String text, WorkFacts facts) {
        List<String> later = new ArrayList<>();
        extract(text, facts, later);
        return later;
    }

    /** The credits of sentences left by {@link #extractLeavingCredits}, added as that call would have. */
    public void readCredits(List<String> sentences, WorkFacts facts) {
        for (String sentence : sentences) {
            credits(nlp.tag(sentence), facts);
        }
    }

    private void extract(String text, WorkFacts facts, List<String> later) {
        int budget = MAX_TAGGED_SENTENCES;
        for (String paragraph : PARAGRAPH.split(text)) {
            String p = paragraph.replace('\n', ' ').strip();
            if (p.length() < 20 || p.length() > 20_000) {
                continue;
            }
            boolean credits = budget > 0 && mostlyLatin(p) && hasCreditCue(p);
            if (!credits && !hasFactCue(p)) {
                continue;
            }
            for (String sentence : nlp.sentences(p)) {
                if (sentence.length() > 800) {
                    continue;
                }
                boolean credit = credits && hasCreditCue(sentence) && budget-- > 0;
                if (credit && later != null) {
                    later.add(sentence);
                } else if (credit) {
                    credits(nlp.tag(sentence), facts);
                }
                if (credit || hasFactCue(sentence)) {
                    yearAndRuntime(sentence, facts);
                }
            }
        }
    }

    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");

    /**
     * {@code FACT_CUES.matcher(text).find()}, the pattern tried only where the text holds what each of
     * its matches holds: "run", "last", "minute" or "hour" in ASCII letters of either case (the
     * pattern folds ASCII case only), or "18", "19" or "20" followed by two digits. Most paragraphs
     * hold none, and the pattern's case-insensitive alternation at every position was a visible cost.
     */
    static boolean hasFactCue(String text) {
        return mayHoldFactCue(text) && FACT_CUES.matcher(text).find();
    }

    /** A necessary condition of a {@link #FACT_CUES} match in {@code text}, in one pass. */
    static boolean mayHoldFactCue(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            switch (c | 0x20) {
                case 'r' -> {
                    if (asciiCaseMatch(text, i, "run")) {
                        return true;
                    }
                }
                case 'l' -> {
                    if (asciiCaseMatch(text, i, "last")) {
                        return true;
                    }
                }
                case 'm' -> {
                    if (asciiCaseMatch(text, i, "minute")) {
                        return true;
                    }
                }
                case 'h' -> {
                    if (asciiCaseMatch(text, i, "hour")) {
                        return true;
                    }
                }
                default -> {
                    if ((c == '1' || c == '2') && i + 3 < n) {
                        char d = text.charAt(i + 1);
                        if ((c == '1' ? d == '8' || d == '9' : d == '0') && isAsciiDigit(text.charAt(i + 2))
                                && isAsciiDigit(text.charAt(i + 3))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Whether the characters at {@code at} are {@code lower}'s letters in ASCII upper or lower case (no other folding). */
    private static boolean asciiCaseMatch(String text, int at, String lower) {
        if (at + lower.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = text.charAt(at + k);
            if (c != lower.charAt(k) && c != lower.charAt(k) - 32) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The hash codes of every word {@link #hasCreditCue} looks for (credit words, "by" and the words before it), sorted. */
    private static final int[] CUE_HASHES = java.util.stream.Stream.of(CREDIT_WORDS, BY_NOUNS.keySet(), FILM_NOUNS,
            Set.of("by", "cut")).flatMap(Set::stream).mapToInt(String::hashCode).sorted().distinct().toArray();

    /** True when a word of {@code text} names a credit, or a film or job noun is followed by "by". */
    static boolean hasCreditCue(String text) {
        int len = text.length();
        String previous = null;
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            int hash = 0;
            while (i < len && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-' && i + 1 < len
                    && Character.isLetter(text.charAt(i + 1)))) {
                char w = text.charAt(i);
                ascii &= w < 128;
                hash = 31 * hash + (w >= 'A' && w <= 'Z' ? w + 32 : w);
                i++;
            }
            if (i - start > 16 || ascii && java.util.Arrays.binarySearch(CUE_HASHES, hash) < 0) {
                // too long, or an ASCII word whose lower case (hashed as String does) is none of the cue words
                previous = null;
                continue;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (CREDIT_WORDS.contains(word)) {
                return true;
            }
            if (word.equals("by") && previous != null && (BY_NOUNS.containsKey(previous)
                    || FILM_NOUNS.contains(previous) || previous.equals("cut"))) {
                return true;
            }
            previous = word;
        }
        return false;
    }

    /** True unless most letters of {@code text} are of another script than Latin. */
    private static boolean mostlyLatin(String text) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x250) {
                if (Character.isLetter(c)) {
                    latin++;
                }
            } else if (Character.isLetter(c)) {
                other++;
            }
        }
        return latin >= other;
    }

    private static final Pattern YEAR_FILM = Pattern.compile(
            "(?i)\\b(?:is|was|'s) an? ((?:18|19|20)\\d\\d) (?:[\\p{L}-]+ ){0,5}?(?:film|documentary|movie|short|feature|"
                    + "animated|animation|drama|comedy|thriller|horror|western|musical|biopic)\\b");
    private static final Pattern RUNTIME_CUE = Pattern.compile("(?i)\\b(runs?|running|runtime|run time|lasts?|long|length|minutes?|hours?)\\b");

    private static void yearAndRuntime(String sentence, WorkFacts facts) {
        Matcher y = YEAR_FILM.matcher(sentence);
        if (y.find()) {
            int year = Integer.parseInt(y.group(1));
            if (Years.plausible(year)) {
                facts.year(year, Layer.PROSE, sentence, CONFIDENCE);
            }
        }
        if (RUNTIME_CUE.matcher(sentence).find()) {
            var exact = Runtimes.parse(sentence);
            if (exact.isPresent() && exact.getAsInt() >= 3) {
                facts.runtime(exact.getAsInt(), Layer.PROSE, sentence, 0.5);
            } else if (CompiledRx.P1.matcher(sentence.toLowerCase(Locale.ROOT)).matches()) {
                Runtimes.vague(sentence).ifPresent(m -> facts.runtime(m, Layer.PROSE, sentence, 0.2));
            }
        }
    }

    private void credits(Nlp.Sentence s, WorkFacts facts) {
        String[] t = s.tokens();
        String[] lower = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            lower[i] = t[i].toLowerCase(Locale.ROOT);
        }
        boolean suspicious = NOT_FILM_CONTEXT.matcher(s.text()).find();
        for (int i = 0; i < t.length; i++) {
            // "... directed and produced by NAME", "a film by NAME"
            if (lower[i].equals("by") && i > 0) {
                List<String> roles = new ArrayList<>();
                int j = i - 1;
                while (j >= 0) {
                    String role = BY_VERBS.get(lower[j]);
                    if (role == null && j == i - 1) {
                        role = BY_NOUNS.get(lower[j]); // "soundtrack by NAME", "cinematography by NAME"
                    }
                    if (role != null) {
                        roles.add(0, role);
                        j--;
                    } else if (lower[j].equals("and") || lower[j].equals(",") || lower[j].equals("co")) {
                        j--;
                    } else {
                        break;
                    }
                }
                if (roles.isEmpty() && FILM_NOUNS.contains(lower[i - 1]) && (i < 2 || !lower[i - 2].equals("photo"))) {
                    roles.add("director");
                }
                if (roles.isEmpty()) {
                    continue;
                }
                if (roles.equals(List.of("writer")) && (i - 1 == 0 || suspicious)) {
                    continue; // "Written by NAME" alone is a synopsis' author, not the film's writer
                }
                for (String name : namesAfter(s, i + 1)) {
                    for (String role : roles) {
                        facts.credit(role, name, null, Layer.PROSE, s.text(), CONFIDENCE);
                    }
                }
                continue;
            }
            // "writer-director NAME": both jobs
            if (lower[i].equals("director") && i >= 2 && lower[i - 1].equals("-") && lower[i - 2].equals("writer")
                    || lower[i].equals("writer-director")) {
                for (String name : namesAfter(s, i + 1)) {
                    facts.credit("director", name, null, Layer.PROSE, s.text(), CONFIDENCE);
                    facts.credit("writer", name, null, Layer.PROSE, s.text(), CONFIDENCE);
                }
                continue;
            }
            // "director NAME", "Japanese director NAME", "filmmakers NAME and NAME"
            String role = ROLE_NOUNS.get(lower[i]);
            boolean afterBy = i > 0 && lower[i - 1].equals("by") || i > 1 && lower[i - 2].equals("by")
                    || i > 2 && lower[i - 3].equals("by");
            if (role != null && i + 1 < t.length && !suspicious && !afterBy) {
                if (i + 1 < t.length && lower[i + 1].equals("of")) {
                    continue; // "director of photography NAME" is read by its own cue
                }
                boolean filmContext = FILM_CONTEXT.matcher(s.text()).find();
                if (!DIRECTING.contains(role) && !filmContext) {
                    continue; // "record producer Mark Ronson": a job, but not on this film
                }
                List<String> names = namesAfter(s, i + 1);
                if (!names.isEmpty() && possessiveAfter(s, names.get(names.size() - 1), i + 1)) {
                    continue; // "director Steven Spielberg's Jaws": another film of that person
                }
                for (String name : names) {
                    facts.credit(role, name, null, Layer.PROSE, s.text(), CONFIDENCE * 0.9);
                }
                continue;
            }
            // "starring A, B and C"
            if (CAST_CUES.contains(lower[i]) && !suspicious) {
                for (String name : namesAfter(s, i + 1)) {
                    facts.credit("cast", name, null, Layer.PROSE, s.text(), CONFIDENCE * 0.9);
                }
                continue;
            }
            // "The subject of the film, NAME, ..."
            if (lower[i].equals("subject") && i + 3 < t.length && lower[i + 1].equals("of")
                    && FILM_NOUNS.contains(lower[i + 3]) && i + 4 < t.length && t[i + 4].equals(",")) {
                for (String name : namesAfter(s, i + 5)) {
                    facts.credit("self", name, null, Layer.PROSE, s.text(), CONFIDENCE);
                }
                continue;
            }
            // "NAME directed this video", "NAME, ..., is the star of this film"
            if (i == 0 && Character.isUpperCase(t[0].codePointAt(0))) {
                List<String> subject = namesAfter(s, 0);
                int after = tokenAfterName(s, 0);
                if (!subject.isEmpty() && after < t.length) {
                    String verb = lower[after];
                    if ((verb.equals("directed") || verb.equals("co-directed")) && after + 1 < t.length
                            && !lower[after + 1].equals("by")) {
                        subject.forEach(n -> facts.credit("director", n, null, Layer.PROSE, s.text(), CONFIDENCE));
                    }
                    if (CompiledRx.P2.matcher(s.text()).matches()) {
                        subject.forEach(n -> facts.credit("self", n, null, Layer.PROSE, s.text(), CONFIDENCE * 0.9));
                    }
                }
            }
        }
    }

    /** The token index right after the name that starts at {@code start}. */
    private static int tokenAfterName(Nlp.Sentence s, int start) {
        int i = start;
        while (i < s.tokens().length && (isNameToken(s, i) || s.tokens()[i].equals("-") && i + 1 < s.tokens().length)) {
            i++;
        }
        return i;
    }

    /**
     * The names that start at token {@code start}, skipping a modifier first ("British filmmaker",
     * "Japanese director"), joined by commas and "and": "Rob Whitworth and JT Singh".
     */
    static List<String> namesAfter(Nlp.Sentence s, int start) {
        String[] t = s.tokens();
        int i = start;
        // a demonym or role word before the name: "British filmmaker", "the director"
        for (int guard = 0; guard < 3 && i < t.length; guard++) {
            String lower = t[i].toLowerCase(Locale.ROOT);
            if (lower.equals("the") || lower.equals("a") || lower.equals("an") || ROLE_NOUNS.containsKey(lower)) {
                i++;
            } else if (i + 1 < t.length && ROLE_NOUNS.containsKey(t[i + 1].toLowerCase(Locale.ROOT))
                    && Character.isUpperCase(t[i].codePointAt(0))) {
                i += 2;
            } else if (i + 3 < t.length && t[i + 1].equals("-") && ROLE_NOUNS.containsKey(t[i + 3].toLowerCase(Locale.ROOT))) {
                i += 4; // "British-based filmmaker"
            } else {
                break;
            }
        }
        List<String> names = new ArrayList<>();
        while (i < t.length) {
            StringBuilder name = new StringBuilder();
            int end = i;
            while (end < t.length) {
                if (isNameToken(s, end)) {
                    if (name.length() > 0 && !t[end - 1].equals("-")) {
                        name.append(' ');
                    }
                    name.append(t[end]);
                    end++;
                    if (t[end - 1].endsWith("’s") || t[end - 1].endsWith("'s")
                            || end < t.length && (t[end].equals("’s") || t[end].equals("'s"))) {
                        break; // "Michel Ocelot’s Kirikou": the name ends at its possessive
                    }
                } else if (name.length() > 0 && end + 1 < t.length && PARTICLES.contains(t[end])
                        && isNameToken(s, end + 1)) {
                    name.append(' ').append(t[end]);
                    end++;
                } else if (t[end].equals("-") && name.length() > 0 && end + 1 < t.length
                        && Character.isLetter(t[end + 1].codePointAt(0))) {
                    name.append('-').append(t[end + 1]);
                    end += 2;
                } else {
                    break;
                }
            }
            String candidate = PersonNames.clean(name.toString());
            if (end == i || !PersonNames.isName(candidate) || candidate.split(" ").length > 5) {
                break;
            }
            names.add(candidate);
            i = end;
            if (i < t.length && (t[i].equals(",") || t[i].equalsIgnoreCase("and") || t[i].equals("&"))) {
                int next = i + 1;
                if (next < t.length && t[next].equalsIgnoreCase("and")) {
                    next++;
                }
                if (next < t.length && isNameToken(s, next)) {
                    i = next;
                    continue;
                }
            }
            break;
        }
        return names;
    }

    /** A token that can be part of a name: capitalised, or a particle inside a name, not a function word. */
    private static boolean isNameToken(Nlp.Sentence s, int i) {
        String tok = s.tokens()[i];
        String tag = s.tags()[i];
        if (tok.isEmpty() || !Character.isLetter(tok.codePointAt(0))) {
            return false;
        }
        if (Character.isUpperCase(tok.codePointAt(0))) {
            return !tag.equals("DET") && !tag.equals("PRON") && !tag.equals("ADP") && !tag.equals("CCONJ")
                    && !tag.equals("AUX") && !tag.equals("SCONJ") && !tag.equals("VERB");
        }
        return false;
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile(".*\\b(runs?|running|lasts?)\\b.*");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("(?i).*\\bis the star of (this|the) (film|documentary|movie)\\b.*");

        private CompiledRx() {
        }
    }
}
