package io.filmwire.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration of Filmwire: ISO-8601 times, unknown properties tolerated on read
 * (so that a newer producer does not break an older consumer), nulls written (the film-record
 * contract says "null", not "absent"). The mapper is thread-safe once configured.
 */
public final class Json {

    /*
     * Field names are not String.intern()ed: Jackson's intern cache holds 180 names and is cleared when
     * full, so a map of many distinct keys (a site profile's 3,000 block hashes) sends nearly every key
     * to the JVM's string table; a full profile read in 8.7 ms that way and in 2.3 ms without. Names are
     * still shared within a document; nothing here compares them by identity.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final ObjectReader STRICT = MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A reader of input from outside (pages, overrides) that rejects an object naming the same key
     * twice ({@code JsonParseException} "Duplicate field"): which of the two a reader keeps differs
     * between parsers, so such input has no single meaning. Thread-safe.
     */
    public static ObjectReader strictReader() {
        return STRICT;
    }

    /** True when {@code e} is the strict reader's complaint about a key named twice. */
    public static boolean isDuplicateKey(Throwable e) {
        return e instanceof com.fasterxml.jackson.core.JsonParseException && e.getMessage() != null
                && e.getMessage().startsWith("Duplicate field");
    }

    /** One-line JSON of {@code value}. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code value} as a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
