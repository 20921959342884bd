package io.filmwire.common.http;

import java.util.Set;

/**
 * Who sent a request: the name of its token and the roles the token carries. Without tokens
 * configured (a server on loopback), requests are {@link #ANONYMOUS}.
 */
public record Principal(String name, Set<Role> roles) {

    /** The caller on a server without tokens: no name, every role. */
    public static final Principal ANONYMOUS = new Principal(null, Set.of(Role.values()));

    public Principal {
        roles = Set.copyOf(roles);
    }

    /** True when the caller was identified by a token. */
    public boolean identified() {
        return name != null;
    }

    /** True when the caller may act in {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
