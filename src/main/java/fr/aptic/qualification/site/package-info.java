/**
 * The public pages, in French on the State's design system: home, the application form, the applicant's tracking
 * page and the map; thin controllers over the services the API uses, so that rules and checks exist once.
 */
package fr.aptic.qualification.site;
