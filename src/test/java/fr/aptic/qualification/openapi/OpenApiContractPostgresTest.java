package fr.aptic.qualification.openapi;

import fr.aptic.qualification.support.PostgresTest;

/** The OpenAPI document against the controllers, on a real PostgreSQL server. */
@PostgresTest
class OpenApiContractPostgresTest extends OpenApiContract {}
