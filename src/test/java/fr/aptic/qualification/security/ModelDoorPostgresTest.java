package fr.aptic.qualification.security;

import fr.aptic.qualification.support.PostgresTest;

/** Hostile models on a real PostgreSQL server. */
@PostgresTest
class ModelDoorPostgresTest extends ModelDoor {}
