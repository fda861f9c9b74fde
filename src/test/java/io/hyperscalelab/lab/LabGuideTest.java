package io.hyperscalelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperscalelab.lab.check.LabQuery;
import io.hyperscalelab.lab.check.LabStep;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.security.DeploymentId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The guide's pages as data: their order, their blocks, and every placeholder they use. */
class LabGuideTest {

    private final LabGuide guide = new LabGuide();

    @Test
    void pagesComeInTheHostedLabsOrder() {
        assertThat(guide.pages()).extracting(LabPage::id)
                .containsExactly("getting-started", "exercise-1", "exercise-2", "exercise-3", "exercise-4", "conclusions");
    }

    @Test
    void fencedBlocksBecomeCodeAndTheRestStaysProse() {
        List<LabBlock> blocks = LabGuide.parse("Intro\n\n```sql\nSELECT 1;\n```\nOutro\n");

        assertThat(blocks).containsExactly(new LabBlock.Prose("Intro"), new LabBlock.Code("sql", "SELECT 1;"),
                new LabBlock.Prose("Outro"));
        assertThatThrownBy(() -> LabGuide.parse("```sql\nSELECT 1;\n")).hasMessageContaining("not closed");
    }

    @Test
    void aBlockMarkedQueryEditorOffersItsStatementToTheQueryEditor() {
        assertThat(LabGuide.parse("```sql query-editor\nSELECT 1;\n```\n"))
                .containsExactly(new LabBlock.Code("sql", "SELECT 1;", true));
        assertThat(guide.page("exercise-4").orElseThrow().blocks()).filteredOn(LabBlock.Code.class::isInstance)
                .map(LabBlock.Code.class::cast).allMatch(LabBlock.Code::queryEditor).hasSize(4);
    }

    @Test
    void theExercisesCarryTheLabsSql() {
        String sql = guide.page("exercise-3").orElseThrow().blocks().stream()
                .filter(LabBlock.Code.class::isInstance).map(b -> ((LabBlock.Code) b).text()).reduce("", String::concat);

        assertThat(sql).contains("CREATE TABLE github_events", "CREATE TABLE github_users", "USING GIN (payload jsonb_path_ops)",
                "create_distributed_table('github_users', 'user_id')", "\\copy github_events from 'events.csv' WITH CSV");
    }

    @Test
    void everyPlaceholderInTheTextsIsOneTheLabFillsIn() {
        LabValues values = LabValues.of(Optional.of(new DeploymentId(131057)));
        Pattern leftover = Pattern.compile("\\{\\{[^}]*}}");
        StringBuilder all = new StringBuilder(LabGuide.read("resources.md")).append(LabGuide.read("help.md"));
        for (LabPage page : guide.pages()) {
            for (LabBlock block : page.blocks()) {
                if (block instanceof LabBlock.Code code) {
                    all.append(code.text());
                } else if (block instanceof LabBlock.Prose prose) {
                    all.append(prose.markdown());
                }
            }
        }

        String filled = values.apply(all.toString());

        assertThat(leftover.matcher(filled).find()).as("unknown placeholder in %s", filled).isFalse();
        assertThat(filled).contains("postgres131057", "citus-131057", "srv131057.postgres.database.azure.com");
    }

    @Test
    void checkAndFiguresBlocksAreParsedApart() {
        assertThat(LabGuide.parse("```check\ntables\n```\n\n```figures\n```\n"))
                .containsExactly(new LabBlock.Check("tables"), new LabBlock.Figures());
    }

    @Test
    void everyStepThatChecksItselfHasOneCheckBlockOnItsOwnPage() {
        LabSteps steps = new LabSteps();
        for (LabPage page : guide.pages()) {
            List<String> blocks = page.blocks().stream().filter(LabBlock.Check.class::isInstance)
                    .map(b -> ((LabBlock.Check) b).stepId()).toList();
            assertThat(blocks).as("check blocks on %s", page.id())
                    .containsExactlyElementsOf(steps.onPage(page.id()).stream().map(LabStep::id).toList());
        }
        assertThat(guide.page("conclusions").orElseThrow().blocks()).contains(new LabBlock.Figures());
    }

    @Test
    void theQueriesTheChecksRecogniseAreTheOnesTheGuidePrints() {
        List<String> printed = guide.page("exercise-4").orElseThrow().blocks().stream()
                .filter(LabBlock.Code.class::isInstance).map(b -> ((LabBlock.Code) b).text()).toList();

        assertThat(printed).containsExactly(java.util.Arrays.stream(LabQuery.values()).map(LabQuery::sql).toArray(String[]::new));
    }
}
