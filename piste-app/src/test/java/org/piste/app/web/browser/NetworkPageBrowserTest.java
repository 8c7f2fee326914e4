package org.piste.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.piste.app.web.WebFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The network page read by a French investigator (issue 17, item 8): the legend in the bundle's words, a table with
 * the graph's nodes and flows, each entity linked to its page, the keyboard, and labels that never overlap on the
 * demo's top entity at the default depth.
 */
class NetworkPageBrowserTest {
    static final WebFixture web = WebFixture.start();
    @RegisterExtension
    static final Browser browser = new Browser(web);
    static final Properties FRENCH = bundle("i18n/network.properties");

    @BeforeAll
    static void data(@TempDir Path dir) {
        web.withDemoData(1000, dir.resolve("demo"));
    }

    @AfterAll
    static void stop() {
        browser.close();
        web.close();
    }

    @Test
    void theLegendExplainsEveryNodeStyleInFrench() {
        openNetwork(topRecipient());
        List<String> legend = browser.find(By.id("network-legend")).findElements(By.tagName("li")).stream()
                .map(WebElement::getText).toList();
        assertThat(legend).containsExactly(french("network.legend.sender"), french("network.legend.recipient"),
                french("network.legend.both"), french("network.legend.score"), french("network.legend.referral"),
                french("network.legend.confirmed"), french("network.legend.centre"), french("network.legend.flow"),
                french("network.legend.family"), french("network.legend.more"));
        assertThat(browser.find(By.cssSelector("#network-legend h2")).getText()).isEqualTo("Légende");
        // The chosen entity's name and side beside the number typed in the form.
        String centre = js("return pisteNetwork.cy.getElementById(pisteNetwork.center).data('label');");
        assertThat(browser.find(By.id("network-entity-chosen")).getText())
                .isEqualTo(centre + " n° " + topRecipient() + ", bénéficiaire");
        // The shapes the legend names are the ones drawn: circle for senders, diamond for recipients, hexagon for both.
        List<Map<String, Object>> shapes = js("return pisteNetwork.cy.nodes('.entity').map(function (n) {"
                + " return { sides: n.data('node').sides.join(','), shape: n.style('shape') }; });");
        assertThat(shapes).isNotEmpty().allSatisfy(s -> assertThat(s.get("shape")).isEqualTo(switch ((String) s.get("sides")) {
            case "SENDER" -> "ellipse";
            case "RECIPIENT" -> "diamond";
            default -> "hexagon";
        }));
        assertThat(shapes).extracting(s -> s.get("shape")).contains("ellipse", "diamond");
    }

