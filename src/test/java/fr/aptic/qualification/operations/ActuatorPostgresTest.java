package fr.aptic.qualification.operations;

import fr.aptic.qualification.support.PostgresTest;

/** Health, readiness, info and metrics on a real PostgreSQL server. */
@PostgresTest
class ActuatorPostgresTest extends Actuator {}
