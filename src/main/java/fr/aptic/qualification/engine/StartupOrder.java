package fr.aptic.qualification.engine;

/**
 * The order of the start-up listeners of {@code ContextRefreshedEvent}, each in the room that owns its part:
 * the models are deployed first ({@code models.ModelStartup}), then the contract's groups, grants and Tasklist
 * filters are ensured from their keys and {@link EngineReadyEvent} is published ({@code security.AccessStartup}).
 */
public final class StartupOrder {

    public static final int MODELS = 0;
    public static final int ACCESS = 10;

    private StartupOrder() {}
}
