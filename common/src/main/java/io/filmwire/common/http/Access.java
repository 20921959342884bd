package io.filmwire.common.http;

/**
 * Who may call a route, checked by the {@link Router} before the handler runs.
 *
 * @param kind     open to all, a read, or a write
 * @param role     the role a write needs (null otherwise)
 * @param jsonOnly a write whose body must be {@code application/json} (a type no HTML form can send
 *                 and no page of another origin can send without a CORS preflight, which is never
 *                 granted)
 */
public record Access(Kind kind, Role role, boolean jsonOnly) {

    /** The kinds of route. */
    public enum Kind {
        /** {@code /health}, {@code /ready}, the ops page's static files: never a token. */
        OPEN,
        /** Needs a token (any role) when {@code http.auth.reads} is on. */
        READ,
        /** Needs a token with the role once tokens are configured, and never comes from a foreign origin. */
        WRITE
    }

    /** Open to anyone. */
    public static final Access OPEN = new Access(Kind.OPEN, null, false);
    /** A read. */
    public static final Access READ = new Access(Kind.READ, null, false);

    /** A write with a JSON body, for {@code role}. */
    public static Access writeJson(Role role) {
        return new Access(Kind.WRITE, role, true);
    }

    /**
     * A write for {@code role} whose body is not JSON or which has none (intake's HTML pages; a
     * DELETE), guarded by token and origin only.
     */
    public static Access write(Role role) {
        return new Access(Kind.WRITE, role, false);
    }

    /** What a route gets when none is given: GET and HEAD read; anything else is an operator's JSON write. */
    static Access defaultFor(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? READ : writeJson(Role.OPERATOR);
    }
}
