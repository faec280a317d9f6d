package fr.aptic.qualification.web;

import fr.aptic.qualification.support.PostgresTest;

/** Concurrent decisions and submissions on a real PostgreSQL server. */
@PostgresTest
class ConcurrentRequestsPostgresTest extends ConcurrentRequests {}
