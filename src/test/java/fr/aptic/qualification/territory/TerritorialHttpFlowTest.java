package fr.aptic.qualification.territory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The territorial path end to end on the embedded H2 database. The flow starts from a Rhône with no qualified
 * place: a database of its own (a context of its own), where the other tests' random members never qualify one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "aptic.test.database=territorial-flow")
class TerritorialHttpFlowTest extends TerritorialHttpFlow {}
