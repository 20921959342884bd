package io.filmwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.common.KafkaSettings;
import io.filmwire.publish.OverrideEditor;
import io.filmwire.schema.FilmOverrides;
import io.filmwire.schema.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filmwire override FILM_ID FIELD VALUE --reason TEXT}: an editor's correction. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = {"Sets (or with --remove takes back) an editor's value for one field of a film, on the",
                "compacted films.overrides topic of a running pipeline. The value beats every value read from",
                "pages, and later pages do not change it, until it is removed. Prints all the film's overrides",
                "after the change (JSON). Fields: title, aliases, year, runtimeMinutes, rating, languages, genres,",
                "credits. VALUE is JSON when it fits the field (24, [\"Korean\"], {\"value\":7.5,\"scale\":10}),",
                "else text (Little Pyongyang)."})
final class OverrideCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILM_ID", description = "The film's id (film-...).")
    String filmId;

    @Parameters(index = "1", paramLabel = "FIELD", description = "The field to set.")
    String field;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "The field's value (not with --remove).")
    String value;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept with the override and in change events).")
    String reason;

    @Option(names = "--editor", paramLabel = "NAME", description = "Who (default: $USER).")
    String editor;

    @Option(names = "--remove", description = "Remove the override of FIELD instead of setting it.")
    boolean remove;


    @Override
    public Integer call() {
        if (remove == (value != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    remove ? "--remove takes no VALUE" : "give the VALUE of " + field + " (or --remove)");
        }
        String who = editor != null ? editor : System.getenv().getOrDefault("USER", "editor");
        JsonNode parsed = null;
        if (!remove) {
            try {
                parsed = OverrideEditor.parseValue(field, value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        KafkaSettings kafka = KafkaSettings.from(cluster.settings());
        try (OverrideEditor overrides = new OverrideEditor(kafka)) {
            FilmOverrides after;
            try {
                if (!remove && !overrides.published(filmId)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no published film has the id '" + filmId
                            + "' on films.records at " + kafka.bootstrapServers() + " (deleted, merged away, or mistyped);"
                            + " `filmwire tail films.records --from-beginning --exit-at-end` lists the films");
                }
                after = remove ? overrides.remove(filmId, field, who, reason) : overrides.set(filmId, field, parsed, who, reason);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            System.out.println(Json.write(after));
            System.out.flush();
            System.err.println("override: " + (remove ? "removed " + field + " from " : "set " + field + " of ") + filmId
                    + " on " + kafka.bootstrapServers() + "; the film's record changes once enrich-streams has read it");
        }
        return 0;
    }
}
