package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.support.PostgresTest;

/** The life of a qualification on a real PostgreSQL server. */
@PostgresTest
class QualificationLifecyclePostgresTest extends QualificationLifecycleFlow {}
