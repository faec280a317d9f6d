/** How the application answers over HTTP: problem details, size and URL limits, rate limits, the start-up gate. */
package fr.aptic.qualification.web;
