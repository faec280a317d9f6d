package fr.aptic.qualification.deadlines;

/**
 * {@code aptic.deadlines.<task>.*}: one human task's deadlines, in working days.
 *
 * @param due working days until the task falls due (Tasklist's due date; the overdue timers fire then)
 * @param followUp working days until the task comes up for follow-up (Tasklist's follow-up date), at most
 *     {@code due}
 * @param national true for the national team's and back office's tasks: the working days of metropolitan France
 *     whatever the place's departement
 */
record TaskDeadline(Integer due, Integer followUp, boolean national) {

    /** Why the setting cannot be used, or null. */
    String refusal() {
        if (due == null || followUp == null) {
            return "both due and follow-up must be set";
        }
        if (due < 1) {
            return "due must be at least one working day";
        }
        if (followUp < 0 || followUp > due) {
            return "follow-up must be between 0 and due (" + due + ") working days";
        }
        return null;
    }
}
