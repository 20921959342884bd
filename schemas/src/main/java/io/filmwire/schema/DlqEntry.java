package io.filmwire.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Something that could not be processed (schema {@code dlq-entry.schema.json}); the value on pages.dlq.
 * The input is kept whole: as text when it is valid UTF-8, else base64, so that it can be replayed.
 */
public record DlqEntry(
        String id,
        String pageId,
        String stage,
        String reason,
        String error,
        String input,
        String inputEncoding,
        String inputTopic,
        String inputKey,
        Integer inputPartition,
        Long inputOffset,
        Instant time) {

    public static final String UTF8 = "utf-8";
    public static final String BASE64 = "base64";

    /** Processing stages, as named in DLQ entries and metrics. */
    public enum Stage {
        INGEST, VALIDATE, CLEAN, DEDUP, EXTRACT, RECONCILE, PUBLISH;

        /** The stage's name in messages: lower case. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the failed input came from, when it came from a topic. */
    public record Coordinates(String topic, Integer partition, Long offset) {
        public static final Coordinates NONE = new Coordinates(null, null, null);
    }

    /**
     * A new entry for {@code input} that failed at {@code stage}.
     *
     * @param cause the exception, or null when the reason says it all
     */
    public static DlqEntry of(Stage stage, String pageId, String key, byte[] input, String reason, Throwable cause,
                              Coordinates at, Instant time) {
        String text = input == null ? "" : asUtf8(input);
        boolean binary = input != null && text == null;
        return new DlqEntry(UUID.randomUUID().toString(), pageId, stage.id(), reason,
                cause == null ? null : cause.getClass().getName(),
                binary ? Base64.getEncoder().encodeToString(input) : text,
                binary ? BASE64 : UTF8,
                at.topic(), key, at.partition(), at.offset(), time);
    }

    /** The input as bytes, decoded from its encoding. */
    @JsonIgnore
    public byte[] inputBytes() {
        return BASE64.equals(inputEncoding) ? Base64.getDecoder().decode(input) : input.getBytes(StandardCharsets.UTF_8);
    }

    private static String asUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
