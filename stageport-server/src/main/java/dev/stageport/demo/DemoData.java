package dev.stageport.demo;

/**
 * Stable keys of the demo data, so the README and pipelines written against the
 * demo can name them. Documented in docs/demo.md.
 */
public final class DemoData {

    public static final String DEVELOPMENT = "d0000000-0000-4000-8000-000000000001";
    public static final String QA = "d0000000-0000-4000-8000-000000000002";
    public static final String PRODUCTION = "d0000000-0000-4000-8000-000000000003";

    public static final String APP = "a0000000-0000-4000-8000-000000000001";
    public static final String APP_NAME = "Hello Settings";

    public static final String BUILD_REV1_RELEASE = "b0000000-0000-4000-8000-000000000001";
    public static final String BUILD_REV2_RELEASE = "b0000000-0000-4000-8000-000000000002";
    public static final String BUILD_REV2_DEBUG = "b0000000-0000-4000-8000-000000000003";

    public static final String SETTING_GREETING = "c0000000-0000-4000-8000-000000000001";
    public static final String SETTING_MAX_ITEMS = "c0000000-0000-4000-8000-000000000002";
    public static final String SETTING_API_KEY = "c0000000-0000-4000-8000-000000000003";
    /** Only in revision 2. */
    public static final String SETTING_THEME = "c0000000-0000-4000-8000-000000000004";
    public static final String TIMER_CLEANUP = "e0000000-0000-4000-8000-000000000001";

    private DemoData() {
    }
}
