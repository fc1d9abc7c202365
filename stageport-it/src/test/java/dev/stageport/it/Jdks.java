package dev.stageport.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The JDKs on this machine, found as the launcher finds them: JAVA_HOME, this JVM and /usr/lib/jvm. */
final class Jdks {

    private static final Pattern RELEASE = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
    private static final Pattern SPECIFICATION = Pattern.compile("java\\.specification\\.version = (\\d+)");

    private Jdks() {
    }

    static Optional<Path> newest(int atLeast) {
        return all().filter(home -> releaseFeature(home) >= atLeast).max(Comparator.comparingInt(Jdks::releaseFeature));
    }

    static Optional<Path> olderThan(int feature) {
        return all().filter(home -> releaseFeature(home) > 0 && releaseFeature(home) < feature).findFirst();
    }

    /** The feature version that -XshowSettings:properties printed, or 0. */
    static int feature(String settings) {
        Matcher m = SPECIFICATION.matcher(settings);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Stream<Path> all() {
        Stream<Path> named = Stream.of(System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                .filter(h -> h != null && !h.isBlank()).map(Path::of);
        Stream<Path> installed = Stream.empty();
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> homes = Files.list(jvm)) {
                installed = homes.toList().stream();
            } catch (IOException e) {
                installed = Stream.empty();
            }
        }
        return Stream.concat(named, installed).filter(h -> Files.isExecutable(h.resolve("bin/java")));
    }

    private static int releaseFeature(Path home) {
        try {
            Matcher m = RELEASE.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
