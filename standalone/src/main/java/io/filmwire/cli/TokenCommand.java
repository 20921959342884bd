package io.filmwire.cli;

import io.filmwire.common.http.BearerToken;
import io.filmwire.common.http.HttpConfig;
import io.filmwire.common.http.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code filmwire token NAME ROLES}: a new bearer token and its configuration entry. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Makes a new random bearer token for NAME with ROLES (editor, operator, reader, joined by +)",
                "and prints it with the entry for http.auth.tokens, which holds only its SHA-256. Give the token to",
                "its holder; it is kept nowhere else. NAME is the editor named on overrides made with it."})
final class TokenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Who holds it (letters, digits, . _ @ -).")
    String name;

    @Parameters(index = "1", paramLabel = "ROLES", description = "editor, operator, reader, or several joined by +.")
    String roles;

    @Override
    public Integer call() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String r : roles.split("\\+")) {
            Role role = Role.of(r);
            if (role == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + r + "' is not a role; roles are"
                        + " editor (overrides), operator (dead-letter replay, intake) and reader");
            }
            set.add(role);
        }
        String token = BearerToken.generate();
        BearerToken entry = BearerToken.of(name, set, token);
        try {
            BearerToken.parse(entry.entry(), HttpConfig.AUTH_TOKENS);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        System.out.println("token: " + token);
        System.out.println(HttpConfig.AUTH_TOKENS + ": " + entry.entry());
        System.err.println("token: give the token to " + name + " (it is not stored); add the entry to "
                + HttpConfig.AUTH_TOKENS + " (several entries are separated by commas)");
        return 0;
    }
}