    @Test
    void theTableListsTheGraphsNodesAndFlowsAndLinksEachEntity() {
        String entity = topRecipient();
        openNetwork(entity);
        long nodes = ((Number) js("return pisteNetwork.cy.nodes('.entity').length;")).longValue();
        long flows = ((Number) js("return pisteNetwork.cy.edges().not('.more-link').length;")).longValue();
        assertThat(nodes).isGreaterThan(2);
        browser.find(By.id("network-show-table")).click();
        browser.visible(By.id("network-nodes-table"));
        assertThat(browser.find(By.id("network-show-table")).getAttribute("aria-pressed")).isEqualTo("true");
        List<WebElement> nodeRows = browser.driver().findElements(By.cssSelector("#network-nodes-table tbody tr"));
        List<WebElement> flowRows = browser.driver().findElements(By.cssSelector("#network-edges-table tbody tr"));
        assertThat(nodeRows).hasSize((int) nodes);
        assertThat(flowRows).hasSize((int) flows);
        // Names beside ids, the side in words, French dates and amounts (decimal comma).
        WebElement first = nodeRows.getFirst();
        assertThat(first.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo(entity);
        assertThat(first.findElement(By.cssSelector("td:nth-child(3)")).getText()).isIn("expéditeur", "bénéficiaire",
                "expéditeur et bénéficiaire");
        WebElement flow = flowRows.getFirst();
        assertThat(flow.findElement(By.cssSelector("td:nth-child(1)")).getText()).matches(".+ \\(n° \\d+:[SR], .+\\)");
        assertThat(flow.findElement(By.cssSelector("td:nth-child(5)")).getText()).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(flow.findElement(By.cssSelector("td:nth-child(4)")).getText()).matches("[\\d\\u202f\\u00a0 ]+,\\d{2} [A-Z]{3}.*");
        // A flow's details: each transfer's time where it was sent, its zone named, and the Paris time beside it.
        flow.findElement(By.cssSelector("button.details")).click();
        assertThat(browser.find(By.cssSelector("#network-edge-transfers tr:nth-child(2) td:nth-child(2)")).getText())
                .matches("le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2} \\([A-Za-z]+/[A-Za-z_]+\\), soit le \\d{2}/\\d{2}/\\d{4} à"
                        + " \\d{2}:\\d{2} \\(heure de Paris\\)");
        // Every entity link opens that entity's page.
        List<String[]> links = new ArrayList<>();
        for (WebElement row : nodeRows) {
            WebElement a = row.findElement(By.cssSelector("a.entity-link"));
            links.add(new String[] {row.getAttribute("data-entity"), a.getText(), a.getAttribute("href")});
        }
        for (String[] link : links) {
            assertThat(URLDecoder.decode(link[2], StandardCharsets.UTF_8)).endsWith("/entities/" + link[0]);
            browser.driver().get(link[2]);
            assertThat(browser.find(By.id("entity-summary")).getAttribute("data-entity")).isEqualTo(link[0]);
            assertThat(browser.find(By.id("entity-summary")).getText()).contains(link[1]);
        }
    }

    @Test
    void theKeyboardMovesBetweenNodesAndEnterOpensTheirDetails() {
        String entity = topRecipient();
        openNetwork(entity);
        WebElement graph = browser.find(By.id("network-graph"));
        // Tab from the last control before the graph reaches it; its focus is visible.
        browser.find(By.id("network-show-graph")).click();
        tabUntil("network-graph");
        assertThat(graph.getAttribute("data-keyboard")).isEqualTo(entity);
        // The layout is random, so the test places the nodes: the entity at the origin, one neighbour steeply up and
        // to the right (outside the 45-degree cone of every arrow but Up), every other node far to the left.
        String moved = js("var cy = pisteNetwork.cy, c = cy.getElementById(arguments[0]);"
                + " var other = cy.nodes().filter(function (n) { return !n.same(c) && n.hasClass('entity'); }).first();"
                + " c.position({x: 0, y: 0}); other.position({x: 30, y: -300});"
                + " cy.nodes().not(c).not(other).forEach(function (n, i) { n.position({x: -1000 - 50 * i, y: 0}); });"
                + " return other.id();", entity);
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(graph.getAttribute("data-keyboard")).as("no node in the cone: the nearest on that side")
                .isEqualTo(moved);
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(graph.getAttribute("data-keyboard")).as("nothing further right: the arrow stays").isEqualTo(moved);
        new Actions(browser.driver()).sendKeys(Keys.HOME).perform();
        assertThat(graph.getAttribute("data-keyboard")).isEqualTo(entity);
        new Actions(browser.driver()).sendKeys(Keys.ARROW_UP).perform();
        assertThat(graph.getAttribute("data-keyboard")).as("in the Up cone").isEqualTo(moved);
        assertThat((String) js("return document.getElementById('network-focus').textContent;")).startsWith("Entité : ");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        String label = js("return pisteNetwork.cy.getElementById(arguments[0]).data('label');", moved);
        browser.await().until(ExpectedConditions.textToBe(By.id("network-details-title"), label));
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
        assertThat(URLDecoder.decode(browser.find(By.id("network-entity-link")).getAttribute("href"),
                StandardCharsets.UTF_8)).endsWith("/entities/" + moved);
        // The table too: Tab reaches a row's details button, Enter shows that entity's details.
        browser.find(By.id("network-show-table")).click();
        tabUntilDetailsButton();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertThat(browser.find(By.id("network-details-title")).getText())
                .isEqualTo(browser.find(By.cssSelector("#network-nodes-table tbody tr td a")).getText());
        assertThat((String) js("return document.activeElement.id;")).isEqualTo("network-details-title");
        BrowserSignInTest.assertNoConsoleErrors(browser);
    }

    @Test
    void noTwoNodeLabelsOverlapForTheBusiestEntityAtTheDefaultDepthNorOnceItsNeighboursAreExpanded() {
        String entity = busiest();
        openNetwork(entity);
        long shown = nodeCount();
        assertThat(shown).isGreaterThanOrEqualTo(12);
        assertThat(labelOverlaps()).as("labels that overlap at the default depth").isEmpty();
        List<String> neighbours = js("return pisteNetwork.cy.nodes('.entity').map(function (n) { return n.id(); });");
        for (String n : neighbours) {
            if (!n.equals(entity)) tap(n);
        }
        assertThat(nodeCount()).as("expanding the neighbours adds theirs").isGreaterThan(shown);
        assertThat(labelOverlaps()).as("labels that overlap once every neighbour is expanded").isEmpty();
    }

    // --- helpers ---

    /** The pairs of nodes whose labels overlap on screen (Cytoscape's rendered label boxes). */
    private static long nodeCount() {
        return ((Number) js("return pisteNetwork.cy.nodes().length;")).longValue();
    }

    private static List<String> labelOverlaps() {
        List<List<Object>> boxes = js("return pisteNetwork.cy.nodes().map(function (n) {"
                + " var b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true,"
                + " includeOverlays: false }); return [n.id(), b.x1, b.y1, b.x2, b.y2]; });");
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (overlap(boxes.get(i), boxes.get(j))) overlaps.add(boxes.get(i).get(0) + " / " + boxes.get(j).get(0));
            }
        }
        return overlaps;
    }

    private static void tap(String node) {
        js("document.getElementById('network-graph').dataset.ready = 'false'; pisteNetwork.cy.$id(arguments[0]).emit('tap');", node);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
    }

    private static boolean overlap(List<Object> a, List<Object> b) {
        return d(a, 1) < d(b, 3) && d(b, 1) < d(a, 3) && d(a, 2) < d(b, 4) && d(b, 2) < d(a, 4);
    }

    private static double d(List<Object> box, int i) {
        return ((Number) box.get(i)).doubleValue();
    }

    private static void openNetwork(String entity) {
        browser.signIn("investigator");
        browser.open("/network?entity=" + entity);
        browser.await().until(ExpectedConditions.attributeToBe(By.id("network-graph"), "data-ready", "true"));
    }

    private static void tabUntil(String id) {
        for (int i = 0; i < 10; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (id.equals(js("return document.activeElement.id;"))) return;
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static void tabUntilDetailsButton() {
        for (int i = 0; i < 20; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(js("return document.activeElement.matches('#network-nodes-table button.details');"))) return;
        }
        throw new AssertionError("Tab never reached a details button of the table");
    }

    @SuppressWarnings("unchecked")
    private static <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    /** The demo's top-ranked recipient: a facilitator paid by many buyers (the top sender often pays one person). */
    private static String topRecipient() {
        return JdbcClient.create(web.database.dataSource())
                .sql("SELECT entity_id FROM entity_score WHERE side = 'RECIPIENT' ORDER BY run_id DESC, position LIMIT 1")
                .query(String.class).single();
    }

    /**
     * The entity of the demo with the most counterparties: its first page of neighbours is the most crowded graph
     * (the top-ranked entities have few; the 3,000-sender demo of {@code piste demo} is too slow to import here, so
     * this class imports 1,000 senders).
     */
    private static String busiest() {
        return JdbcClient.create(web.database.dataSource()).sql("SELECT e FROM (SELECT s.entity_id AS e, r.entity_id AS o"
                + " FROM entity_member s JOIN entity_member r ON r.transfer_id = s.transfer_id AND r.side = 'R'"
                + " WHERE s.side = 'S' UNION SELECT r.entity_id, s.entity_id FROM entity_member s JOIN entity_member r"
                + " ON r.transfer_id = s.transfer_id AND r.side = 'R' WHERE s.side = 'S') pairs"
                + " GROUP BY e ORDER BY count(*) DESC, e LIMIT 1").query(String.class).single();
    }

    private static String french(String key) {
        return FRENCH.getProperty(key);
    }

    private static Properties bundle(String path) {
        Properties p = new Properties();
        try (var in = NetworkPageBrowserTest.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
