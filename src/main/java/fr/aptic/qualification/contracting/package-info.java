/** Contracting after approval: terms, bank details validated by the back office, the yearly subscription. */
package fr.aptic.qualification.contracting;
