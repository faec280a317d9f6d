/**
 * The network path: partners with a cooperation agreement submit their members in bulk, attest them, and the
 * national team audits a sample before contracting.
 */
package fr.aptic.qualification.network;
