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
 * The input is kept as text when it is valid UTF-8, else base64: whole when it came from no topic
 * (a feed item), else only its first {@link #PREVIEW_BYTES} bytes, the whole being at its
 * coordinates (topic, partition, offset); so an entry is bounded whatever its input. {@code code}
 * is a stable {@link Reason} code.
 */
public record DlqEntry(
        String id,
        String pageId,
        String stage,
        String reason,
        String code,
        String error,
        String input,
        String inputEncoding,
        String inputTopic,
        String inputKey,
        Integer inputPartition,
        Long inputOffset,
        Long inputSize,
        Boolean inputTruncated,
        Instant time) {

    public static final String UTF8 = "utf-8";
    public static final String BASE64 = "base64";
    /** Bytes of the input a {@link #preview} keeps. */
    public static final int PREVIEW_BYTES = 16 * 1024;

    /** Stable reason codes: what kind of failure, for filters and alerts (the reason says the details). */
    public enum Reason {
        /** The value is not JSON (or not an object). */
        NOT_JSON,
        /** JSON that breaks the message's schema or its rules. */
        INVALID,
        /** No value (null) where a message is required. */
        EMPTY,
        /** Over a size limit. */
        TOO_LARGE,
        /** A text body that is not text (control characters, NUL bytes). */
        BINARY_BODY,
        /** The record's key is not the id in its value. */
        KEY_MISMATCH,
        /** No key where the key is the id. */
        NO_KEY,
        /** The same JSON key twice in one object. */
        DUPLICATE_KEY,
        /** A record on a topic the app reads (internal ones included) that its serde cannot read. */
        UNREADABLE,
        /** An error of the processing code on this input. */
        PROCESSING_FAILED,
        /** A feed item or URL that could not be taken in. */
        NOT_TAKEN_IN;

        /** The code as written in entries: lower case, dashes ({@code not-json}). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

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
    public static DlqEntry of(Stage stage, Reason code, String pageId, String key, byte[] input, String reason,
                              Throwable cause, Coordinates at, Instant time) {
        return make(stage, code, pageId, key, input, at.topic() == null ? Integer.MAX_VALUE : PREVIEW_BYTES, reason,
                cause, at, time);
    }

    /**
     * A new entry keeping only the first {@link #PREVIEW_BYTES} bytes of {@code input} (the rest
     * is at {@code at}); for inputs of any size, such as records a serde could not read.
     */
    public static DlqEntry preview(Stage stage, Reason code, String pageId, String key, byte[] input, String reason,
                                   Throwable cause, Coordinates at, Instant time) {
        return make(stage, code, pageId, key, input, PREVIEW_BYTES, reason, cause, at, time);
    }

    private static DlqEntry make(Stage stage, Reason code, String pageId, String key, byte[] input, int keep,
                                 String reason, Throwable cause, Coordinates at, Instant time) {
        boolean truncated = input != null && input.length > keep;
        byte[] kept = truncated ? utf8Prefix(input, keep) : input;
        String text = kept == null ? "" : asUtf8(kept);
        boolean binary = kept != null && text == null;
        return new DlqEntry(UUID.randomUUID().toString(), pageId, stage.id(), reason, code.code(),
                cause == null ? null : cause.getClass().getName(),
                binary ? Base64.getEncoder().encodeToString(kept) : text,
                binary ? BASE64 : UTF8,
                at.topic(), key, at.partition(), at.offset(), input == null ? 0L : (long) input.length, truncated, time);
    }

    /**
     * This entry with its input cut to at most {@code maxBytes} bytes (this entry when it is not
     * longer), for views kept in memory.
     */
    public DlqEntry trimmed(int maxBytes) {
        byte[] bytes = inputBytes();
        if (bytes.length <= maxBytes) {
            return this;
        }
        byte[] kept = BASE64.equals(inputEncoding) ? java.util.Arrays.copyOf(bytes, maxBytes) : utf8Prefix(bytes, maxBytes);
        String text = BASE64.equals(inputEncoding) ? Base64.getEncoder().encodeToString(kept)
                : new String(kept, StandardCharsets.UTF_8);
        return new DlqEntry(id, pageId, stage, reason, code, error, text, inputEncoding, inputTopic, inputKey,
                inputPartition, inputOffset, inputSize == null ? (long) bytes.length : inputSize, true, time);
    }

    /** About how many bytes of heap this entry holds (its strings as UTF-16). */
    @JsonIgnore
    public long weight() {
        return 256L + 2L * (length(input) + length(reason) + length(pageId) + length(inputKey) + length(error)
                + length(inputTopic) + length(id));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** True when {@code input} is only the start of the input. */
    @JsonIgnore
    public boolean truncated() {
        return Boolean.TRUE.equals(inputTruncated);
    }

    /** The first {@code max} bytes of {@code bytes}, not cutting a UTF-8 sequence when the bytes are UTF-8. */
    private static byte[] utf8Prefix(byte[] bytes, int max) {
        int end = max;
        while (end > 0 && end > max - 4 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
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
