package dev.stageport.bundles;

import dev.stageport.StageportProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads and checks a bundle zip on disk. Entries are inflated one buffer at a time
 * to count their real size (declared sizes can lie), so a bundle of any size is
 * read with constant memory and a zip bomb stops at the limit. Everything that can
 * be checked without the database is checked here, and every problem is reported
 * at once; library references are resolved afterwards against the asset repository
 * (assets.LibraryResolver).
 */
@Component
public class BundleReader {

    /** A manifest is a few kilobytes; anything near this is not a manifest. */
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final BundleLimits limits;

    @Autowired
    public BundleReader(StageportProperties properties) {
        this(properties.bundles().limits());
    }

    public BundleReader(BundleLimits limits) {
        this.limits = limits;
    }

    public BundleLimits limits() {
        return limits;
    }

    /**
     * @throws BundleProblems listing every problem when the bundle is not valid
     * @throws IOException when the file cannot be read for reasons other than its content
     */
    public Bundle read(Path zip) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return read(file, problems);
        } catch (ZipException e) {
            throw BundleProblems.of("The file is not a readable zip archive (" + e.getMessage() + ").");
        }
    }

    private Bundle read(ZipFile zip, List<String> problems) throws IOException {
        if (zip.size() > limits.maxFiles()) {
            // checked before touching any entry: the central directory already tells
            throw BundleProblems.of("The bundle holds " + zip.size() + " entries; at most " + limits.maxFiles()
                    + " are allowed.");
        }
        List<String> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        byte[] manifest = null;
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            String unsafe = EntryNames.problem(name);
            if (unsafe != null) {
                problems.add(unsafe);
                continue;
            }
            if (!seen.add(name)) {
                problems.add("The entry '" + name + "' appears more than once in the zip.");
                continue;
            }
            if (entry.isDirectory()) {
                continue;
            }
            long budget = limits.maxUncompressedBytes() - inflated;
            if (Bundle.MANIFEST.equals(name)) {
                manifest = readManifest(zip, entry, problems);
                inflated += manifest == null ? 0 : manifest.length;
                continue;
            }
            files.add(name);
            long size = inflate(zip, entry, buffer, budget, problems);
            if (size < 0) {
                return fail(problems);
            }
            inflated += size;
        }
        if (manifest == null) {
            if (!seen.contains(Bundle.MANIFEST)) {
                problems.add("The bundle has no manifest.json at its root.");
            }
            return fail(problems);
        }
        Bundle bundle = ManifestParser.parse(manifest, files, problems);
        if (!problems.isEmpty()) {
            throw new BundleProblems(problems, bundle);
        }
        return bundle;
    }

    private byte[] readManifest(ZipFile zip, ZipEntry entry, List<String> problems) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                problems.add("manifest.json is larger than " + MAX_MANIFEST_BYTES + " bytes.");
                return null;
            }
            return bytes;
        } catch (ZipException e) {
            problems.add("manifest.json cannot be inflated (" + e.getMessage() + ").");
            return null;
        }
    }

    /** The entry's inflated size, or -1 when the total passed the limit (a problem is recorded). */
    private long inflate(ZipFile zip, ZipEntry entry, byte[] buffer, long budget, List<String> problems)
            throws IOException {
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                size += read;
                if (size > budget) {
                    problems.add("The bundle inflates to more than " + limits.maxUncompressedBytes()
                            + " bytes, the limit for its uncompressed size.");
                    return -1;
                }
            }
        } catch (ZipException e) {
            problems.add("The entry '" + entry.getName() + "' is damaged (" + e.getMessage() + ").");
        }
        return size;
    }

    private static Bundle fail(List<String> problems) {
        throw new BundleProblems(problems);
    }
}
