/** What operators read: health and readiness, build and model versions, and the engine's figures as metrics. */
package fr.aptic.qualification.operations;
