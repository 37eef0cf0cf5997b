package lab.chassis;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line that starts a demo process as a child of the current JVM: the same
 * java binary, small-footprint JVM flags, the application's own classes plus H2 (unpacked
 * once from the packaged jar, or taken from the class path when running from classes),
 * and the role arguments. <pre>{@code
 * List<String> cmd = LaunchCommand.of("posts")
 *     .instance("posts-1").dataDir(dir).version("v2")
 *     .peer("users", "http://127.0.0.1:8080/lb/users")
 *     .toList();
 * Process p = new ProcessBuilder(cmd).start();   // keep p's stdin open; read its stdout for READY
 * }</pre> By default the child gets {@code --parent-pid} of this JVM, so it exits within
 * half a second of this JVM's death, and it also exits when its standard input is closed.
 * Children of one role given the same {@code dataDir} share one database: the first one
 * serves it to the others on 127.0.0.1.
 * <p>
 * Threads {@code v3} is {@link PythonThreads}: the same arguments, given to Python 3 and
 * the script instead of the JVM and the application.
 */
public final class LaunchCommand {

	/**
	 * The demo process's own entry point: a plain class with no Spring in sight, so
	 * nothing a change to the site's application class brings can break the children.
	 */
	public static final String MAIN_CLASS = "lab.chassis.ServiceMain";

	/** The site's main class, as an extracted jar's manifest names it. */
	static final String APPLICATION_CLASS = "lab.MicroservicesLabApplication";

