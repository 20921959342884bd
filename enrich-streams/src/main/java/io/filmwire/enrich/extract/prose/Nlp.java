package io.filmwire.enrich.extract.prose;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Sentences, tokens and part-of-speech tags (Universal Dependencies: PROPN, NOUN, ADJ, VERB...).
 * Not thread-safe: one instance per thread.
 */
public final class Nlp {

    /** A tagged sentence: its text, tokens, their character offsets in the text, and their tags. */
    public record Sentence(String text, String[] tokens, Span[] spans, String[] tags) {
    }

    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final POSTaggerME tagger;

    public Nlp() {
        NlpModels models = NlpModels.get();
        sentences = new SentenceDetectorME(models.sentences);
        tokenizer = new TokenizerME(models.tokens);
        tagger = new POSTaggerME(models.pos);
    }

    /** The sentences of a paragraph, tokenised and tagged. */
    public List<Sentence> analyse(String paragraph) {
        List<Sentence> out = new ArrayList<>();
        for (String s : sentences(paragraph)) {
            out.add(tag(s));
        }
        return out;
    }

    /** The sentences of a paragraph, not yet tagged (detection is cheap; tagging is what costs). */
    public List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        for (String s : sentences.sentDetect(paragraph)) {
            String text = s.strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** One sentence, tokenised and tagged. */
    public Sentence tag(String sentence) {
        Span[] spans = tokenizer.tokenizePos(sentence);
        String[] tokens = Span.spansToStrings(spans, sentence);
        String[] tags = tagger.tag(tokens);
        return new Sentence(sentence, tokens, spans, tags);
    }
}
