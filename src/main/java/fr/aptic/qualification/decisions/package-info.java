/** Full-FEEL decision evaluation made fast: Camunda's feel-scala integration with parsed expressions cached. */
package fr.aptic.qualification.decisions;
