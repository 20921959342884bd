package io.filmwire.common.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * One configured bearer token, kept as the SHA-256 of the token, never the token itself: the entry
 * {@code NAME:ROLES:sha256:HEX} ({@code ann:editor:sha256:9f86d0...}, roles joined by {@code +}).
 * Tokens are 256 random bits ({@link #generate}), so a plain hash is as hard to reverse as the token
 * is to guess; the hash of a presented token is compared in constant time. Immutable.
 *
 * @param name  who holds it: the editor's name on overrides made with it
 * @param roles what it may do
 */
public record BearerToken(String name, Set<Role> roles, byte[] sha256) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Prefix of generated tokens, so that one pasted in the wrong place is recognisable. */
    public static final String PREFIX = "fw_";

    public BearerToken {
        roles = Set.copyOf(roles);
        sha256 = sha256.clone();
    }

    /** True when {@code presented} is this token. */
    public boolean matches(byte[] presentedHash) {
        return MessageDigest.isEqual(sha256, presentedHash);
    }

    /** The principal of requests made with this token. */
    public Principal principal() {
        return new Principal(name, roles);
    }

    /** The configuration entry of this token. */
    public String entry() {
        List<String> keys = new ArrayList<>();
        for (Role r : Role.values()) {
            if (roles.contains(r)) {
                keys.add(r.key());
            }
        }
        return name + ":" + String.join("+", keys) + ":sha256:" + HexFormat.of().formatHex(sha256);
    }

    /** A new random token (256 bits, URL-safe Base64 after {@value #PREFIX}). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The entry that admits {@code token} as {@code name} with {@code roles}. */
    public static BearerToken of(String name, Set<Role> roles, String token) {
        return new BearerToken(name, roles, hash(token));
    }

    /** SHA-256 of a presented token's UTF-8 bytes. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Parses entries of {@code key}; a malformed one fails naming the key, the entry (its hash
     * shortened) and the expected form. Two entries of one name or one hash are refused.
     */
    public static List<BearerToken> parseAll(List<String> entries, String key) {
        List<BearerToken> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            BearerToken token = parse(entry, key);
            if (!names.add(token.name())) {
                throw new ConfigException(key + ": two tokens are named '" + token.name() + "'; give each holder one name");
            }
            if (!hashes.add(HexFormat.of().formatHex(token.sha256()))) {
                throw new ConfigException(key + ": the entries of '" + token.name() + "' and another have the same hash;"
                        + " give each holder a token of their own");
            }
            out.add(token);
        }
        return out;
    }

    /** Parses one entry. */
    public static BearerToken parse(String entry, String key) {
        String[] parts = entry.split(":", -1);
        String shown = entry.length() > 40 ? entry.substring(0, 40) + "…" : entry;
        String form = "; an entry is NAME:ROLES:sha256:HEX (roles editor, operator, reader joined by +), as"
                + " `filmwire token NAME ROLES` prints it";
        if (parts.length != 4 || !parts[2].equals("sha256")) {
            if (parts.length == 1) {
                throw new ConfigException(key + ": '" + shown.substring(0, Math.min(6, shown.length())) + "…' looks like a"
                        + " bare token; tokens are configured hashed, with a name and roles" + form);
            }
            throw new ConfigException(key + ": '" + shown + "' is not a token entry" + form);
        }
        if (!NAME.matcher(parts[0]).matches()) {
            throw new ConfigException(key + ": '" + parts[0] + "' is not a token name (letters, digits, . _ @ -)" + form);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : parts[1].split("\\+")) {
            Role role = Role.of(r);
            if (role == null) {
                throw new ConfigException(key + ": '" + r + "' in the entry of '" + parts[0] + "' is not a role" + form);
            }
            roles.add(role);
        }
        String hex = parts[3].strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw new ConfigException(key + ": the hash in the entry of '" + parts[0] + "' is not 64 hex digits" + form);
        }
        return new BearerToken(parts[0], roles, HexFormat.of().parseHex(hex));
    }

    /** True when {@code host} is a loopback address ({@code 127.0.0.1}, {@code ::1}, {@code localhost}). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // the hash is not a secret, but there is no need to spread it through logs either
        return "BearerToken[" + name + ", " + roles + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerToken t && t.name.equals(name) && t.roles.equals(roles)
                && MessageDigest.isEqual(t.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
