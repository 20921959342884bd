package io.filmwire.enrich.extract.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The labels pages put before a film's facts ("Directed by", "Run Time:", "Language", "کارگردان"),
 * in English, Spanish, French, German, Italian and Persian, and what each one introduces. A label
 * matches whole, or as the start of a longer label ("Executive producers for the Guardian",
 * "Writers (WGA)"); the longest match wins, so "Director of photography" is cinematography. Stateless.
 */
public final class Labels {

    /** What a label introduces. */
    public enum Field {
        TITLE, ALIAS, YEAR, RELEASE_DATE, RUNTIME, LANGUAGE, GENRE, RATING, VOTES, CREDIT, CREW, COUNTRY
    }

    /** The meaning of a label: a field, and for credits the role (null for CREW: roles given per row). */
    public record Meaning(Field field, String role) {
    }

    private record Entry(String label, Meaning meaning) {
    }

    /** The first words of all labels: a text whose first word is none of these is no label (a quick refusal). */
    private static final java.util.Set<String> FIRST_WORDS = new java.util.HashSet<>();
    /** The hash codes of {@link #FIRST_WORDS}, sorted: an ASCII first word is refused by its hash, made only if it may be one. */
    private static final int[] FIRST_HASHES;
    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static final java.util.Map<String, Meaning> EXACT = new java.util.HashMap<>();
    private static final List<Entry> BY_LABELS = new ArrayList<>();

    private static void add(Field field, String role, String... labels) {
        for (String label : labels) {
            ENTRIES.add(new Entry(label, new Meaning(field, role)));
        }
    }

