package io.filmwire.schema;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema and its version, as the {@code filmwire.schema} header carries it: {@code film-record/1.1}.
 * The same text ends the schema's {@code $id} ({@code https://filmwire.io/schemas/film-record/1.1}).
 * Within one major version every change is compatible both ways (see the README's schema evolution
 * policy), so a reader built for {@code film-record/1.1} reads {@code film-record/1.0} and
 * {@code film-record/1.7} alike, and no {@code film-record/2.x}. Immutable.
 *
 * @param name  the schema's name, the stem of its file ({@code film-record})
 * @param major changes only with a change that is not compatible (such a version goes to a new topic)
 * @param minor changes with every compatible change (a new optional field, say)
 */
public record SchemaId(String name, int major, int minor) implements Comparable<SchemaId> {

    private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9-]*)/(\\d{1,4})\\.(\\d{1,4})");
    private static final String ID_PREFIX = "https://filmwire.io/schemas/";

    public SchemaId {
        Objects.requireNonNull(name, "name");
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version " + major + "." + minor);
        }
    }

    /** {@code film-record/1.1} read back; throws {@link IllegalArgumentException} on anything else. */
    public static SchemaId parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a schema id like 'film-record/1.1': '" + text + "'");
        }
        return new SchemaId(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The id from a schema's {@code $id} ({@code https://filmwire.io/schemas/film-record/1.1}). */
    public static SchemaId fromUri(String uri) {
        if (uri == null || !uri.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("a Filmwire schema $id starts with " + ID_PREFIX + ": '" + uri + "'");
        }
        return parse(uri.substring(ID_PREFIX.length()));
    }

    /** The {@code $id} of this version. */
    public String uri() {
        return ID_PREFIX + this;
    }

    /** The version alone: {@code 1.1}. */
    public String version() {
        return major + "." + minor;
    }

    /**
     * True when a reader built for {@code this} can read messages of {@code written}: the same schema
     * and major version (any minor, older or newer).
     */
    public boolean canRead(SchemaId written) {
        return written != null && name.equals(written.name) && major == written.major;
    }

    @Override
    public int compareTo(SchemaId other) {
        int byName = name.compareTo(other.name);
        if (byName != 0) {
            return byName;
        }
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return name + "/" + major + "." + minor;
    }
}
