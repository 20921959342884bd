package io.filmwire.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.filmwire.common.Settings;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in headless Chromium (Debian's chromium and chromedriver; skipped, saying so, when
 * they are missing): live rows that keep focus, the charts of the last hour, the film view's provenance and history, an
 * override set in the form, a dead letter replayed from its page, a hostile title shown as text,
 * no axe-core violation (axe-core from npm, installed by .ci/run into node_modules), no horizontal
 * scroll at 390 px. Screenshots go to target/screenshots.
 */
class ConsoleBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String HOSTILE = "Harbour <script>window.__pwned=1</script><img src=x onerror=window.__pwned=2> Lights";

    @TempDir
    static Path dataDir;

    private static Standalone standalone;
    private static ChromeDriver browser;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path find(String... candidates) {
        return List.of(candidates).stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    static Path axe() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("node_modules/axe-core/axe.min.js");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @BeforeAll
    static void start() {
        Path chromium = find("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = find("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium != null && driver != null, "chromium or chromedriver is not installed (Debian: apt-get install"
                + " chromium chromium-driver; .ci/run does it): the console is not driven in a browser here");
        assumeTrue(axe() != null, "axe-core is not installed (npm install axe-core; .ci/run does it)");
        standalone = Standalone.start(Settings.of(Map.of(
                StandaloneConfig.DATA_DIR, dataDir.toString(),
                StandaloneConfig.BROKER_PORT, "0",
                StandaloneConfig.HTTP_PORT, "0",
                "enrich.max.page.chars", "4000")), true);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + dataDir.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (standalone != null) {
            standalone.close();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + standalone.services().httpPort();
    }

    private static void post(String url, String html) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/pages?url=" + url))
                .header("Content-Type", "text/html").POST(HttpRequest.BodyPublishers.ofString(html)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
    }

    private static String metricsText() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode getJson(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return io.filmwire.schema.Json.mapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String film(String title, int year, String director, String filler) {
        String json = title.replace("<", "\\u003c").replace(">", "\\u003e").replace("\"", "\\\"");
        return "<html><head><title>" + title.replace("<", "&lt;") + "</title><script type=\"application/ld+json\">{\"@type\":\"Movie\","
                + "\"name\":\"" + json + "\",\"datePublished\":\"" + year + "\",\"duration\":\"PT101M\","
                + "\"director\":{\"@type\":\"Person\",\"name\":\"" + director + "\"}}</script></head>"
                + "<body><article><h1>" + title.replace("<", "&lt;") + "</h1><p>" + filler + "</p></article></body></html>";
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static <T> T until(String what, Supplier<T> probe) {
        return Await.until(TIMEOUT, what, () -> {
            try {
                return probe.get();
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What sticks out past the viewport, for the message when the layout scrolls sideways. */
    private static final org.assertj.core.description.Description WIDEST = new org.assertj.core.description.Description() {
        @Override
        public String value() {
            return "elements past the right edge: " + js("const w = document.documentElement.clientWidth; return [...document"
                    + ".querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 8)"
                    + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' \"' + e.textContent.slice(0, 20) + '\" in ' + e.parentElement.tagName + '#' + e.parentElement.id + '.' + e.parentElement.className + ' ' + Math.round(e.getBoundingClientRect().left) + '-' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        }
    };

    @SuppressWarnings("unchecked")
    private static List<Object> axeViolations() throws Exception {
        String source = Files.readString(axe());
        js(source);
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ': '"
                        + " + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));");
        return (List<Object>) result;
    }

    @Test
    void theConsoleLivesShowsProvenanceTakesOverridesReplaysAndStaysSafeAndAccessible() throws Exception {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        post("https://console.example/first", film("Lighthouse Keeper", 1998, "Marta Øster", "A quiet film."));
        post("https://console.example/hostile", film(HOSTILE, 2003, "Ana Hostile", "A film with a hostile title."));
        browser.get(base() + "/");
        until("the first films listed", () -> browser.findElement(By.cssSelector("#films tbody")).getText()
                .contains("Lighthouse Keeper") ? true : null);

        // live without loss: the search box keeps focus (and its text) while a new page's film appears
        WebElement q = browser.findElement(By.id("q"));
        q.click();
        q.sendKeys("e");
        post("https://console.example/live", film("Evening Ferry", 2011, "Jonas Ekberg", "A film that arrives live."));
        until("the live film in the table", () -> browser.findElement(By.cssSelector("#films tbody")).getText()
                .contains("Evening Ferry") ? true : null);
        assertThat(js("return document.activeElement.id")).isEqualTo("q");
        assertThat(q.getAttribute("value")).isEqualTo("e");
        // charts of the last hour: the endpoint counts the pages sent, the page draws them with a text alternative
        long pagesIn = until("the three pages counted in the last hour", () -> {
            long n = 0;
            for (com.fasterxml.jackson.databind.JsonNode v : getJson("/api/activity").get("pagesIn")) {
                n += v.asLong(0);
            }
            return n >= 3 ? n : null;
        });
        assertThat(pagesIn).as("a page counted more than once only if a task retried").isBetween(3L, 4L);
        assertThat(getJson("/api/activity").get("minutes")).hasSize(60);
        until("the charted pages", () -> browser.findElement(By.id("chart-flow-latest")).getText()
                .matches("(?s).*Last hour: pages in [34],.*") ? true : null);
        WebElement flow = browser.findElement(By.cssSelector("#chart-flow svg"));
        assertThat(flow.getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.id("chart-flow-title")).getAttribute("textContent")).contains("Pages in");
        assertThat(browser.findElements(By.cssSelector("#chart-flow path"))).hasSize(3);
        assertThat(browser.findElement(By.id("chart-flow-desc")).getAttribute("textContent")).contains("records out");
        until("the page-digests step in the lag charts", () -> browser.findElement(By.cssSelector("#chart-lag-seconds .latest"))
                .getText().contains("page-digests") ? true : null);
        assertThat(js("return document.activeElement.id")).as("the charts redrawn, the focus kept").isEqualTo("q");
        js("document.getElementById('h-activity').scrollIntoView()");
        screenshot("console-charts");
        js("document.getElementById('q').scrollIntoView({block: 'center'})");
        // search: people and accents
        q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        q.sendKeys("marta oster");
        until("the film found by its director, accents aside", () -> {
            String rows = browser.findElement(By.cssSelector("#films tbody")).getText();
            return rows.contains("Lighthouse Keeper") && !rows.contains("Evening Ferry") ? true : null;
        });
        assertThat(browser.findElement(By.id("found")).getText()).contains("of 1");
        q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE); // empty again: every film
        until("every film again", () -> browser.findElement(By.cssSelector("#films tbody")).getText()
                .contains("Evening Ferry") ? true : null);

        // a hostile title is text, and nothing of it ran
        String hostileRows = until("the hostile title listed", () -> {
            String rows = browser.findElement(By.cssSelector("#films tbody")).getText();
            return rows.contains("Harbour") ? rows : null;
        });
        assertThat(hostileRows).contains("<script>");
        assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#films img"))).isEmpty();
        screenshot("console-home");
        assertThat(axeViolations()).as("axe-core on the home view").isEmpty();

        // the film view: provenance and history, then an override through the form
        browser.findElement(By.linkText("Evening Ferry")).click();
        String record = until("the film view's record", () -> {
            String t = browser.findElement(By.cssSelector("#record tbody")).getText();
            return t.contains("structured") ? t : null;
        });
        assertThat(record).contains("year").contains("2011").contains("https://console.example/live");
        assertThat(browser.findElement(By.cssSelector("#record tbody a")).getAttribute("href")).contains("#/page/");
        assertThat(browser.findElement(By.cssSelector("#history tbody")).getText()).contains("created")
                .contains("https://console.example/live");
        browser.findElement(By.cssSelector("#ov-field option[value=year]")).click();
        browser.findElement(By.id("ov-value")).sendKeys("2012");
        browser.findElement(By.id("ov-reason")).sendKeys("festival catalogue");
        browser.findElement(By.id("ov-editor")).sendKeys("ann");
        browser.findElement(By.cssSelector("#override-form button[type=submit]")).click();
        until("the override in the record", () -> {
            String t = browser.findElement(By.cssSelector("#record tbody")).getText();
            return t.contains("2012") && t.contains("override") ? true : null;
        });
        assertThat(browser.findElement(By.cssSelector("#overrides tbody")).getText()).contains("festival catalogue");
        assertThat(browser.findElement(By.cssSelector("#history tbody")).getText()).contains("editor");
        screenshot("console-film");
        assertThat(axeViolations()).as("axe-core on the film view").isEmpty();

        // the page view: clean text, films, dedup verdict; a copy names and links its original
        post("https://console.example/live-copy", film("Evening Ferry", 2011, "Jonas Ekberg", "A film that arrives live."));
        post("https://console.example/hours", "<html><head><title>Opening hours</title></head><body><article><p>The office"
                + " is open from nine to five on weekdays, and closed on public holidays.</p></article></body></html>");
        browser.get(base() + "/#/page/" + enc("https://console.example/live-copy"));
        until("the copy's dedup verdict", () -> browser.findElement(By.id("page-dedup")).getText().startsWith("Duplicate")
                ? true : null);
        WebElement original = browser.findElement(By.cssSelector("#page-dedup a"));
        assertThat(original.getText()).isEqualTo("https://console.example/live");
        assertThat(browser.findElement(By.id("page-films")).findElements(By.cssSelector("tbody tr"))).as("a copy gives no film").isEmpty();
        original.click();
        until("the original's clean text", () -> browser.findElement(By.id("page-text")).getText()
                .contains("A film that arrives live.") ? true : null);
        assertThat(browser.findElement(By.id("page-dedup")).getText()).startsWith("Original");
        assertThat(browser.findElement(By.cssSelector("#page-films tbody")).getText()).contains("Evening Ferry");
        until("the copy listed under the original", () -> browser.findElement(By.cssSelector("#page-copies tbody")).getText()
                .contains("https://console.example/live-copy") ? true : null);
        assertThat(browser.findElement(By.id("page-facts")).getText()).contains("Evening Ferry").contains("console.example");
        screenshot("console-page");
        assertThat(axeViolations()).as("axe-core on the page view").isEmpty();
        browser.get(base() + "/#/");
        until("the page with no film on the home view", () -> browser.findElement(By.cssSelector("#nofilm tbody")).getText()
                .contains("https://console.example/hours") ? true : null);
        assertThat(browser.findElement(By.cssSelector("#nofilm tbody")).getText()).doesNotContain("https://console.example/live");
        assertThat(browser.findElement(By.id("quality")).getText()).contains("pages with no film");

        // a dead letter, replayed from its page's view
        post("https://console.example/long", film("Overlong Page", 2000, "Nobody", "words ".repeat(1200)));
        browser.get(base() + "/#/page/" + java.net.URLEncoder.encode("https://console.example/long", "UTF-8"));
        WebElement replay = until("the page's dead letter", () -> {
            List<WebElement> b = browser.findElements(By.cssSelector("#page-dlq tbody button"));
            return b.isEmpty() ? null : b.get(0);
        });
        assertThat(replay.getAttribute("aria-label")).startsWith("Replay dead letter ").contains("https://console.example/long");
        replay.click();
        until("the replay confirmed", () -> browser.findElement(By.id("status")).getText().startsWith("replayed ") ? true : null);
        assertThat(browser.findElement(By.id("status")).getText()).contains("pages.raw");
        until("the replayed page dead-lettered again", () -> browser.findElements(By.cssSelector("#page-dlq tbody tr")).size() >= 2
                ? true : null);
        assertThat(axeViolations()).as("axe-core on the page view of a dead letter").isEmpty();

        // a record Kafka Streams' own handler dead-letters (unreadable on the page-digests step): each entry on
        // pages.dlq is counted once in filmwire_dead_letters_total, the handler's and the processors' alike
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer = new org.apache.kafka.clients.producer
                .KafkaProducer<>(standalone.services().kafka().clientProperties(Map.of()),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("filmwire-enrich-page-digests-repartition",
                    "https://console.example/corrupt", "not a page digest")).get();
        }
        until("the handler's dead letter listed", () -> getJson("/api/dlq?limit=200&code=unreadable").get("count").asInt() == 1
                ? true : null);
        int listed = getJson("/api/dlq?limit=200").get("count").asInt();
        double counted = until("every dead letter counted", () -> {
            double sum = metricsText().lines().filter(l -> l.startsWith("filmwire_dead_letters_total{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            return sum == listed ? sum : null;
        });
        assertThat(counted).isEqualTo(3.0);
        assertThat(metricsText()).contains("filmwire_dead_letters_total{reason=\"unreadable\",stage=\"dedup\"} 1.0");

        // 390 px: no horizontal scroll, on the home view and the film view
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base() + "/");
        until("the home view at 390 px", () -> browser.findElement(By.cssSelector("#films tbody")).getText()
                .contains("Evening Ferry") ? true : null);
        until("the dead letters at 390 px", () -> browser.findElements(By.cssSelector("#dlq tbody tr")).isEmpty() ? null : true);
        assertThat(js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).as(WIDEST).isEqualTo(0L);
        screenshot("console-390");
        browser.findElement(By.linkText("Evening Ferry")).click();
        until("the film view at 390 px", () -> browser.findElement(By.cssSelector("#record tbody")).getText()
                .contains("override") ? true : null);
        assertThat(js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).as(WIDEST).isEqualTo(0L);
    }
}
