package io.filmwire.enrich.extract.site;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.filmwire.enrich.extract.signals.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Filmwire has learnt of one site's page template from the pages it has seen: the title
 * affixes its pages share ("Buy cinema tickets for " + film + " | BFI Southbank") and the blocks
 * that repeat on pages about different things (menus, footers, widgets). A profile only ever says
 * what is template, never what a film is: a page of a site never seen before is read from its own
 * signals alone. Bounded: the last {@link #MAX_PAGES} pages' titles and at most {@link #MAX_BLOCKS}
 * block hashes (a few tens of KB as JSON). Immutable; {@link #observe} returns a new profile.
 *
 * @param site   the site key (host)
 * @param pages  the titles of the last pages seen, oldest first
 * @param blocks block-text hash (hex) -> the topics (hashes, at most 3) of the pages it was seen on
 * @param seenAt when the site's last page was received (epoch ms), for forgetting sites no longer fed
 */
public record SiteProfile(String site, List<Page> pages, Map<String, List<String>> blocks, long seenAt) {

    /** One page seen: its id, topic and published titles. */
    public record Page(String pageId, String topic, List<String> titles) {

        public Page {
            titles = titles == null ? List.of() : List.copyOf(titles);
        }
    }

    private static final Pattern SEPARATOR = Pattern.compile("[|:\\-–—·•»>/]+");

    /** Pages whose titles are kept. */
    public static final int MAX_PAGES = 24;
    /** Block hashes kept. */
    public static final int MAX_BLOCKS = 3000;
    /** Topics kept per block: two are enough to call it template. */
    private static final int MAX_TOPICS = 3;

    public SiteProfile {
        pages = pages == null ? List.of() : List.copyOf(pages);
        blocks = blocks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** A profile of a site nothing is known of yet. */
    public static SiteProfile empty(String site) {
        return new SiteProfile(site, List.of(), Map.of(), 0L);
    }

    /**
     * This profile with one more page seen. A page seen before (same id) updates its titles but
     * does not count its blocks again.
     */
    public SiteProfile observe(SiteObservation page) {
        List<Page> newPages = new ArrayList<>(pages.size() + 1);
        boolean seenBefore = false;
        for (Page p : pages) {
            if (p.pageId().equals(page.pageId())) {
                seenBefore = true;
            } else {
                newPages.add(p);
            }
        }
        newPages.add(new Page(page.pageId(), page.topic(), page.titles()));
        while (newPages.size() > MAX_PAGES) {
            newPages.remove(0);
        }
        long at = Math.max(seenAt, page.at());
        if (seenBefore) {
            return new SiteProfile(site, newPages, blocks, at);
        }
        LinkedHashMap<String, List<String>> newBlocks = new LinkedHashMap<>(blocks);
        String topic = Long.toHexString(Words.key(page.topic()).hashCode() & 0xffffffffL);
        for (long h : page.blockHashes()) {
            String key = Long.toHexString(h);
            List<String> topics = newBlocks.get(key);
            if (topics == null) {
                newBlocks.put(key, List.of(topic));
            } else if (topics.size() < MAX_TOPICS && !topics.contains(topic)) {
                List<String> more = new ArrayList<>(topics);
                more.add(topic);
                // re-inserted: blocks seen again live longer
                newBlocks.remove(key);
                newBlocks.put(key, List.copyOf(more));
            }
        }
        evict(newBlocks);
        return new SiteProfile(site, newPages, newBlocks, at);
    }

    /** Drops the oldest blocks seen on one page only, then the oldest of all, down to the bound. */
    private static void evict(LinkedHashMap<String, List<String>> blocks) {
        if (blocks.size() <= MAX_BLOCKS) {
            return;
        }
        var it = blocks.entrySet().iterator();
        while (blocks.size() > MAX_BLOCKS && it.hasNext()) {
            if (it.next().getValue().size() < 2) {
                it.remove();
            }
        }
        it = blocks.entrySet().iterator();
        while (blocks.size() > MAX_BLOCKS && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** True when a block with this text hash was seen on pages about two different things: template. */
    public boolean isTemplate(long blockHash) {
        List<String> topics = blocks.get(Long.toHexString(blockHash));
        return topics != null && topics.size() >= 2;
    }

    /** Number of distinct pages seen (up to {@link #MAX_PAGES}). */
    @JsonIgnore
    public int pageCount() {
        return pages.size();
    }

    /**
     * The affixes of this site's page titles: word sequences that start (prefixes) or end (suffixes)
     * the titles of at least two of its pages about different things, e.g. {@code "| BFI Southbank"}
     * or {@code "Buy cinema tickets for"}. Longest first.
     */
    @JsonIgnore
    public Affixes titleAffixes() {
        // affix -> the topics of the pages whose titles it frames
        Map<String, Set<String>> prefixes = new HashMap<>();
        Map<String, Set<String>> suffixes = new HashMap<>();
        List<String[]> titles = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (Page p : pages) {
            String topic = Words.key(p.topic());
            for (String t : p.titles()) {
                titles.add(CompiledRx.P1.split(t.strip()));
                topics.add(topic);
            }
        }
        for (int i = 0; i < titles.size(); i++) {
            for (int j = i + 1; j < titles.size(); j++) {
                if (topics.get(i).equals(topics.get(j))) {
                    continue;
                }
                String[] a = titles.get(i);
                String[] b = titles.get(j);
                int pre = 0;
                while (pre < a.length && pre < b.length && a[pre].equals(b[pre])) {
                    pre++;
                }
                int suf = 0;
                while (suf < a.length - pre && suf < b.length - pre
                        && a[a.length - 1 - suf].equals(b[b.length - 1 - suf])) {
                    suf++;
                }
                // template frames something on both pages: when one title is all shared words, the
                // shared start is that page's own title ("Film" and "Film II"), not the site's
                boolean framesBoth = pre + suf < a.length && pre + suf < b.length;
                if (pre > 0 && framesBoth && worthAnAffix(a, 0, pre)) {
                    noteAffix(prefixes, Arrays.copyOfRange(a, 0, pre), topics.get(i), topics.get(j));
                }
                if (suf > 0 && suf < Math.min(a.length, b.length) && worthAnAffix(a, a.length - suf, a.length)) {
                    noteAffix(suffixes, Arrays.copyOfRange(a, a.length - suf, a.length), topics.get(i), topics.get(j));
                }
            }
        }
        // a site's name ends its titles on any two pages; a shared start is template only when three
        // pages about different things share it (two films of a series share the series' name)
        prefixes.values().removeIf(on -> on.size() < 3);
        return new Affixes(sorted(prefixes), sorted(suffixes));
    }

    /**
     * A shared run of words is template when it is more than one word or holds a separator: two
     * titles that merely start with "The" share no template.
     */
    private static boolean worthAnAffix(String[] words, int from, int to) {
        if (to - from >= 2) {
            return true;
        }
        String w = words[from];
        return SEPARATOR.matcher(w).matches() || !Words.hasLetter(w);
    }

    private static void noteAffix(Map<String, Set<String>> affixes, String[] words, String topic, String otherTopic) {
        Set<String> on = affixes.computeIfAbsent(String.join(" ", words), k -> new HashSet<>());
        on.add(topic);
        on.add(otherTopic);
    }

    private static List<String> sorted(Map<String, ?> counts) {
        List<String> out = new ArrayList<>(counts.keySet());
        out.sort((x, y) -> y.length() - x.length());
        return out;
    }

    /** Title prefixes and suffixes of a site, longest first. */
    public record Affixes(List<String> prefixes, List<String> suffixes) {

        public static final Affixes NONE = new Affixes(List.of(), List.of());

        /** {@code title} without the site's affixes; unchanged when none applies or nothing would remain. */
        public String strip(String title) {
            String t = title.strip();
            for (String s : suffixes) {
                if (t.endsWith(" " + s) || t.endsWith(s) && t.length() > s.length()) {
                    String rest = t.substring(0, t.length() - s.length()).strip();
                    if (Words.hasLetter(rest)) {
                        t = rest;
                        break;
                    }
                }
            }
            for (String p : prefixes) {
                if (t.startsWith(p + " ") && t.length() > p.length() + 1) {
                    String rest = t.substring(p.length()).strip();
                    if (Words.hasLetter(rest)) {
                        t = rest;
                        break;
                    }
                }
            }
            return t;
        }

        /** True when the whole text is one of the affixes. */
        public boolean isAffix(String text) {
            String t = text.strip();
            return prefixes.contains(t) || suffixes.contains(t);
        }
    }

    /** The regular expressions this file used to compile at each call, compiled once. */
    private static final class CompiledRx {
        static final java.util.regex.Pattern P1 = java.util.regex.Pattern.compile("\\s+");

        private CompiledRx() {
        }
    }
}
