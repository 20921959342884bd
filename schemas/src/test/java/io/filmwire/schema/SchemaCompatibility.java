package io.filmwire.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions of a JSON Schema, as the README's evolution policy decides: within a major
 * version both directions must hold (a consumer built for the old version reads every new message,
 * and one built for the new version reads every old message kept on a compacted topic). So:
 * <ul>
 *   <li>breaking: a property removed or renamed, a type changed, a required field made optional or an
 *       optional one required, a new required field, an enum narrowed or widened, a constraint changed,
 *       a property added to an object the old version closed ({@code additionalProperties: false}),
 *       an open object closed;</li>
 *   <li>additive (a minor version): a new optional property in an open object, an object opened;</li>
 *   <li>neither (no version change needed): titles, descriptions, comments, examples.</li>
 * </ul>
 * Local {@code $ref}s ({@code #/$defs/...}) are followed on both sides. Stateless.
 */
final class SchemaCompatibility {

    /** One difference: where, what, and whether it breaks a consumer. */
    record Change(String path, boolean breaking, String what) {

        @Override
        public String toString() {
            return (breaking ? "BREAKING " : "additive ") + path + ": " + what;
        }
    }

    /** Keywords that only document. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    /** Keywords compared by their own rule below. */
    private static final Set<String> STRUCTURAL = Set.of("$ref", "type", "enum", "properties", "required",
            "additionalProperties", "items", "prefixItems", "oneOf", "anyOf", "allOf");

    private static final int MAX_DEPTH = 64;

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final List<Change> changes = new ArrayList<>();

    private SchemaCompatibility(JsonNode oldRoot, JsonNode newRoot) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
    }

    /** Every difference between {@code older} and {@code newer} that matters to a consumer. */
    static List<Change> compare(JsonNode older, JsonNode newer) {
        SchemaCompatibility c = new SchemaCompatibility(older, newer);
        c.compareSchemas("", older, newer);
        return List.copyOf(c.changes);
    }

    /**
     * What is wrong with releasing {@code newer} as version {@code newId} after {@code older} as
     * {@code oldId}: a breaking change within a major version, any change without a new minor
     * version, a version going back. Empty when the release is right.
     */
    static List<String> releaseProblems(SchemaId oldId, JsonNode older, SchemaId newId, JsonNode newer) {
        List<String> problems = new ArrayList<>();
        if (newId.compareTo(oldId) < 0) {
            problems.add(newId + " is older than the released " + oldId);
            return problems;
        }
        if (newId.major() > oldId.major()) {
            return problems; // a new major version may break; it is published on a topic of its own
        }
        List<Change> changes = compare(older, newer);
        for (Change change : changes) {
            if (change.breaking()) {
                problems.add(newId + " breaks consumers of " + oldId + " at " + (change.path().isEmpty() ? "/" : change.path())
                        + ": " + change.what() + " (keep it compatible, or make it major version " + (oldId.major() + 1)
                        + " on a new topic)");
            }
        }
        if (!changes.isEmpty() && newId.minor() == oldId.minor()) {
            problems.add(newId + " differs from the released " + oldId + " (" + changes.get(0)
                    + "): a released version never changes; raise the minor version");
        }
        return problems;
    }

    private void compareSchemas(String path, JsonNode older, JsonNode newer) {
        if (path.chars().filter(c -> c == '/' || c == '[').count() > MAX_DEPTH) {
            return; // a recursive $ref: compared to this depth
        }
        JsonNode o = resolve(oldRoot, older);
        JsonNode n = resolve(newRoot, newer);
        if (o.isBoolean() || n.isBoolean()) {
            if (!o.equals(n)) {
                breaking(path, "schema " + o + " became " + n);
            }
            return;
        }
        compareTypes(path, o, n);
        compareEnums(path, o, n);
        compareProperties(path, o, n);
        compareAdditional(path, o, n);
        if (o.has("items") || n.has("items")) {
            if (o.has("items") && n.has("items")) {
                compareSchemas(path + "[]", o.get("items"), n.get("items"));
            } else {
                breaking(path, o.has("items") ? "its item schema was removed" : "an item schema was added");
            }
        }
        for (String list : List.of("prefixItems", "oneOf", "anyOf", "allOf")) {
            compareLists(path, list, o.path(list), n.path(list));
        }
        Set<String> keywords = new TreeSet<>();
        o.fieldNames().forEachRemaining(keywords::add);
        n.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            if (ANNOTATIONS.contains(keyword) || STRUCTURAL.contains(keyword)) {
                continue;
            }
            JsonNode was = o.get(keyword);
            JsonNode is = n.get(keyword);
            if (was == null || is == null || !was.equals(is)) {
                breaking(path, "'" + keyword + "' " + (was == null ? "added (" + is + ")"
                        : is == null ? "removed (was " + was + ")" : "changed from " + was + " to " + is));
            }
        }
    }

    private void compareTypes(String path, JsonNode o, JsonNode n) {
        Set<String> was = types(o);
        Set<String> is = types(n);
        if (!was.equals(is)) {
            breaking(path, "retyped from " + (was.isEmpty() ? "any" : was) + " to " + (is.isEmpty() ? "any" : is));
        }
    }

    private void compareEnums(String path, JsonNode o, JsonNode n) {
        if (!o.has("enum") && !n.has("enum")) {
            return;
        }
        if (!o.has("enum") || !n.has("enum")) {
            breaking(path, o.has("enum") ? "its enum was removed" : "an enum was added");
            return;
        }
        Set<JsonNode> was = values(o.get("enum"));
        Set<JsonNode> is = values(n.get("enum"));
        Set<JsonNode> removed = new LinkedHashSet<>(was);
        removed.removeAll(is);
        Set<JsonNode> added = new LinkedHashSet<>(is);
        added.removeAll(was);
        if (!removed.isEmpty()) {
            breaking(path, "enum narrowed: " + removed + " no longer allowed (older messages have them)");
        }
        if (!added.isEmpty()) {
            breaking(path, "enum widened: " + added + " added (a consumer validating with the older version rejects them)");
        }
    }

    private void compareProperties(String path, JsonNode o, JsonNode n) {
        JsonNode was = o.path("properties");
        JsonNode is = n.path("properties");
        Set<String> oldRequired = strings(o.path("required"));
        Set<String> newRequired = strings(n.path("required"));
        Set<String> names = new TreeSet<>();
        was.fieldNames().forEachRemaining(names::add);
        is.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String at = path + "/" + name;
            boolean before = was.has(name);
            boolean after = is.has(name);
            if (before && !after) {
                String renamed = renamedTo(was.get(name), is, was);
                breaking(at, (oldRequired.contains(name) ? "required field " : "field ") + (renamed == null ? "removed"
                        : "renamed to '" + renamed + "'"));
                continue;
            }
            if (!before) {
                if (newRequired.contains(name)) {
                    breaking(at, "new required field (older messages lack it)");
                } else if (closed(o)) {
                    breaking(at, "field added to an object the older version closes (additionalProperties: false)");
                } else {
                    changes.add(new Change(at, false, "new optional field"));
                }
                continue;
            }
            if (oldRequired.contains(name) && !newRequired.contains(name)) {
                breaking(at, "required field made optional (consumers rely on it)");
            } else if (!oldRequired.contains(name) && newRequired.contains(name)) {
                breaking(at, "optional field made required (older messages may lack it)");
            }
            compareSchemas(at, was.get(name), is.get(name));
        }
        Set<String> requiredWithoutProperty = new TreeSet<>(newRequired);
        requiredWithoutProperty.removeAll(names);
        requiredWithoutProperty.removeAll(oldRequired);
        requiredWithoutProperty.forEach(name -> breaking(path + "/" + name, "new required field (older messages lack it)"));
    }

    private void compareAdditional(String path, JsonNode o, JsonNode n) {
        JsonNode was = o.get("additionalProperties");
        JsonNode is = n.get("additionalProperties");
        boolean wasClosed = was != null && was.isBoolean() && !was.booleanValue();
        boolean isClosed = is != null && is.isBoolean() && !is.booleanValue();
        if (wasClosed && !isClosed) {
            if (is == null || is.isBoolean()) {
                changes.add(new Change(path, false, "opened to properties it does not list"));
            } else {
                breaking(path, "closed object now takes other properties of a schema");
            }
        } else if (!wasClosed && isClosed) {
            breaking(path, "closed to properties it does not list (newer consumers would reject what older producers may add)");
        } else if (was != null && is != null && was.isObject() && is.isObject()) {
            compareSchemas(path + "/*", was, is);
        } else if ((was != null && was.isObject()) != (is != null && is.isObject())) {
            breaking(path, "schema of other properties " + (was != null && was.isObject() ? "removed" : "added"));
        }
    }

    private void compareLists(String path, String keyword, JsonNode was, JsonNode is) {
        if (was.isMissingNode() && is.isMissingNode()) {
            return;
        }
        if (was.size() != is.size() || was.isMissingNode() || is.isMissingNode()) {
            breaking(path, "'" + keyword + "' changed from " + was.size() + " to " + is.size() + " alternatives");
            return;
        }
        for (int i = 0; i < was.size(); i++) {
            compareSchemas(path + "(" + keyword + " " + i + ")", was.get(i), is.get(i));
        }
    }

    /** A new property with the same schema as {@code removed}, when exactly one other property is new. */
    private static String renamedTo(JsonNode removed, JsonNode newProperties, JsonNode oldProperties) {
        String candidate = null;
        for (Iterator<String> it = newProperties.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!oldProperties.has(name) && newProperties.get(name).equals(removed)) {
                if (candidate != null) {
                    return null;
                }
                candidate = name;
            }
        }
        return candidate;
    }

    private static boolean closed(JsonNode schema) {
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isBoolean() && !additional.booleanValue();
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 32; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only local $refs are compared, not '" + ref + "'");
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("$ref '" + ref + "' points nowhere");
            }
            current = target;
        }
        return current;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> out = new TreeSet<>();
        if (type == null) {
            return out;
        }
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else {
            out.add(type.asText());
        }
        return out;
    }

    private static Set<JsonNode> values(JsonNode array) {
        Set<JsonNode> out = new LinkedHashSet<>();
        array.forEach(out::add);
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private void breaking(String path, String what) {
        changes.add(new Change(path, true, what));
    }
}
