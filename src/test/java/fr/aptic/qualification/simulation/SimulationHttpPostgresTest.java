package fr.aptic.qualification.simulation;

import fr.aptic.qualification.support.PostgresTest;

/** {@code POST /api/simulations} on a real PostgreSQL server: rows stream through a read-only cursor. */
@PostgresTest
class SimulationHttpPostgresTest extends SimulationHttpFlow {}
