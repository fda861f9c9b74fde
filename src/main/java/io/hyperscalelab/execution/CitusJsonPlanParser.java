package io.hyperscalelab.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code EXPLAIN (..., FORMAT JSON)} as a Citus coordinator writes it. Citus adds to
 * PostgreSQL's plan, on each of its custom scans, a {@code "Distributed Query"} object:
 *
 * <pre>
 * "Distributed Query": {
 *   "Subplans": [ { "Intermediate Data Size": "18 bytes", "Result destination": "Write locally",
 *                   "PlannedStmt": [ { "Plan": { ... } } ] } ],          CTEs and subqueries planned apart
 *   "Job": {
 *     "Task Count": 32,
 *     "Tuple data received from nodes": "1800 bytes",                      ANALYZE only
 *     "Tasks Shown": "All",                                                "One of 32", "None, not supported ..."
 *     "Tasks": [ { "Query": "SELECT ...",                                  VERBOSE only
 *                  "Tuple data received from node": "900 bytes",           ANALYZE only
 *                  "Node": "host=localhost port=9701 dbname=citus",
 *                  "Remote Plan": [ [ { "Plan": { ... }, "Execution Time": 0.03 } ] ] } ],
 *     "Dependent Jobs": [ { "Map Task Count": 3, "Merge Task Count": 6 } ]   re-partition joins
 *   }
 * }
 * </pre>
 *
 * The remote plan is the worker's own JSON EXPLAIN, nested in an array of its own.
 */
public final class CitusJsonPlanParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CitusJsonPlanParser() {
    }

    /**
     * @throws IllegalArgumentException when the text is not an EXPLAIN in JSON format
     */
    public static CitusPlan parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an EXPLAIN in JSON format: " + e.getOriginalMessage(), e);
        }
        JsonNode document = root != null && root.isArray() ? root.path(0) : root;
        if (document == null || !document.path("Plan").isObject()) {
            throw new IllegalArgumentException("Not an EXPLAIN in JSON format: there is no \"Plan\" object.");
        }
        Collected collected = new Collected();
        visitPlan(document.path("Plan"), collected);
        double execution = document.path("Execution Time").asDouble(0);
        if (!collected.distributed) {
            return CitusPlan.local(execution);
        }
        return new CitusPlan(true, collected.taskCounts, collected.tasks, collected.tasksNotShown, execution);
    }

    private static final class Collected {
        boolean distributed;
        boolean tasksNotShown;
        final List<Integer> taskCounts = new ArrayList<>();
        final List<CitusPlan.Task> tasks = new ArrayList<>();
    }

    private static void visitPlan(JsonNode plan, Collected collected) {
        JsonNode distributed = plan.path("Distributed Query");
        if (distributed.isObject()) {
            collected.distributed = true;
            for (JsonNode subplan : distributed.path("Subplans")) {
                for (JsonNode statement : subplan.path("PlannedStmt")) {
                    visitPlan(statement.path("Plan"), collected);
                }
            }
            JsonNode job = distributed.path("Job");
            if (job.isObject()) {
                collected.taskCounts.add(job.path("Task Count").asInt(0));
                collected.tasksNotShown |= job.path("Tasks Shown").asText("").startsWith("None");
                for (JsonNode task : job.path("Tasks")) {
                    collected.tasks.add(task(task));
                }
            }
        }
        for (JsonNode child : plan.path("Plans")) {
            visitPlan(child, collected);
        }
    }

    private static CitusPlan.Task task(JsonNode task) {
        String node = task.path("Node").asText("");
        List<JsonNode> documents = new ArrayList<>();
        remoteDocuments(task.path("Remote Plan"), documents);
        long rows = 0;
        double millis = 0;
        List<String> relations = new ArrayList<>();
        for (JsonNode document : documents) {
            JsonNode top = document.path("Plan");
            rows += Math.round(top.path("Actual Rows").asDouble(0) * Math.max(1, top.path("Actual Loops").asDouble(1)));
            millis += document.has("Execution Time") ? document.path("Execution Time").asDouble(0)
                    : top.path("Actual Total Time").asDouble(0);
            relations(top, relations);
        }
        return new CitusPlan.Task(CitusPlanText.host(node), CitusPlanText.port(node), task.path("Query").asText(""), rows,
                CitusPlanText.bytes(task.path("Tuple data received from node").asText("")), millis, relations,
                task.path("Error").asText(""));
    }

    // "Remote Plan": [ [ {document} ] ]: the worker's JSON array inside Citus' own
    private static void remoteDocuments(JsonNode node, List<JsonNode> documents) {
        if (node.isArray()) {
            node.forEach(element -> remoteDocuments(element, documents));
        } else if (node.isObject() && node.has("Plan")) {
            documents.add(node);
        }
    }

    private static void relations(JsonNode plan, List<String> relations) {
        String relation = plan.path("Relation Name").asText("");
        if (!relation.isEmpty() && !relations.contains(relation)) {
            relations.add(relation);
        }
        for (JsonNode child : plan.path("Plans")) {
            relations(child, relations);
        }
    }
}
