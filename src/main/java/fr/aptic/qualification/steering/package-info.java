/**
 * The steering team's page ({@code /pilotage}): the funnel beside the 60/20/20 expectation, each territory's
 * consolidation on a map of départements, the open campaigns and the what-if simulation of a decision, as charts
 * with their tables, over the services the API uses.
 */
package fr.aptic.qualification.steering;
