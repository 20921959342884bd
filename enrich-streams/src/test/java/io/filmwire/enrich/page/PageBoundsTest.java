package io.filmwire.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageBoundsTest {

    @Test
    void keepsTheFirstChildrenOfAnElementWithTooMany() {
        Document doc = Jsoup.parse("<ul>" + "<li>item</li>".repeat(PageBounds.MAX_CHILDREN + 500) + "</ul><p>after</p>");
        PageBounds.Trimmed trimmed = PageBounds.trim(doc);
        assertThat(doc.select("li")).hasSize(PageBounds.MAX_CHILDREN);
        assertThat(trimmed.droppedChildren()).isEqualTo(500);
        assertThat(doc.select("p").text()).isEqualTo("after");
    }

    @Test
    void flattensDeepNestingToItsText() {
        int depth = PageBounds.MAX_DEPTH * 4;
        Document doc = Jsoup.parse("<div>".repeat(depth) + "deep <b>words</b>" + "</div>".repeat(depth) + "<p>after</p>");
        PageBounds.Trimmed trimmed = PageBounds.trim(doc);
        assertThat(trimmed.flattened()).isEqualTo(1);
        assertThat(doc.select("div").size()).isLessThanOrEqualTo(PageBounds.MAX_DEPTH);
        assertThat(doc.body().text()).isEqualTo("deep words after");
    }

    @Test
    void leavesAnOrdinaryPageAlone() {
        String html = "<table>" + "<tr><th>Director</th><td>Jane Doe</td></tr>".repeat(40) + "</table>";
        Document doc = Jsoup.parse(html);
        String before = doc.outerHtml();
        assertThat(PageBounds.trim(doc).any()).isFalse();
        assertThat(doc.outerHtml()).isEqualTo(before);
    }
}
