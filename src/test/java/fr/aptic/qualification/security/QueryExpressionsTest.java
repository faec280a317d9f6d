package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.security.HostileExpressions.Allowed;
import fr.aptic.qualification.security.HostileExpressions.Hostile;
import fr.aptic.qualification.web.FieldError;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The allow-list on its own: what Tasklist's filters use passes, each hostile expression is refused. */
class QueryExpressionsTest {

    static List<Hostile> hostile() {
        return HostileExpressions.all();
    }

    static List<Allowed> allowed() {
        return HostileExpressions.allowed();
    }

    @Test
    void theCorpusHasAtLeastSixtyCases() {
        assertThat(hostile()).hasSizeGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void refusesEachHostileExpression(Hostile hostile) {
        assertThat(QueryExpressions.refusal(hostile.expression())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("allowed")
    void allowsWhatTasklistFiltersUse(Allowed allowed) {
        assertThat(QueryExpressions.refusal(allowed.expression())).isEmpty();
    }

    @Test
    void namesTheFieldOfAnOrQueryAsTheRestApiDoes() {
        TaskQueryImpl query = new TaskQueryImpl();
        query.taskAssigneeExpression("${currentUser()}");
        query.or().taskCandidateGroupExpression("${identityService}").endOr();
        query.or()
                .dueBeforeExpression("${currentUser()}")
                .taskOwnerExpression("${now()}")
                .endOr();

        List<FieldError> errors = QueryExpressions.refusals(query, "");

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "orQueries[0].candidateGroupExpression",
                        "orQueries[1].dueBeforeExpression",
                        "orQueries[1].ownerExpression");
        assertThat(errors).extracting(FieldError::message).allMatch(message -> !message.isBlank());
    }

    @Test
    void refusesAnExpressionInAFieldThatTakesNone() {
        TaskQueryImpl query = new TaskQueryImpl();
        query.addExpression("taskId", "${currentUser()}");

        assertThat(QueryExpressions.refusals(query, "query."))
                .extracting(FieldError::field)
                .containsExactly("query.taskIdExpression");
    }
}
