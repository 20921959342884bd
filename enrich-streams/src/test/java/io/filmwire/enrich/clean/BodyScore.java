package io.filmwire.enrich.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's body metric, for one page: words are runs of word
 * characters, each text a multiset of word 4-grams; precision and recall over the multisets.
 */
final class BodyScore {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private BodyScore() {
    }

    /** F1 of {@code predicted} against {@code expected}. */
    static double f1(String expected, String predicted) {
        Map<List<String>, Integer> truth = shingles(expected);
        Map<List<String>, Integer> pred = shingles(predicted);
        int tp = 0;
        int truthTotal = 0;
        int predTotal = 0;
        for (Map.Entry<List<String>, Integer> e : truth.entrySet()) {
            tp += Math.min(e.getValue(), pred.getOrDefault(e.getKey(), 0));
            truthTotal += e.getValue();
        }
        for (int n : pred.values()) {
            predTotal += n;
        }
        if (tp == 0) {
            return 0;
        }
        double precision = (double) tp / predTotal;
        double recall = (double) tp / truthTotal;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i < Math.max(1, words.size() - 3) && !words.isEmpty(); i++) {
            out.merge(List.copyOf(words.subList(i, Math.min(words.size(), i + 4))), 1, Integer::sum);
        }
        return out;
    }
}
