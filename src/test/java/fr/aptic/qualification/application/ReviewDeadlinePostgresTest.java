package fr.aptic.qualification.application;

import fr.aptic.qualification.support.PostgresTest;

/** The review's deadlines on a real PostgreSQL server. */
@PostgresTest
class ReviewDeadlinePostgresTest extends ReviewDeadlineFlow {}
