package fr.aptic.qualification.contracting;

import fr.aptic.qualification.engine.ProcessVariable;

/** The shared call activity {@code bpmn/contracting.bpmn}: key, element ids and variables. */
public final class ContractingProcess {

    public static final String KEY = "contracting";
    public static final String VALIDATE_BANK_DETAILS = "Task_ValidateBankDetails";
    public static final String AWAIT_BANK_DETAILS = "Gateway_AwaitBankDetails";
    public static final String BANK_DETAILS_OVERDUE = "Event_BankDetailsOverdue";
    public static final String MESSAGE_BANK_DETAILS = "BankDetailsReceived";
    public static final String BACK_OFFICE = "aptic-back-office";
    /** The version of the general operating conditions (CGU/CGV) an applicant accepts today. */
    public static final String TERMS_VERSION = "CGU-2026-01";

    public static final ProcessVariable<Boolean> BANK_DETAILS_PROVIDED =
            ProcessVariable.of("bankDetailsProvided", Boolean.class);
    public static final ProcessVariable<Boolean> BANK_VALID = ProcessVariable.of("bankValid", Boolean.class);
    public static final ProcessVariable<String> COMMENT = ProcessVariable.of("comment", String.class);
    /** Task-local display variables of the back office's form. */
    public static final ProcessVariable<String> BANK_HOLDER = ProcessVariable.of("bankHolder", String.class);

    public static final ProcessVariable<String> BANK_IBAN = ProcessVariable.of("bankIban", String.class);
    public static final ProcessVariable<String> BANK_BIC = ProcessVariable.of("bankBic", String.class);

    private ContractingProcess() {}
}
