/**
 * Who may do what, and what no user input may reach: logins, the role matrix and the engine's grants, and the
 * expression language closed to task queries and deployed models.
 */
package fr.aptic.qualification.security;
