package dev.stageport.bundles;

/**
 * Zip entry names that would land outside the folder a bundle is unpacked into
 * ("zip slip"): absolute paths, drive letters, backslashes (a separator on Windows)
 * and ".." segments are refused rather than normalised, because a bundle that
 * contains them was not made by a tool we want to trust.
 */
public final class EntryNames {

    private EntryNames() {
    }

    /** Null when {@code name} is safe to resolve under the bundle root; otherwise why not. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "The zip holds an entry with an empty name.";
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "The entry '" + name + "' is an absolute path; entries must stay inside the bundle root.";
        }
        if (name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            return "The entry '" + printable(name) + "' contains a backslash or NUL; use '/' as the separator.";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "The entry '" + name + "' escapes the bundle root through '..'.";
            }
        }
        return null;
    }

    private static String printable(String name) {
        return name.replace("\0", "\\0");
    }
}
