package fr.aptic.qualification.contracting;

import fr.aptic.qualification.application.BankDetailsStep;
import fr.aptic.qualification.engine.SystemAuthority;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The contracting process's wait for bank details ({@link ContractingProcess#MESSAGE_BANK_DETAILS}). */
@Component
class BankDetailsWait implements BankDetailsStep {

    private final RuntimeService runtimeService;
    private final SystemAuthority authority;

    BankDetailsWait(RuntimeService runtimeService, SystemAuthority authority) {
        this.runtimeService = runtimeService;
        this.authority = authority;
    }

    @Override
    public boolean awaits(String applicationId) {
        return authority.call(() ->
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).list().stream()
                        .anyMatch(instance -> runtimeService
                                        .createEventSubscriptionQuery()
                                        .processInstanceId(instance.getId())
                                        .eventName(ContractingProcess.MESSAGE_BANK_DETAILS)
                                        .count()
                                > 0));
    }

    @Override
    public String message() {
        return ContractingProcess.MESSAGE_BANK_DETAILS;
    }
}
