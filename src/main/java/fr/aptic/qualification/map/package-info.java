/** The public map of qualified places: JSON, GeoJSON and the national open-data standard's CSV. */
package fr.aptic.qualification.map;
