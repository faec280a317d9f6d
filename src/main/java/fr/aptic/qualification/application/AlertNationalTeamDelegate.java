package fr.aptic.qualification.application;

import static fr.aptic.qualification.application.FreeQualificationProcess.APPLICATION_ID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_AlertNationalTeam}: the review is overdue; the national team is alerted and, as a
 * candidate group of the review task from now on, can take it over.
 */
@Component
class AlertNationalTeamDelegate implements JavaDelegate {

    static final String NATIONAL_TEAM = "aptic-qualification";

    private final ApplicationLifecycle lifecycle;
    private final TaskService taskService;

    AlertNationalTeamDelegate(ApplicationLifecycle lifecycle, TaskService taskService) {
        this.lifecycle = lifecycle;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(FreeQualificationProcess.REVIEW)
                .list()
                .forEach(task -> taskService.addCandidateGroup(task.getId(), NATIONAL_TEAM));
        lifecycle.event(
                APPLICATION_ID.get(execution), "REVIEW_OVERDUE", "Instruction en retard : équipe nationale alertée");
    }
}
