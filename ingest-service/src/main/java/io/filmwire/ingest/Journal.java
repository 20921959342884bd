package io.filmwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.filmwire.schema.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON lines that survives crashes: each {@link #append} is written and
 * forced to disk before it returns, a line torn by a crash mid-write is dropped on opening, and
 * {@link #rewrite} replaces the whole file atomically (write a temporary file, force, rename), which
 * is how its owner compacts it. Used for what intake must remember across restarts (the feed
 * poller's seen items, the folder watcher's acknowledged files). Not thread-safe: one owner.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private FileChannel channel;
    private long lines;

    /** Opens (creating the file and its folders when missing) {@code file}. */
    public Journal(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
            dropTornTail(this.file);
            this.channel = open(this.file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the state file '" + this.file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Cuts a last line without its newline (a crash mid-write): later appends must start on a line
     * of their own, or they would be glued to the fragment and lost with it.
     */
    private static void dropTornTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel rw = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = rw.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                rw.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                LOG.warn("State file '{}': its last line was cut short (a crash while writing); dropped {} bytes", file,
                        size - end);
                rw.truncate(end);
                rw.force(true);
            }
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Lines written since the file was last rewritten (or read): a measure of how much compaction would save. */
    public long lines() {
        return lines;
    }

    /**
     * Every entry in the file, in order. Lines that are not JSON objects are skipped with a warning;
     * nothing after them is lost. (A last line cut by a crash was dropped when the file was opened.)
     */
    public List<JsonNode> read() {
        List<JsonNode> out = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state file '" + file + "': " + e.getMessage(), e);
        }
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNo++;
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = Json.mapper().readTree(line);
                if (node != null && node.isObject()) {
                    out.add(node);
                    continue;
                }
            } catch (IOException e) {
                // reported below
            }
            LOG.warn("State file '{}': line {} is not a JSON object; skipped", file, lineNo);
        }
        lines = out.size();
        return out;
    }

    /** Appends {@code entries} (one JSON line each) and forces them to disk. */
    public void append(Collection<?> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Object entry : entries) {
            text.append(Json.write(entry)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file '" + file + "': " + e.getMessage(), e);
        }
        lines += entries.size();
    }

    /** Appends one entry and forces it to disk. */
    public void append(Object entry) {
        append(List.of(entry));
    }

    /** Replaces the whole file with {@code entries}, atomically: a crash leaves the old file or the new one. */
    public void rewrite(Collection<?> entries) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        for (Object entry : entries) {
            text.append(Json.write(entry)).append('\n');
        }
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            channel.close();
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            channel = open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the state file '" + file + "': " + e.getMessage(), e);
        }
        lines = entries.size();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the state file '{}' failed: {}", file, e.toString());
        }
    }
}
