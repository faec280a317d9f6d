/** What no user input may reach: the engine's expression language, through task queries and deployed models. */
package fr.aptic.qualification.security;
