package io.filmwire.enrich.extract.prose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models (Universal Dependencies EWT, from Maven Central's
 * {@code opennlp-models-*-en} jars), loaded once per JVM on first use. Models are thread-safe;
 * the {@code *ME} tools built from them are not (see {@link Nlp}).
 */
final class NlpModels {

    static final String SENTENCES = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static volatile NlpModels instance;

    final SentenceModel sentences;
    final TokenizerModel tokens;
    final POSModel pos;

    private NlpModels() {
        try (InputStream s = open(SENTENCES); InputStream t = open(TOKENS); InputStream p = open(POS)) {
            sentences = new SentenceModel(s);
            tokens = new TokenizerModel(t);
            pos = new POSModel(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP English models", e);
        }
    }

    static NlpModels get() {
        NlpModels local = instance;
        if (local == null) {
            synchronized (NlpModels.class) {
                local = instance;
                if (local == null) {
                    local = new NlpModels();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static InputStream open(String resource) {
        InputStream in = NlpModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath;"
                    + " it comes with org.apache.opennlp:opennlp-models-*-en 1.3.0");
        }
        return in;
    }
}
