package fr.aptic.qualification.territory;

import fr.aptic.qualification.support.PostgresTest;

/** The territorial path end to end on a real PostgreSQL server. */
@PostgresTest
class TerritorialHttpFlowPostgresTest extends TerritorialHttpFlow {}