	/**
	 * JVM flags measured for a small, quick demo process (see the chassis report): serial
	 * GC and C1 only (little to collect, no time to pay C2 back), a capped heap,
	 * metaspace and code cache.
	 */
	public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:CICompilerCount=1", "-Xss256k", "-Xms8m", "-Xmx48m", "-XX:MaxMetaspaceSize=48m",
			"-XX:ReservedCodeCacheSize=16m", "-XX:MaxDirectMemorySize=8m", "-XX:-UsePerfData",
			// no -Xshare flag: auto is the default, and Java 25 refuses any -Xshare
			// beside
			// -XX:AOTCache
			"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
			// the H2 server of an instance that serves its service's database to the
			// others: loopback only
			"-Dh2.bindAddress=127.0.0.1",
			// without TCP_NODELAY, each keep-alive answer of the JDK's HTTP server waits
			// ~40 ms for a delayed ACK
			"-Dsun.net.httpserver.nodelay=true");

	private final String role;

	private final Map<String, String> arguments = new LinkedHashMap<>();

	private List<String> jvmFlags = JVM_FLAGS;

	private Path scriptDir;

	private Path archives = ChildArchive.defaultFolder();

	private LaunchCommand(String role) {
		this.role = Role.parse(role).id();
		arguments.put("parent-pid", String.valueOf(ProcessHandle.current().pid()));
	}

	/** A command for {@code role}: users, posts, threads, payments or monolith. */
	public static LaunchCommand of(String role) {
		return new LaunchCommand(role);
	}

	/**
	 * 0 (the default) lets the child pick a free port; it reports it on its READY line.
	 */
	public LaunchCommand port(int port) {
		return arg("port", String.valueOf(port));
	}

	public LaunchCommand dataDir(Path dir) {
		return arg("data-dir", dir.toAbsolutePath().toString());
	}

	/**
	 * The address of the database server that serves the service's database (as
	 * {@link lab.chassis.store.H2Server#serve} gives it); without it the child opens the
	 * database in its data dir itself.
	 */
	public LaunchCommand database(String address) {
		return arg("database", address);
	}

	/** v1 or v2. */
	public LaunchCommand version(String version) {
		return arg("version", version);
	}

	/**
	 * An id such as {@code payments-2}; the child answers with it in {@code X-Instance}.
	 */
	public LaunchCommand instance(String instance) {
		return arg("instance", instance);
	}

	/**
	 * Where the child reaches {@code module}, e.g.
	 * {@code peer("users", "http://127.0.0.1:8080/lb/users")}.
	 */
	public LaunchCommand peer(String module, String baseUrl) {
		return arg("peer." + module, baseUrl);
	}

	/**
	 * Connect and request timeout of the child's calls to its peers, 1..60000 (default
	 * 1000 ms); the child starts with it, {@code POST /settings {"peerTimeoutMs": n}}
	 * changes it later.
	 */
	public LaunchCommand timeoutMs(long millis) {
		return arg("timeout-ms", String.valueOf(millis));
	}

	/**
	 * Whether the child degrades a read when a peer fails (default true), or answers 503
	 * {@code peer.unavailable}; the child starts with it, {@code POST /settings
	 * {"fallbacks": b}} changes it later.
	 */
	public LaunchCommand fallbacks(boolean on) {
		return arg("fallbacks", String.valueOf(on));
	}

	/** The pid the child watches (default: this JVM); the child exits when it is gone. */
	public LaunchCommand parentPid(long pid) {
		return arg("parent-pid", String.valueOf(pid));
	}

	/**
	 * Lets the child outlive this JVM (no parent pid, no stdin watch). Only for manual
	 * experiments.
	 */
	public LaunchCommand detached() {
		arguments.remove("parent-pid");
		return arg("watch-stdin", "false");
	}

	/** Any other {@code --name=value} argument, such as {@code log=none}. */
	public LaunchCommand arg(String name, String value) {
		arguments.put(name, value);
		return this;
	}

	/**
	 * Where the Python script of Threads v3 is written before it runs (default: the
	 * user's cache).
	 */
	public LaunchCommand scriptDir(Path dir) {
		this.scriptDir = dir;
		return this;
	}

	/**
	 * The runtime that runs this command: {@code python} for Threads v3, else
	 * {@code java}.
	 */
	public String runtime() {
		return PythonThreads.serves(role, arguments.get("version")) ? "python" : "java";
	}

	/** Replaces the JVM flags (the defaults are {@link #JVM_FLAGS}). */
	public LaunchCommand jvmFlags(List<String> flags) {
		this.jvmFlags = List.copyOf(flags);
		return this;
	}

	/**
	 * Where the class-data archives live ({@link ChildArchive}; the default is the user's
	 * cache folder); {@code null} starts the child without one.
	 */
	public LaunchCommand archives(Path folder) {
		this.archives = folder;
		return this;
	}

	/**
	 * The command; for Threads v3 this writes out the Python script first (see
	 * {@link #scriptDir}).
	 */
	public List<String> toList() {
		if (PythonThreads.serves(role, arguments.get("version"))) {
			try {
				return pythonList(PythonThreads.script(scriptDir == null ? PythonThreads.defaultDir() : scriptDir));
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot write the Threads v3 script: " + e.getMessage(), e);
			}
		}
		return toList(applicationLauncher());
	}

	List<String> pythonList(Path script) {
		List<String> command = new ArrayList<>();
		command.add(PythonThreads.interpreter());
		// no bytecode cache beside the script, no user site folder: the same program on
		// every machine
		command.add("-B");
		command.add("-s");
		command.add(script.toString());
		command.add("--role=" + role);
		arguments.forEach((name, value) -> command.add("--" + name + "=" + value));
		return command;
	}

	List<String> toList(List<String> launcher) {
		List<String> command = new ArrayList<>();
		command.add(javaBinary());
		command.addAll(jvmFlags);
		if (archives != null && launcher.size() == 3 && launcher.get(0).equals("-cp")) {
			command.addAll(ChildArchive.flags(launcher.get(1), jvmFlags, archives));
		}
		command.addAll(launcher);
		command.add("--role=" + role);
		arguments.forEach((name, value) -> command.add("--" + name + "=" + value));
		return command;
	}

	/**
	 * A process builder for {@link #toList()}; stdin stays a pipe, which the caller must
	 * keep open.
	 */
	public ProcessBuilder processBuilder() {
		return new ProcessBuilder(toList());
	}

	/** The java binary running this JVM. */
	static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * How the child finds the application. From a Spring Boot jar or its extracted form
	 * (a jar whose main class is ours): {@code -cp} over the classes and H2 copied once
	 * by {@link UnpackedApp} (or {@code -jar} if that fails). From classes (IDE,
	 * {@code spring-boot:run}, tests): {@code -cp} over the class path entries that hold
	 * our classes and H2.
	 */
	static List<String> applicationLauncher() {
		return applicationLauncher(System.getProperty("java.class.path"), UnpackedApp.defaultCacheRoot());
	}

	static List<String> applicationLauncher(String classPath, Path unpackCacheRoot) {
		Path jar = singleJar(classPath);
		Attributes main = jar == null ? null : mainAttributes(jar);
		boolean bootJar = main != null && main.getValue("Start-Class") != null;
		boolean extracted = main != null && APPLICATION_CLASS.equals(main.getValue(Attributes.Name.MAIN_CLASS));
		if (bootJar || extracted) {
			try {
				return List.of("-cp", UnpackedApp.classPath(jar, unpackCacheRoot), MAIN_CLASS);
			}
			catch (IOException | RuntimeException e) {
				// cannot unpack (read-only home, odd jar): the Spring Boot launcher works
				// too, only slower
				return List.of("-jar", jar.toString());
			}
		}
		return List.of("-cp", demoClassPath(expanded(classPath)), MAIN_CLASS);
	}

	/**
	 * This JVM's class path, with a manifest-only jar (as Maven's test runners use)
	 * expanded.
	 */
	static String currentClassPath() {
		return expanded(System.getProperty("java.class.path"));
	}

	private static String expanded(String classPath) {
		Path jar = singleJar(classPath);
		Attributes main = jar == null ? null : mainAttributes(jar);
		String manifestClassPath = main == null ? null : main.getValue(Attributes.Name.CLASS_PATH);
		if (manifestClassPath != null && !manifestClassPath.isBlank()) {
			return expand(jar, manifestClassPath);
		}
		return classPath;
	}

	private static Path singleJar(String classPath) {
		String[] entries = classPath.split(java.io.File.pathSeparator);
		if (entries.length == 1 && entries[0].endsWith(".jar") && Files.isRegularFile(Path.of(entries[0]))) {
			return Path.of(entries[0]).toAbsolutePath();
		}
		return null;
	}

	/**
	 * Demo processes need only this application's classes and H2, so the child gets just
	 * those two class path entries when they can be found. With the site's whole class
	 * path (170 jars), the JDK's service lookups (HTTP server provider, logger finder)
	 * open every jar, which cost each child about 150 ms and 10 MB.
	 */
	static String demoClassPath(String fullClassPath) {
		String application = codeSource(LaunchCommand.class);
		String h2 = codeSource(org.h2.Driver.class);
		if (application == null || h2 == null) {
			return fullClassPath;
		}
		return application.equals(h2) ? application : application + java.io.File.pathSeparator + h2;
	}

	private static String codeSource(Class<?> type) {
		try {
			var source = type.getProtectionDomain().getCodeSource();
			if (source == null || !"file".equals(source.getLocation().getProtocol())) {
				return null;
			}
			return Path.of(source.getLocation().toURI()).toString();
		}
		catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
			return null;
		}
	}

	private static Attributes mainAttributes(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			return manifest == null ? null : manifest.getMainAttributes();
		}
		catch (IOException e) {
			return null;
		}
	}

	private static String expand(Path jar, String manifestClassPath) {
		URI base = jar.getParent().toUri();
		List<String> paths = new ArrayList<>();
		for (String entry : manifestClassPath.trim().split("\\s+")) {
			paths.add(Path.of(base.resolve(entry)).toString());
		}
		return String.join(java.io.File.pathSeparator, paths);
	}

}
