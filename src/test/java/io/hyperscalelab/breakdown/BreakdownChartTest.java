package io.hyperscalelab.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.execution.ShardRef;
import io.hyperscalelab.execution.TaskBreakdown;
import io.hyperscalelab.execution.WorkerNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The breakdown chart as a document: its title, bars proportional to their values, every label escaped. */
class BreakdownChartTest {

    private static final WorkerNode W0 = new WorkerNode(1, "lab-w0", "127.0.0.1", 15433);
    private static final WorkerNode W1 = new WorkerNode(2, "lab-w1", "127.0.0.1", 15434);

    private static TaskBreakdown task(int n, WorkerNode worker, long rows, double millis) {
        long shard = 102007 + n;
        return new TaskBreakdown(n, List.of(new ShardRef(shard, "github_events_" + shard)), worker,
                "SELECT count(*) FROM github_events_" + shard + " github_events", rows, rows * 8, millis);
    }

    private static final Breakdown MULTI_SHARD = Breakdown.of(ExecutionPath.MULTI_SHARD, "", List.of(
            task(1, W0, 10, 10), task(2, W1, 20, 20), task(3, W0, 30, 30), task(4, W1, 40, 40)), 5, 80);

    @Test
    void theTitleNamesThePath() {
        assertThat(BreakdownChart.title(MULTI_SHARD)).isEqualTo("Multi-shard: 4 tasks on 2 workers, merged on the coordinator in 5.0 ms");
        assertThat(BreakdownChart.title(Breakdown.of(ExecutionPath.ROUTER, "", List.of(task(2, W1, 3, 0.5)), 0, 1)))
                .isEqualTo("Router: 1 task on lab-w1, shard 102009");
        assertThat(BreakdownChart.title(Breakdown.of(ExecutionPath.COORDINATOR, "a CTE", List.of(task(1, W0, 1, 1), task(2, W1, 1, 1)), 0, 3)))
                .isEqualTo("Coordinator fallback: its planner read 2 shards on 2 workers");
        assertThat(BreakdownChart.title(Breakdown.of(ExecutionPath.COORDINATOR, "SET", List.of(), 0, 1)))
                .isEqualTo("Coordinator fallback: the coordinator ran it without reading a shard");
        assertThat(text(parse(BreakdownChart.svg(MULTI_SHARD)), "/svg/title")).isEqualTo(BreakdownChart.title(MULTI_SHARD));
    }

    @Test
    void workerBarsAreProportionalToEachWorkersTimeAndRows() throws Exception {
        Document chart = parse(BreakdownChart.svg(MULTI_SHARD));

        // lab-w0: 10 + 30 ms and rows; lab-w1: 20 + 40, the longest
        assertThat(width(chart, "worker", "lab-w1", "time")).isEqualTo(BreakdownChart.BAR_WIDTH, within(0.01));
        assertThat(width(chart, "worker", "lab-w0", "time")).isEqualTo(BreakdownChart.BAR_WIDTH * 40 / 60, within(0.01));
        assertThat(width(chart, "worker", "lab-w0", "rows")).isEqualTo(BreakdownChart.BAR_WIDTH * 40 / 60, within(0.01));
        assertThat(attribute(chart, "//*[@data-measure='merge']", "width")).isEqualTo(BreakdownChart.BAR_WIDTH * 5 / 60, within(0.01));
    }

    @Test
    void shardBarsAreProportionalToEachTasksTimeAndRowsAndGroupedByWorker() throws Exception {
        Document chart = parse(BreakdownChart.svg(MULTI_SHARD));

        for (int n = 1; n <= 4; n++) {
            String shard = String.valueOf(102007 + n);
            assertThat(width(chart, "shard", shard, "time")).as(shard).isEqualTo(BreakdownChart.BAR_WIDTH * n / 4, within(0.01));
            assertThat(width(chart, "shard", shard, "rows")).as(shard).isEqualTo(BreakdownChart.BAR_WIDTH * n / 4, within(0.01));
        }
        NodeList shards = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@data-measure='time' and @data-shard]/@data-shard", chart, XPathConstants.NODESET);
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < shards.getLength(); i++) {
            order.add(shards.item(i).getNodeValue());
        }
        assertThat(order).containsExactly("102008", "102010", "102009", "102011");
    }

    @Test
    void nothingMeasuredDrawsEmptyBarsRatherThanDividingByZero() throws Exception {
        Document chart = parse(BreakdownChart.svg(Breakdown.of(ExecutionPath.ROUTER, "", List.of(task(1, W0, 0, 0)), 0, 0)));

        assertThat(width(chart, "worker", "lab-w0", "time")).isZero();
        assertThat(width(chart, "shard", "102008", "rows")).isZero();
    }

    @Test
    void labelsAreEscaped() throws Exception {
        WorkerNode odd = new WorkerNode(3, "w<0>&\"'\u0001", "127.0.0.1", 15435);
        TaskBreakdown task = new TaskBreakdown(1, List.of(new ShardRef(5, "t<script>_5")), odd, "SELECT 1", 1, 1, 1);
        String svg = BreakdownChart.svg(Breakdown.of(ExecutionPath.COORDINATOR, "because </text><script>", List.of(task), 0, 2));

        assertThat(svg).doesNotContain("<0>", "<script>", "\u0001");
        Document chart = parse(svg);
        assertThat(chart.getElementsByTagName("script").getLength()).isZero();
        assertThat(chart.getDocumentElement().getTextContent()).contains("w<0>&\"'\uFFFD", "t<script>_5", "because </text><script>");
    }

    private static double width(Document chart, String key, String id, String measure) throws Exception {
        return attribute(chart, "//*[@data-" + key + "='" + id + "' and @data-measure='" + measure + "']", "width");
    }

    private static double attribute(Document chart, String xpath, String name) throws Exception {
        Element element = (Element) XPathFactory.newInstance().newXPath().evaluate(xpath, chart, XPathConstants.NODE);
        assertThat(element).as(xpath).isNotNull();
        return Double.parseDouble(element.getAttribute(name));
    }

    private static String text(Document chart, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, chart);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String svg) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }
}
