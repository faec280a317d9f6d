package fr.aptic.qualification.security;

import fr.aptic.qualification.support.PostgresTest;

/** The README's authorization matrix on a real PostgreSQL server. */
@PostgresTest
class AuthorizationMatrixPostgresTest extends AuthorizationMatrix {}
