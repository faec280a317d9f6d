/**
 * Reference data and identifiers every path checks the same way: SIRET, IBAN, BIC, e-mail, postal and INSEE
 * codes, départements and régions, the national standard's services and programmes, the charter's commitments.
 */
package fr.aptic.qualification.reference;
