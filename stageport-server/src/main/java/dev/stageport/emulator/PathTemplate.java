package dev.stageport.emulator;

import java.util.regex.Pattern;

/**
 * A path template such as {@code /api/deployments/v1/deployment-operations/{key}}: every
 * {@code {name}} stands for one path segment; a trailing slash on the request is ignored.
 */
public final class PathTemplate {

    private final String template;
    private final Pattern pattern;

    private PathTemplate(String template, Pattern pattern) {
        this.template = template;
        this.pattern = pattern;
    }

    public static PathTemplate of(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("an unclosed '{' at character " + (open + 1));
            }
            if (open > at) {
                regex.append(Pattern.quote(template.substring(at, open)));
            }
            regex.append("[^/]+");
            at = close + 1;
        }
        return new PathTemplate(template, Pattern.compile(regex + "/?"));
    }

    /** The template with every variable written {@code {}}, to compare templates whatever their names. */
    public static String normal(String template) {
        return template.replaceAll("\\{[^}/]*}", "{}");
    }

    public boolean matches(String path) {
        return path != null && pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return template;
    }
}
