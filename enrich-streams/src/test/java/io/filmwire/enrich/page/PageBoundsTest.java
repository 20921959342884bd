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
    void dropsTheTextBetweenDroppedChildrenWithThem() {
        StringBuilder html = new StringBuilder("<div>");
        for (int i = 0; i < PageBounds.MAX_CHILDREN + 300; i++) {
            html.append("<b>n").append(i).append("</b> and ");
        }
        Document doc = Jsoup.parse(html.append("</div><p>after</p>").toString());
        PageBounds.Trimmed trimmed = PageBounds.trim(doc);
        assertThat(trimmed.droppedChildren()).isEqualTo(300);
        assertThat(doc.select("div b")).hasSize(PageBounds.MAX_CHILDREN);
        String text = doc.select("div").text();
        assertThat(text).startsWith("n0 and n1 and ").endsWith("n" + (PageBounds.MAX_CHILDREN - 1) + " and")
                .doesNotContain("n" + PageBounds.MAX_CHILDREN + " ");
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
