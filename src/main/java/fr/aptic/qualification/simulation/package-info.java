/**
 * What-if simulation for process owners: a candidate or deployed decision evaluated against every stored
 * application, read-only, answering whose outcome would change.
 */
package fr.aptic.qualification.simulation;
