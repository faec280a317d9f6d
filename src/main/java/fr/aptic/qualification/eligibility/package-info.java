/** Eligibility assessment shared by the three paths: the questionnaire, the charter and review routing. */
package fr.aptic.qualification.eligibility;
