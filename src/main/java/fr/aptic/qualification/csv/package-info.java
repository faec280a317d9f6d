/**
 * Streaming CSV reading and writing for bulk submissions, directory imports and exports: Apache Commons CSV
 * splits and prints records; this room decides charset and separator, numbers rows and words the problems.
 */
package fr.aptic.qualification.csv;
