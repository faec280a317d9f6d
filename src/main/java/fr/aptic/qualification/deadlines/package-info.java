/** When a human task falls due and comes up for follow-up: working days of the task's territory, set per task. */
package fr.aptic.qualification.deadlines;
