package io.filmwire.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.Json;
import io.filmwire.schema.RawPage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code filmwire dedup PATH...}: which pages repeat others, offline. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = {"Offline: says for each page whether it repeats an earlier one (JSON lines), no Kafka needed.",
                "Pages (files or folders of .html, .htm, .txt, .gz) are taken in the order given, with the same",
                "cleaning and deduplication as the Streams app. Each line: {\"pageId\": file name, \"duplicateOf\":",
                "the file it copies or null, \"similarity\": estimated share of text in common with that file (or",
                "with the closest file looked at; null when none)}."})
final class DedupCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        List<Path> files = OfflinePages.files(paths);
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        Progress progress = new Progress("dedup", files.size(), err);
        Instant now = Instant.now();
        int duplicates = 0;
        for (Path file : files) {
            RawPage page = OfflinePages.read(file, now, err);
            boolean ok = page != null && pipeline.add(page) != null;
            progress.step(ok);
            if (!ok) {
                continue;
            }
            List<Verdict> verdicts = pipeline.verdicts();
            Verdict verdict = verdicts.get(verdicts.size() - 1);
            duplicates += verdict.duplicateOf() == null ? 0 : 1;
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("pageId", verdict.pageId());
            line.put("duplicateOf", verdict.duplicateOf());
            if (verdict.similarity() == null) {
                line.putNull("similarity");
            } else {
                line.put("similarity", Math.round(verdict.similarity() * 1000) / 1000.0);
            }
            System.out.println(line);
        }
        System.out.flush();
        for (OfflinePipeline.Failure failure : pipeline.failures()) {
            err.println("failed '" + failure.pageId() + "' at " + failure.stage() + ": " + failure.reason());
        }
        progress.finish(duplicates + " duplicates");
        return progress.failed() == files.size() ? 1 : 0;
    }
}
