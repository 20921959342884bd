package io.filmwire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code filmwire crash}: the crash test ({@link CrashRun}) from the command line. The table goes
 * to stdout (or JSON with {@code --json}), progress to stderr; exit 0 when nothing was lost,
 * duplicated or skipped and every Streams fault's stall stayed within {@code --max-streams-stall}.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = {"Breaks the pipeline on purpose and counts the damage: the broker, ingest-service, enrich-streams",
                "and publish-service each in a JVM of its own, a steady load of distinct pages over HTTP, kill -9 of each",
                "part and a frozen broker during the load; prints lost, duplicated and skipped counts and the longest",
                "output stall per fault."})
final class CrashCommand implements Callable<Integer> {

    @Option(names = "--pages", defaultValue = "2800", description = "Distinct pages to send (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--faults", defaultValue = "17",
            description = "Faults to inject, the kinds in turn (default: ${DEFAULT-VALUE}; 0: none).")
    int faults;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND",
            description = "The fault kinds, in the order taken: enrich, publish, freeze, ingest, broker (default: all, in this order).")
    List<String> kinds;

    @Option(names = "--rate", defaultValue = "10", description = "Pages per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--page-kb", defaultValue = "8", description = "Approximate size of each page in KB (default: ${DEFAULT-VALUE}).")
    int pageKb;

    @Option(names = "--freeze-seconds", defaultValue = "15",
            description = "How long the broker stays frozen (default: ${DEFAULT-VALUE}).")
    int freezeSeconds;

    @Option(names = "--base-port", defaultValue = "0",
            description = "The broker's port; ingest-service, enrich-streams and publish-service take the next three"
                    + " (default: free ports).")
    int basePort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the parts keep their data and logs (default: a temporary folder, removed afterwards).")
    Path dataDir;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "A setting for the three services (repeatable).")
    Map<String, String> serviceSettings = new LinkedHashMap<>();

    @Option(names = "--max-streams-stall", defaultValue = "10",
            description = "Fail when a kill of a Streams instance stalls output longer than this many seconds"
                    + " (default: ${DEFAULT-VALUE}; 0: no bound).")
    double maxStreamsStall;

    @Option(names = "--json", description = "Print the outcome as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (pages < 1 || pageKb < 1 || rate <= 0 || faults < 0 || freezeSeconds < 1) {
            throw new IllegalArgumentException("--pages, --page-kb, --rate and --freeze-seconds must be positive, --faults at least 0");
        }
        for (String key : serviceSettings.keySet()) {
            String problem = ConfigOptions.unknownKey(key);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        List<CrashRun.Kind> order = new ArrayList<>();
        for (String k : kinds == null ? List.of("enrich", "publish", "freeze", "ingest", "broker") : kinds) {
            try {
                order.add(CrashRun.Kind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kinds: no fault kind '" + k + "' (enrich, publish, freeze, ingest, broker)");
            }
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("filmwire-crash-") : dataDir;
        try {
            CrashRun.CrashReport report = new CrashRun(new CrashRun.Options(pages, pageKb * 1024, rate, faults, order,
                    Duration.ofSeconds(freezeSeconds), basePort, dir, serviceSettings, Duration.ofSeconds(180)),
                    System.err).run();
            System.out.println(json ? report.json().toString() : report.table());
            System.out.flush();
            boolean fast = true;
            for (CrashRun.CrashReport.FaultResult f : report.faults()) {
                if (maxStreamsStall > 0 && f.kind().streams && f.stall() > maxStreamsStall) {
                    System.err.printf(Locale.ROOT, "crash: fault %d (%s) stalled output %.1f s, over %.1f s%n", f.number(),
                            f.kind().label, f.stall(), maxStreamsStall);
                    fast = false;
                }
            }
            if (!report.clean()) {
                System.err.println("crash: damage: see the counts above");
            }
            return report.clean() && fast ? 0 : 1;
        } finally {
            if (temporary) {
                DemoCommand.deleteRecursively(dir);
            }
        }
    }
}
