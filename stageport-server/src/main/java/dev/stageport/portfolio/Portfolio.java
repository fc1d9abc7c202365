package dev.stageport.portfolio;

/**
 * A portfolio: the group of stages and assets a team works in. Stageport has one, the main
 * portfolio, created by the database migration; every stage and asset belongs to it.
 */
public record Portfolio(String key, String name, String hostingType, boolean main) {

    /** The key of the main portfolio, fixed so that scripts and tests can name it. */
    public static final String MAIN_KEY = "f0000000-0000-4000-8000-000000000001";

    public static final int MAX_NAME_LENGTH = 50;
}
