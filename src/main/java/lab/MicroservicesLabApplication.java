package lab;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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

	public static void main(String[] args) throws Exception {
		String role = roleOf(args);
		if ("archive".equals(role)) {
			System.exit(SiteArchive.run(args));
		}
		if (!"site".equals(role)) {
			ServiceMain.main(args);
			return;
		}
		SpringApplication.run(MicroservicesLabApplication.class, args);
	}

	static String roleOf(String[] args) {
		return Arrays.stream(args)
			.filter(a -> a.startsWith("--role="))
			.map(a -> a.substring("--role=".length()))
			.reduce((first, last) -> last)
			.orElse("site");
	}

}
