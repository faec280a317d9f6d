package fr.aptic.qualification.network;

import fr.aptic.qualification.support.PostgresTest;

/** A French partner's file on a real PostgreSQL server. */
@PostgresTest
class FrenchPartnerFilePostgresTest extends FrenchPartnerFile {}
