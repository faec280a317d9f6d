package fr.aptic.qualification.web;

import fr.aptic.qualification.support.PostgresTest;

/** The corpus of malformed requests on a real PostgreSQL server. */
@PostgresTest
class BadInputCorpusPostgresTest extends BadInputCorpus {}
