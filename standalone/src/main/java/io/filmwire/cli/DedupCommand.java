package io.filmwire.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filmwire.enrich.dedup.Verdict;
import io.filmwire.enrich.offline.OfflinePipeline;
import io.filmwire.enrich.page.Analyzers;
import io.filmwire.schema.Json;
import java.io.PrintStream;
import java.nio.file.Path;
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
                "with the closest file looked at; null when none)}. A file with the same bytes or the same content",
                "(visible text without navigation, header, footer and ads, with its title and JSON-LD) as an earlier",
                "one is its copy whatever the length of its article."})
final class DedupCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        OfflinePipeline pipeline = new OfflinePipeline(Analyzers.standard());
        int[] duplicates = {0};
        Progress progress = OfflinePages.each("dedup", paths, err, page -> {
            if (pipeline.add(page) == null) {
                return false;
            }
            Verdict verdict = pipeline.verdicts().get(pipeline.verdicts().size() - 1);
            duplicates[0] += verdict.duplicateOf() == null ? 0 : 1;
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("pageId", verdict.pageId());
            line.put("duplicateOf", verdict.duplicateOf());
            if (verdict.similarity() == null) {
                line.putNull("similarity");
            } else {
                line.put("similarity", Math.round(verdict.similarity() * 1000) / 1000.0);
            }
            System.out.println(line);
            return true;
        });
        System.out.flush();
        OfflinePages.reportFailures(pipeline, err);
        progress.finish(duplicates[0] + " duplicates");
        return progress.failed() == progress.total() ? 1 : 0;
    }
}
