/** The process engine's settings and the helpers every room uses with it: variables, system authority, task checks. */
package fr.aptic.qualification.engine;
