package fr.aptic.qualification.network;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The network members' flow on the embedded H2 database. A database of its own (a context of its own): it
 * qualifies members in random départements, where territorial tests expect no qualified place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "aptic.test.database=network-member-flow")
class NetworkMemberFlowTest extends NetworkMemberFlow {}
