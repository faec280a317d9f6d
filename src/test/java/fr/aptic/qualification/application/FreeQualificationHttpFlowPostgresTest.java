package fr.aptic.qualification.application;

import fr.aptic.qualification.support.PostgresTest;

/** The free path end to end on a real PostgreSQL server. */
@PostgresTest
class FreeQualificationHttpFlowPostgresTest extends FreeQualificationHttpFlow {}
