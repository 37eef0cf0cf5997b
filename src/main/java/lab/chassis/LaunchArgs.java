package lab.chassis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The arguments of a demo process, all {@code --name=value}: {@code role}, {@code port}
 * (0 = any free port), {@code data-dir} (instances of a service on the same dir share its
 * database), {@code version} (v1|v2), {@code instance}, {@code peer.<module>},
 * {@code parent-pid}, {@code timeout-ms} (the initial timeout of peer calls, 1..60000,
 * default 1000), {@code fallbacks} (true|false, default true: reads degrade when a peer
 * fails), {@code log} (requests|none), {@code watch-stdin} (true|false; on by default
 * when a parent pid is given), {@code database} (optional: the address of the database
 * server that serves the service's database, {@code tcp://127.0.0.1:<port>/<path>}, as
 * the fleet gives it; without it the process opens the database in {@code data-dir}
 * itself). Timeout and fallbacks can be changed later with {@code POST /settings}.
 */
public record LaunchArgs(Role role, int port, Path dataDir, String version, String instance, Map<String, String> peers,
		OptionalLong parentPid, Duration timeout, boolean fallbacks, boolean logRequests, boolean watchStdin,
		Optional<String> database) {

	public static final int DEFAULT_TIMEOUT_MS = 1000;

	/**
	 * The environment variable with the password of the service's database. A secret, so
	 * never an argument: other users of the machine can read every process's command
	 * line.
	 */
	public static final String DATABASE_PASSWORD_VARIABLE = "LAB_DB_PASSWORD";

	private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

	/**
	 * A database server on loopback and a plain path under it: no H2 settings
	 * ({@code ;}), no way out of its folder (no segment starts with a dot).
	 */
	private static final Pattern DATABASE = Pattern
		.compile("tcp://127\\.0\\.0\\.1:[1-9][0-9]{0,4}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}){1,8}");

	public static LaunchArgs parse(String... args) {
		Map<String, String> named = new LinkedHashMap<>();
		Map<String, String> peers = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("arguments are --name=value, got '" + arg + "'");
			}
			String name = arg.substring(2, arg.indexOf('='));
			String value = arg.substring(arg.indexOf('=') + 1);
			if (name.startsWith("peer.")) {
				peers.put(name.substring("peer.".length()), value);
			}
			else {
				named.put(name, value);
			}
		}
		Role role = Role.parse(named.getOrDefault("role", ""));
		String instance = named.getOrDefault("instance", role.id() + "-1");
		if (!INSTANCE.matcher(instance).matches()) {
			throw new IllegalArgumentException("instance must be 1-40 of A-Z a-z 0-9 . _ -, got '" + instance + "'");
		}
		int port = (int) number(named, "port", 0, 0, 65535);
		String version = named.getOrDefault("version", "v1");
		if (!version.equals("v1") && !version.equals("v2")) {
			throw new IllegalArgumentException("version must be v1 or v2, got '" + version + "'");
		}
		Path dataDir = named.containsKey("data-dir") ? Path.of(named.get("data-dir"))
				: Path.of(System.getProperty("java.io.tmpdir"), "microservices-lab", instance);
		for (String needed : role.peers()) {
			String url = peers.get(needed);
			if (url == null || !url.startsWith("http://")) {
				throw new IllegalArgumentException(
						"role " + role.id() + " needs --peer." + needed + "=http://host:port");
			}
		}
		OptionalLong parentPid = named.containsKey("parent-pid")
				? OptionalLong.of(number(named, "parent-pid", 0, 1, Long.MAX_VALUE)) : OptionalLong.empty();
		Duration timeout = Duration.ofMillis(number(named, "timeout-ms", DEFAULT_TIMEOUT_MS, 1, 60_000));
		boolean fallbacks = bool(named, "fallbacks", true);
		String log = named.getOrDefault("log", "requests");
		if (!log.equals("requests") && !log.equals("none")) {
			throw new IllegalArgumentException("log must be requests or none, got '" + log + "'");
		}
		boolean watchStdin = Boolean
			.parseBoolean(named.getOrDefault("watch-stdin", String.valueOf(parentPid.isPresent())));
		Optional<String> database = Optional.ofNullable(named.get("database"));
		if (database.isPresent() && !DATABASE.matcher(database.get()).matches()) {
			throw new IllegalArgumentException(
					"database must be tcp://127.0.0.1:<port>/<path>, got '" + database.get() + "'");
		}
		return new LaunchArgs(role, port, dataDir, version, instance, Map.copyOf(peers), parentPid, timeout, fallbacks,
				log.equals("requests"), watchStdin, database);
	}

	private static boolean bool(Map<String, String> named, String name, boolean fallback) {
		String text = named.get(name);
		if (text == null) {
			return fallback;
		}
		if (!text.equals("true") && !text.equals("false")) {
			throw new IllegalArgumentException(name + " must be true or false, got '" + text + "'");
		}
		return text.equals("true");
	}

	private static long number(Map<String, String> named, String name, long fallback, long min, long max) {
		String text = named.get(name);
		if (text == null) {
			return fallback;
		}
		try {
			long value = Long.parseLong(text);
			if (value < min || value > max) {
				throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", got " + value);
			}
			return value;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
		}
	}

}
