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
        for (String s : sentences.sentDetect(paragraph)) {
            String text = s.strip();
            if (text.isEmpty()) {
                continue;
            }
            Span[] spans = tokenizer.tokenizePos(text);
            String[] tokens = Span.spansToStrings(spans, text);
            String[] tags = tagger.tag(tokens);
            out.add(new Sentence(text, tokens, spans, tags));
        }
        return out;
    }
}
