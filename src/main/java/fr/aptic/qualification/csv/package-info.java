/** Streaming CSV reading and writing for bulk submissions, directory imports and exports. */
package fr.aptic.qualification.csv;
