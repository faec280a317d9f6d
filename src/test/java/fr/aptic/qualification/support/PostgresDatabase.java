package fr.aptic.qualification.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL server the PostgreSQL tests run against (no container engine here): a fresh database
 * per test class on {@code APTIC_TEST_PG_URL} (default localhost:5432, user postgres). With
 * {@code -Daptic.test.postgres=required} (CI) an unreachable server fails the tests; otherwise they are
 * skipped, loudly.
 */
public final class PostgresDatabase implements ExecutionCondition {

    static final String ADMIN_URL =
            System.getenv().getOrDefault("APTIC_TEST_PG_URL", "jdbc:postgresql://localhost:5432/test");
    static final String USER = System.getenv().getOrDefault("APTIC_TEST_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("APTIC_TEST_PG_PASSWORD", "");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String mode = System.getProperty("aptic.test.postgres", "auto").toLowerCase(Locale.ROOT);
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + ADMIN_URL);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + ADMIN_URL + " (" + e.getMessage() + ")";
            if ("required".equals(mode)) {
                throw new IllegalStateException(
                        message + ": PostgreSQL tests are required here (-Daptic.test.postgres=required)", e);
            }
            System.err.println("\n**********************************************************************\n"
                    + "*** SKIPPING PostgreSQL tests: " + message + "\n"
                    + "*** CI runs them with -Daptic.test.postgres=required.\n"
                    + "**********************************************************************\n");
            return ConditionEvaluationResult.disabled("SKIPPED LOUDLY: " + message);
        }
    }

    private static String sharedUrl;

    /** Points a Spring context at the run's database, created on first use (see {@link PostgresTest}). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "spring.datasource.url=" + sharedDatabase(),
                            "spring.datasource.username=" + USER,
                            "spring.datasource.password=" + PASSWORD)
                    .applyTo(context);
        }
    }

    static synchronized String sharedDatabase() {
        if (sharedUrl == null) {
            sharedUrl = createDatabase();
        }
        return sharedUrl;
    }

    /** Creates a fresh database of its own and points the Spring context at it. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** A new database on the server, answered as its JDBC URL. */
    public static String createDatabase() {
        String name = "aptic_test_" + System.currentTimeMillis() + "_" + (int) (Math.random() * 10000);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }
}
