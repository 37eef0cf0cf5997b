package lab.content;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the site reads its lessons and message bundles: from the working tree when it
 * runs from compiled classes in the project (so an edited lesson shows on reload),
 * otherwise from the jar.
 */
public final class SourceTree {

	private static final boolean FROM_SOURCE = detect();

	private SourceTree() {
	}

	/**
	 * True when running from a project checkout with {@code content/} and {@code i18n/}
	 * beside it.
	 */
	public static boolean active() {
		return FROM_SOURCE;
	}

	/**
	 * A Spring resource location prefix for a top-level folder such as {@code content}.
	 */
	public static String location(String folder) {
		return FROM_SOURCE ? "file:" + Path.of(folder).toAbsolutePath() + "/" : "classpath:" + folder + "/";
	}

	private static boolean detect() {
		if (Boolean.getBoolean("lab.fromJar")) {
			return false;
		}
		CodeSource source = SourceTree.class.getProtectionDomain().getCodeSource();
		URL url = (source != null) ? source.getLocation() : null;
		boolean classesFolder = url != null && "file".equals(url.getProtocol()) && !url.getPath().endsWith(".jar");
		return classesFolder && Files.isDirectory(Path.of("content")) && Files.isDirectory(Path.of("i18n"));
	}

}
