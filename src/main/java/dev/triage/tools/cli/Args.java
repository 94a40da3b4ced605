package dev.triage.tools.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of a command. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --option value, got '" + argv[i] + "'");
            }
            values.put(argv[i].substring(2), argv[++i]);
        }
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    Path path(String name) {
        return Path.of(required(name));
    }

    /** A comma-separated list of files; none when the option is absent. */
    List<Path> paths(String name) {
        String value = values.get(name);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .map(Path::of)
                        .toList();
    }

    /** The router folder given by {@code --router}, or {@code null} for the one on the classpath. */
    Path routerFolder() {
        String folder = values.get("router");
        return folder == null ? null : Path.of(folder);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }
}
