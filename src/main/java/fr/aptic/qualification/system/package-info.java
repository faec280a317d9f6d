/** Cross-cutting concerns: security, web errors, engine configuration and model deployment. */
package fr.aptic.qualification.system;