    static {
        add(Field.CREDIT, "director", "режиссер", "режиссёр", "режиссура", "导演", "導演", "監督", "감독", "yönetmen", "direção", "realização", "مخرج الفيلم", "निर्देशक", "reżyseria", "regisseur(s)", "réalisateurs", "regia di", "dirigida", "direzione", "director", "directors", "directed by", "direction", "film director",
                "réalisation", "réalisateur", "réalisatrice", "réalisé par", "dirección", "dirigida por", "director/a",
                "regia", "regie", "regisseur", "regisseurin", "کارگردان", "کارگردانان", "إخراج", "مخرج");
        add(Field.CREDIT, "writer", "сценарий", "编剧", "編劇", "脚本", "각본", "senaryo", "roteiro", "guionista", "guionistas", "scénaristes", "scenario", "tratto da", "writer", "writers", "written by", "screenplay", "screenplay by", "writing credits",
                "screenwriter", "screenwriters", "story by", "scénario", "guion", "guión", "drehbuch", "sceneggiatura",
                "نویسنده", "نویسندگان", "فیلمنامه", "فیلمنامه نویس");
        add(Field.CREDIT, "producer", "продюсер", "продюсеры", "制片人", "製片", "製作", "제작", "yapımcı", "produção", "productores", "producteurs", "producer", "producers", "produced by", "producido por", "producción",
                "production by", "produit par", "producteur", "produzent", "produzione", "تهیه کننده", "تهیه‌کننده",
                "تهیه کنندگان");
        add(Field.CREDIT, "executive_producer", "executive producer", "executive producers", "executive produced by",
                "producer executive", "producteur délégué", "producción ejecutiva", "productor ejecutivo",
                "مجری طرح");
        add(Field.CREDIT, "cinematographer", "оператор", "摄影", "攝影", "撮影", "촬영", "görüntü yönetmeni", "direção de fotografia", "directeur de la photographie", "cinematography", "cinematography by", "cinematographer",
                "director of photography", "directors of photography", "photography", "dop", "camera",
                "fotografía", "dirección de fotografía", "kamera", "fotografia", "فیلمبردار", "مدیر فیلمبرداری",
                "فیلمبرداری");
        add(Field.CREDIT, "editor", "монтаж", "剪辑", "剪輯", "編集", "편집", "kurgu", "montagem", "editor", "editors", "edited by", "editing", "film editing", "film editing by",
                "film editor", "montage", "montaje", "schnitt", "montaggio", "تدوین", "تدوینگر", "تدوین گر");
        add(Field.CREDIT, "composer", "композитор", "音乐", "音樂", "音楽", "음악", "müzik", "trilha sonora", "colonna sonora", "compositor", "music", "music by", "original music by", "composer", "composers", "score",
                "original score", "musique", "música", "musik", "musiche", "موسیقی", "آهنگساز");
        add(Field.CREDIT, "production_designer", "production design", "production design by", "production designer",
                "طراح صحنه");
        add(Field.CREDIT, "cast", "в ролях", "актеры", "актёры", "主演", "演员", "演員", "出演", "キャスト", "출연", "oyuncular", "elenco", "acteurs", "top billed cast", "series cast", "full cast", "voice actors", "voices of", "cast", "starring", "stars", "star", "cast members", "top cast", "main cast",
                "actors", "cast overview", "cast list", "with", "voices", "voice cast", "reparto", "intérpretes",
                "interprètes", "distribution", "avec", "darsteller", "besetzung", "cast principale", "interpreti",
                "بازیگران", "بازیگر", "ستارگان");
        add(Field.CREDIT, "self", "featuring", "appearing", "participants", "subjects");
        add(Field.CREW, null, "cast & crew", "cast and crew", "crew", "full cast & crew", "credits", "key credits",
                "featured crew", "crew members", "съемочная группа", "staff", "スタッフ", "ficha técnica", "fiche technique");
        add(Field.TITLE, null, "title", "film name", "movie title", "name", "titre", "título", "titel", "نام فیلم",
                "название", "片名", "作品名",
                "عنوان");
        add(Field.ALIAS, null, "original title", "also known as", "aka", "a.k.a.", "original name", "titre original",
                "оригинальное название", "又名", "原題", "원제", "orijinal adı", "other titles",
                "título original", "originaltitel", "titolo originale", "نام اصلی", "عنوان اصلی");
        add(Field.YEAR, null, "year", "release year", "production year", "année", "año", "jahr", "anno", "سال",
                "год", "год производства", "年份", "年代", "製作年", "제작연도", "yıl", "ano", "produktionsjahr",
                "سال انتشار", "سال ساخت", "سال تولید");
        add(Field.RELEASE_DATE, null, "release date", "release dates", "released", "release", "premiere",
                "премьера", "上映日期", "公開日", "개봉", "vizyon tarihi", "data de lançamento", "sortie", "initial release",
                "original release", "release date (theaters)", "release date (streaming)", "date de sortie",
                "fecha de estreno", "estreno", "erscheinungsdatum", "data di uscita", "تاریخ انتشار", "تاریخ اکران",
                "اکران");
        add(Field.RUNTIME, null, "runtime", "run time", "running time", "duration", "length", "durée", "duración",
                "время", "продолжительность", "片长", "片長", "上映時間", "상영시간", "러닝타임", "süre", "duração",
                "laufzeit", "durata", "مدت زمان", "مدت", "زمان");
        add(Field.LANGUAGE, null, "language", "languages", "original language", "spoken languages", "spoken language",
                "язык", "语言", "語言", "言語", "언어", "dil", "idioma original", "langue originale", "língua",
                "langue", "langues", "idioma", "idiomas", "sprache", "lingua", "زبان", "زبان اصلی", "زبان فیلم");
        add(Field.GENRE, null, "genre", "genres", "género", "gênero", "ژانر", "ژانرها", "жанр", "类型", "類型", "ジャンル",
                "장르", "tür", "gêneros", "generi", "genere");
        add(Field.RATING, null, "rating", "user rating", "imdb rating", "users", "audience score", "tomatometer",
                "рейтинг", "评分", "評分", "評価", "평점", "puan", "avaliação", "nota", "valutazione", "average rating", "user score",
                "puntuación", "bewertung", "امتیاز", "امتیاز imdb", "امتیاز کاربران");
        add(Field.VOTES, null, "votes", "ratings", "number of votes", "تعداد رای");
        // Hebrew, Portuguese, Polish and Dutch labels as cinema sites print them
        add(Field.CREDIT, "director", "בימוי", "במאי", "במאית", "reżyser", "regie", "direção de", "dir", "dir.");
        add(Field.CREDIT, "writer", "תסריט", "scenariusz", "scenario", "argumento");
        add(Field.CREDIT, "cast", "שחקנים", "בהשתתפות", "משתתפים", "obsada", "występują", "cast principal");
        add(Field.CREDIT, "cinematographer", "צילום", "zdjęcia", "fotografie");
        add(Field.CREDIT, "editor", "עריכה", "montaż");
        add(Field.CREDIT, "composer", "מוזיקה", "muzyka", "muziek");
        add(Field.CREDIT, "producer", "הפקה", "מפיק", "מפיקה", "produkcja", "productie");
        add(Field.RUNTIME, null, "אורך", "משך", "czas trwania", "speelduur", "duur");
        add(Field.YEAR, null, "שנה", "שנת הפקה", "rok produkcji", "rok", "jaar", "ano de produção");
        add(Field.LANGUAGE, null, "שפה", "שפות", "język", "taal");
        add(Field.GENRE, null, "ז'אנר", "ז׳אנר", "gatunek");
        add(Field.COUNTRY, null, "country", "countries", "country of origin", "país", "países", "pays", "land", "länder",
                "paese", "nazione", "страна", "国家", "国家/地区", "製作国", "국가", "ülke", "ארץ", "מדינה", "ארץ הפקה", "کشور",
                "kraj", "production country", "production countries");
        add(Field.CREDIT, "executive_producer", "produção executiva", "produtor executivo", "produtores executivos",
                "productores ejecutivos", "producción ejecutiva", "produttore esecutivo", "produttori esecutivi",
                "ausführender produzent", "producteurs exécutifs", "исполнительный продюсер", "מפיק בפועל");
        add(Field.RELEASE_DATE, null, "lançamento", "lançamento nacional", "estreia", "estreno en españa", "data de estreia");
        ENTRIES.sort(Comparator.comparingInt((Entry e) -> -e.label().length()));
        for (Entry e : ENTRIES) {
            FIRST_WORDS.add(firstWord(e.label()));
        }
        FIRST_HASHES = FIRST_WORDS.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
        for (Entry e : ENTRIES) {
            EXACT.putIfAbsent(e.label(), e.meaning());
            if (e.meaning().field() == Field.CREDIT && e.label().endsWith(" by")) {
                BY_LABELS.add(e);
            }
        }
    }

