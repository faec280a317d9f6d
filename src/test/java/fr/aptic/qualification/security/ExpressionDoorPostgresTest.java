package fr.aptic.qualification.security;

import fr.aptic.qualification.support.PostgresTest;

/** The expression door on a real PostgreSQL server. */
@PostgresTest
class ExpressionDoorPostgresTest extends ExpressionDoor {}
