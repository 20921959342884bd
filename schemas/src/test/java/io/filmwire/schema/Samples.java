package io.filmwire.schema;

import com.fasterxml.jackson.databind.node.IntNode;
import io.filmwire.schema.FilmRecord.Conflict;
import io.filmwire.schema.FilmRecord.ConflictValue;
import io.filmwire.schema.FilmRecord.Credit;
import io.filmwire.schema.FilmRecord.Evidence;
import io.filmwire.schema.FilmRecord.Rating;
import io.filmwire.schema.FilmRecord.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Complete example messages, every field set. */
final class Samples {

    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");

    private Samples() {
    }

    static FilmRecord film() {
        return new FilmRecord("film-little-pyongyang-2018", "Little Pyongyang", List.of("리틀 평양"), 2018, 24,
                new Rating(7.5, 10, 39L, "example.org"), List.of("Korean"), List.of("Documentary"),
                List.of(new Credit("director", "Roxy Rezvany"), new Credit("self", "Joong-wha Choi", null)),
                List.of(new SourceRef("https://example.org/little-pyongyang", "https://example.org/little-pyongyang",
                        "example.org", T)),
                Map.of("runtimeMinutes", List.of(new Evidence("24", "https://example.org/little-pyongyang",
                        "semi_structured", "2018 • 24 min • 7.5 (39)", 0.9))),
                Map.of("runtimeMinutes", new Conflict(List.of(
                        new ConflictValue(IntNode.valueOf(24), List.of("a"), "semi_structured", "24 min"),
                        new ConflictValue(IntNode.valueOf(55), List.of("b"), "prose", "just under an hour")),
                        IntNode.valueOf(24))),
                3, List.of(), T);
    }

    static RawPage page() {
        return new RawPage("https://example.org/a", "https://example.org/a", "http", RawPage.HTML, T, T, null,
                "<html><title>A</title></html>");
    }
}
