package lab;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.util.ClassUtils;

import lab.chassis.ServiceMain;
import lab.system.SiteArchive;

/**
 * One jar, many roles. {@code --role=site} (the default) starts the Spring web site; any
 * other role ({@code users}, {@code posts}, {@code threads}, {@code payments},
 * {@code monolith}) starts a small demo process on the plain JDK, without Spring, so that
 * it is up in well under a second and stays small in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MicroservicesLabApplication {

	private static final String AOT_ENABLED = "spring.aot.enabled";

	public static void main(String[] args) throws Exception {
		String role = roleOf(args);
		if ("archive".equals(role)) {
			System.exit(SiteArchive.run(args));
		}
		if (!"site".equals(role)) {
			ServiceMain.main(args);
			return;
		}
		useAheadOfTimeBeans();
		SpringApplication.run(MicroservicesLabApplication.class, args);
	}

	/**
	 * The packaged jar carries the bean definitions that Spring's AOT engine generated at
	 * build time ({@code process-aot}): with them the site skips parsing its
	 * configuration classes and evaluating the auto-configuration's conditions at every
	 * start. Used only from a jar, whose classes are the ones the generated code was made
	 * from (a {@code target/classes} folder may hold generated classes older than the
	 * code), and never against an explicit {@code -Dspring.aot.enabled}.
	 */
	static void useAheadOfTimeBeans() {
		if (System.getProperty(AOT_ENABLED) == null && packaged()
				&& ClassUtils.isPresent(MicroservicesLabApplication.class.getName() + "__ApplicationContextInitializer",
						MicroservicesLabApplication.class.getClassLoader())) {
			System.setProperty(AOT_ENABLED, "true");
		}
	}

	private static boolean packaged() {
		CodeSource source = MicroservicesLabApplication.class.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			return false;
		}
		try {
			URI location = source.getLocation().toURI();
			return !"file".equals(location.getScheme()) || !Files.isDirectory(Path.of(location));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

	static String roleOf(String[] args) {
		return Arrays.stream(args)
			.filter(a -> a.startsWith("--role="))
			.map(a -> a.substring("--role=".length()))
			.reduce((first, last) -> last)
			.orElse("site");
	}

}
