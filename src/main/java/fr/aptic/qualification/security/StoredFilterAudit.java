package fr.aptic.qualification.security;

import fr.aptic.qualification.engine.EngineReadyEvent;
import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start, names the stored filters whose query the expression check refuses (saved before it existed):
 * they can no longer be listed, and Tasklist shows their refusal; an administrator edits or deletes them in
 * Tasklist or through {@code /engine-rest/filter/{id}}.
 */
@Component
public class StoredFilterAudit {

    private static final Logger log = LoggerFactory.getLogger(StoredFilterAudit.class);

    /** A stored filter and what is refused in it. */
    public record Refused(String id, String name, String owner, List<FieldError> errors) {}

    private final FilterService filters;

    StoredFilterAudit(FilterService filters) {
        this.filters = filters;
    }

    @EventListener
    void audit(EngineReadyEvent ready) {
        for (Refused refused : refused()) {
            log.warn(
                    "Stored filter {} \"{}\" (owner {}) holds expressions the engine now refuses, it cannot be listed"
                            + " until an administrator fixes or deletes it: {}",
                    refused.id(),
                    refused.name(),
                    refused.owner(),
                    refused.errors());
        }
    }

    /** Every stored filter that would be refused, read without the caller's authorizations. */
    public List<Refused> refused() {
        List<Refused> refused = new ArrayList<>();
        for (Filter filter : filters.createFilterQuery().list()) {
            if (filter.getQuery() instanceof AbstractQuery<?, ?> query) {
                List<FieldError> errors = QueryExpressions.refusals(query, "query.");
                if (!errors.isEmpty()) {
                    refused.add(new Refused(filter.getId(), filter.getName(), filter.getOwner(), errors));
                }
            }
        }
        return refused;
    }
}