    private static final Pattern PARENS = Pattern.compile("\\([^)]*\\)");

    private Labels() {
    }

    /** The label text normalised for lookup: lower case, no parentheses, no edge punctuation or colon. */
    public static String normalise(String raw) {
        String s = Digits.ascii(raw).replace('\u00a0', ' ').replace('\u200c', ' ').toLowerCase(Locale.ROOT);
        if (s.indexOf('(') >= 0) {
            s = PARENS.matcher(s).replaceAll(" ");
        }
        s = TextScan.stripRuns(s.strip(), Labels::isEdge, Labels::isEdge);
        return TextScan.collapseRegexSpace(s).strip();
    }

    /** The characters trimmed from a label's edges: white space, ASCII punctuation, bullets, colons. */
    private static boolean isEdge(char c) {
        return TextScan.isRegexSpace(c) || TextScan.isAsciiPunct(c) || c == '•' || c == '·' || c == '：';
    }

    /**
     * What {@code raw} introduces when the whole text is a label (with an optional trailing colon,
     * parenthetical, or a qualifier such as "for the Guardian"); empty when it is no label.
     */
    public static Optional<Meaning> whole(String raw) {
        if (raw == null || raw.length() > 60) {
            return Optional.empty();
        }
        if (!isFirstWord(raw)) {
            return Optional.empty();
        }
        String s = normalise(raw);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Meaning exact = EXACT.get(s);
        if (exact != null) {
            return Optional.of(exact);
        }
        // the longest credit label that starts the text, followed by a qualifier
        String[] words = s.split(" ");
        for (int n = Math.min(words.length - 1, 5); n >= 1; n--) {
            String head = String.join(" ", java.util.Arrays.copyOf(words, n));
            Meaning m = EXACT.get(head);
            if (m != null && m.field() == Field.CREDIT && head.length() >= 4
                    && qualifier(s.substring(head.length() + 1))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * False when a text that begins with {@code start} cannot be a label: its first word, ended
     * inside {@code start}, is no label's first word. True when it may be one, or cannot be told
     * because {@code start} is {@code cut} (only the text's beginning) inside its first word.
     */
    public static boolean mayStartLabel(CharSequence start, boolean cut) {
        if (cut) {
            int n = start.length();
            int i = 0;
            while (i < n && !Character.isLetterOrDigit(start.charAt(i))) {
                i++;
            }
            while (i < n && !endsFirstWord(start.charAt(i))) {
                i++;
            }
            if (i == n) {
                return true; // the first word may go on past the beginning given
            }
        }
        return isFirstWord(start);
    }

    /**
     * {@code FIRST_WORDS.contains(firstWord(raw))}: a first word of ASCII characters (which lower-casing and
     * {@link Digits#ascii} leave as long as they are) is hashed as {@link #firstWord} would leave it and
     * made only if a first word has that hash.
     */
    /** What {@link #isFirstWord} decides, by making the word: to test it against. */
    static boolean isFirstWordMade(String raw) {
        return FIRST_WORDS.contains(firstWord(raw));
    }

    static boolean isFirstWord(CharSequence raw) {
        int n = raw.length();
        int start = 0;
        while (start < n && !Character.isLetterOrDigit(raw.charAt(start))) {
            start++;
        }
        int end = start;
        boolean ascii = true;
        while (end < n && !endsFirstWord(raw.charAt(end))) {
            ascii &= raw.charAt(end) < 128;
            end++;
        }
        if (!ascii) {
            return FIRST_WORDS.contains(firstWord(raw.toString()));
        }
        // firstWord drops a final full stop when it is the word's only one
        if (end - start > 1 && raw.charAt(end - 1) == '.') {
            boolean only = true;
            for (int i = start; i < end - 1 && only; i++) {
                only = raw.charAt(i) != '.';
            }
            if (only) {
                end--;
            }
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return java.util.Arrays.binarySearch(FIRST_HASHES, hash) >= 0 && FIRST_WORDS.contains(firstWord(raw.toString()));
    }

    private static boolean endsFirstWord(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200c' || c == ':' || c == '：'
                || c == '(' || c == ',' || c == '|' || c == '/' || c == '•' || c == '·';
    }

    /**
     * The first word of a text as {@link #normalise} would leave it: lower case, ASCII digits, after any
     * leading punctuation, up to a space, a colon, a parenthesis or other punctuation.
     */
    static String firstWord(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                break;
            }
            i++;
        }
        int start = i;
        while (i < n && !endsFirstWord(raw.charAt(i))) {
            i++;
        }
        String w = raw.substring(start, i);
        // trailing punctuation ("dir.", "a.k.a.") stays as normalise leaves it: drop only a final full stop run
        while (w.endsWith(".") && w.length() > 1 && w.indexOf('.') == w.length() - 1) {
            w = w.substring(0, w.length() - 1);
        }
        return Digits.ascii(w).toLowerCase(Locale.ROOT);
    }

    /** A label at the start of a line, "Directed by: Roxy Rezvany": its meaning and where the value starts. */
    public record Prefix(Meaning meaning, int valueStart) {
    }

    /**
     * The label that {@code line} starts with, followed by a colon (or, for "... by" labels, a space);
     * empty when the line does not start with one.
     */
    public static Optional<Prefix> prefix(String line) {
        if (line == null) {
            return Optional.empty();
        }
        int colon = indexOfColon(line);
        if (colon > 0 && colon <= 60) {
            Optional<Meaning> m = whole(line.substring(0, colon));
            if (m.isPresent()) {
                return Optional.of(new Prefix(m.get(), colon + 1));
            }
        }
        if (line.length() < 6) {
            return Optional.empty();
        }
        if (!saysBy(line, 40)) {
            return Optional.empty();
        }
        String lower = line.length() > 40 ? line.substring(0, 40).toLowerCase(Locale.ROOT) : line.toLowerCase(Locale.ROOT);
        for (Entry e : BY_LABELS) {
            if (lower.startsWith(e.label() + " ")) {
                return Optional.of(new Prefix(e.meaning(), e.label().length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Whether the first {@code within} characters of {@code line}, lower-cased, hold " by " (no character but B and Y lower-cases to b and y). */
    static boolean saysBy(String line, int within) {
        for (int i = 0, n = Math.min(line.length(), within); i + 3 < n; i++) {
            if (line.charAt(i) == ' ' && (line.charAt(i + 1) | 0x20) == 'b' && (line.charAt(i + 2) | 0x20) == 'y'
                    && line.charAt(i + 3) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static int indexOfColon(String line) {
        int a = line.indexOf(':');
        int b = line.indexOf('：');
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    /** A qualifier after a role label: "for the Guardian", "of the film", "(uncredited)". */
    private static boolean qualifier(String rest) {
        return rest.startsWith("for ") || rest.startsWith("of ") || rest.startsWith("on ") || rest.startsWith("in ")
                || CompiledRx.P1.matcher(rest).matches()
                || rest.equals("credits") || rest.equals("team");
    }

    /** The roles a crew row's description names, for descriptions listing several ("Director, Screenplay"). */
    public static List<String> rolesOfDescription(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (String part : CompiledRx.P2.split(raw)) {
            roleOfDescription(part).ifPresent(r -> {
                if (!roles.contains(r)) {
                    roles.add(r);
                }
            });
        }
        if (roles.isEmpty()) {
            roleOfDescription(raw).ifPresent(roles::add);
        }
        return roles;
    }

    /**
     * The role a crew row's own description names ("executive producer", "co-producer", "director of
     * photography", "film editor"), or empty.
     */
    public static Optional<String> roleOfDescription(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = CompiledRx.P3.matcher(normalise(raw.replace('(', ' ').replace(')', ' '))).replaceAll("").strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.contains("executive producer") || s.equals("executive")) {
            return Optional.of("executive_producer");
        }
        if (CompiledRx.P4.matcher(s).matches()) {
            return Optional.of("producer");
        }
        if (s.contains("director of photography") || s.equals("cinematographer") || s.equals("cinematography")) {
            return Optional.of("cinematographer");
        }
        if (s.equals("director") || s.equals("directed by")) {
            return Optional.of("director");
        }
        if (CompiledRx.P5.matcher(s).matches()) {
            return Optional.of("editor");
        }
        if (CompiledRx.P6.matcher(s).matches()) {
            return Optional.of("writer");
        }
        if (CompiledRx.P7.matcher(s).matches()) {
            return Optional.of("composer");
        }
        if (s.equals("production designer") || s.equals("production design")) {
            return Optional.of("production_designer");
        }
        return Optional.empty();
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("(verified|complete|awaiting|credited|uncredited|overview|first billed|listed|series)\\b.*");
        static final java.util.regex.Pattern P2 = java.util.regex.Pattern.compile("\\s*(?:,|/|&|\\band\\b|·|•)\\s*");
        static final java.util.regex.Pattern P3 = java.util.regex.Pattern.compile("\\b(uncredited|as .*)$");
        static final java.util.regex.Pattern P4 = java.util.regex.Pattern.compile("(co-|associate |line |supervising |consulting |co |)producer|producers|co-producers");
        static final java.util.regex.Pattern P5 = java.util.regex.Pattern.compile("(film )?editor|editing|edited by");
        static final java.util.regex.Pattern P6 = java.util.regex.Pattern.compile("(screen)?writer|screenplay|writer \\(.*\\)|story|novel|characters|author");
        static final java.util.regex.Pattern P7 = java.util.regex.Pattern.compile("(original )?(music|score)( composer)?|composer");

        private CompiledRx() {
        }
    }
}
