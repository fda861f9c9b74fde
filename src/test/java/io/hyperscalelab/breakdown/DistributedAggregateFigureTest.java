package io.hyperscalelab.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.execution.ShardRef;
import io.hyperscalelab.execution.TaskBreakdown;
import io.hyperscalelab.execution.WorkerNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Images/distributed-aggregate.svg is what the product draws for the lab's count query: drawing
 * it again from the model of that query's breakdown gives the committed file, byte for byte.
 * (ExecutionBreakdownTest draws it from a real run too.) After an intended change, the test
 * leaves the new drawing in target/figures/ to be copied to Images/.
 */
public class DistributedAggregateFigureTest {

    public static final Path FIGURE = Path.of("Images", "distributed-aggregate.svg");
    public static final String COUNT = "SELECT count(*) FROM github_events;";
    public static final String MERGE = "adds up the partial counts into one";

    /**
     * The lab's count query on a new server group with two workers: github_events' 32 shards
     * from 102008, placed on the workers in turn, each returning its one partial count.
     */
    static Breakdown countModel() {
        List<WorkerNode> workers = List.of(new WorkerNode(1, "w0", "127.0.0.1", 15433), new WorkerNode(2, "w1", "127.0.0.1", 15434));
        List<TaskBreakdown> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            long shard = 102008 + i;
            tasks.add(new TaskBreakdown(i + 1, List.of(new ShardRef(shard, "github_events_" + shard)), workers.get(i % 2),
                    "SELECT count(*) AS \"count\" FROM \"public\".\"github_events_" + shard + "\" github_events", 1, 2, 1));
        }
        return Breakdown.of(ExecutionPath.MULTI_SHARD, "", tasks, 1, 5);
    }

    /** Fails, leaving the drawing in target/figures/, unless it is the committed figure. */
    public static void assertIsTheCommittedFigure(String drawn) throws IOException {
        if (!Files.exists(FIGURE) || !drawn.equals(Files.readString(FIGURE))) {
            Path fresh = Files.createDirectories(Path.of("target", "figures")).resolve(FIGURE.getFileName());
            Files.writeString(fresh, drawn);
            throw new AssertionError(FIGURE + " is not what the product draws; if the change is intended, copy " + fresh
                    + " over it");
        }
    }

    @Test
    void regeneratingTheFigureGivesTheCommittedFile() throws IOException {
        assertIsTheCommittedFigure(DistributedAggregateFigure.svg(COUNT, MERGE, countModel()));
    }

    @Test
    void theFigureShowsEveryShardOnItsWorkerAndTheFragmentSentToEach() {
        String svg = DistributedAggregateFigure.svg(COUNT, MERGE, countModel());

        assertThat(BreakdownChartTest.parse(svg).getDocumentElement().getTextContent())
                .contains("Worker 1", "Worker 2", "shard 102008", "shard 102039", "Plans 32 tasks", "16 tasks out", "16 rows back",
                        "SELECT count(*) AS \"count\" FROM \"public\".\"github_events_<shard>\" github_events");
        assertThat(svg.indexOf("shard 102010")).as("shard 102010 with 102008 on worker 1")
                .isBetween(svg.indexOf("Worker 1"), svg.indexOf("Worker 2"));
        assertThat(svg.indexOf("shard 102009")).isGreaterThan(svg.indexOf("Worker 2"));
    }
}
