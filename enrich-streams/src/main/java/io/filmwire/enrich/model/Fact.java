package io.filmwire.enrich.model;

import java.util.Objects;

/**
 * One value read from one page, with how it was read.
 *
 * @param value      the value
 * @param layer      {@link Layer#id()} of the extractor layer that found it
 * @param evidence   the text it was read from (trimmed to a few hundred characters)
 * @param confidence how sure the extractor is, 0..1
 */
public record Fact<T>(T value, String layer, String evidence, double confidence) {

    /** Longest evidence kept. */
    public static final int MAX_EVIDENCE = 300;

    public Fact {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(layer, "layer");
        if (evidence != null) {
            evidence = CompiledRx.P1.matcher(evidence.strip()).replaceAll(" ");
            if (evidence.length() > MAX_EVIDENCE) {
                evidence = evidence.substring(0, MAX_EVIDENCE - 1) + "…";
            }
        }
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
    }

    /** A fact found by {@code layer}. */
    public static <T> Fact<T> of(T value, Layer layer, String evidence, double confidence) {
        return new Fact<>(value, layer.id(), evidence, confidence);
    }

    /** The layer as an enum. */
    public Layer layerEnum() {
        return Layer.fromId(layer);
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
