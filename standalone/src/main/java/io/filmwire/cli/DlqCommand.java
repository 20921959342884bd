package io.filmwire.cli;

import io.filmwire.common.KafkaSettings;
import io.filmwire.publish.ops.DeadLetters;
import io.filmwire.schema.DlqEntry;
import io.filmwire.schema.Json;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filmwire dlq list | replay ID}: the dead letters on pages.dlq. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Lists the dead letters on pages.dlq, or replays one into the pipeline.",
        subcommands = {DlqCommand.List.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or replay ID");
    }

    /** Options both subcommands take. */
    static final class Connection {
        @Mixin
        ClusterOptions cluster;

        DeadLetters deadLetters() {
            return new DeadLetters(KafkaSettings.from(cluster.settings()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints the latest dead letters, oldest first, one JSON object per line (at most 4 KiB of each input).")
    static final class List implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Option(names = "--limit", defaultValue = "100", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            java.util.List<DlqEntry> entries = connection.deadLetters().latest(Math.max(1, limit));
            for (DlqEntry e : entries) {
                System.out.println(Json.write(e));
            }
            System.err.println("dlq: " + entries.size() + " dead letters");
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Writes a dead letter's input again to the topic it came from, once Kafka acknowledges it.",
                    "The dead letter stays on pages.dlq; the replayed record names it in the header filmwire.replay.of."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(paramLabel = "ID", description = "The dead letter's id (see dlq list).")
        String id;

        @Override
        public Integer call() throws Exception {
            DeadLetters deadLetters = connection.deadLetters();
            Optional<DlqEntry> entry = deadLetters.find(id);
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("no dead letter has the id '" + id + "'; 'filmwire dlq list' shows them");
            }
            RecordMetadata meta = deadLetters.replay(entry.get());
            System.err.printf("dlq: replayed '%s' (stage %s) to %s-%d at offset %d%n", id, entry.get().stage(),
                    meta.topic(), meta.partition(), meta.offset());
            return 0;
        }
    }

}
