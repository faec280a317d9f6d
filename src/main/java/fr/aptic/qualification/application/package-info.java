/** Applications for qualification: submission, tracking, complements, withdrawal and the free path. */
package fr.aptic.qualification.application;
