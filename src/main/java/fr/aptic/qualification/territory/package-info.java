/**
 * The territorial path: passes injected into départements, the consolidation ratio, the directory of known places
 * and the hub campaigns that recruit producers where passes lack them, with the funnel of their outcomes.
 */
package fr.aptic.qualification.territory;
