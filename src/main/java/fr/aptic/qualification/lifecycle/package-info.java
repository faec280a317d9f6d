/**
 * The life of a qualification after it was granted ({@code bpmn/qualification-lifecycle.bpmn}): its validity, the
 * renewal notices and the producer's confirmation, the lapse and its delay to take it up again, revocation and
 * reinstatement by the national team, network members following their agreement; the API that shows it.
 */
package fr.aptic.qualification.lifecycle;
