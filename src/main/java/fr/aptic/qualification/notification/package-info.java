/** Mails to applicants, kept in an outbox written with the change that causes them and sent afterwards. */
package fr.aptic.qualification.notification;
