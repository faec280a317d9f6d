/** Where places are: the applicant's pin, the directory's coordinates, or the national address geocoder asked in the background. */
package fr.aptic.qualification.geocoding;
