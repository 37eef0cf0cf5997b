package lab.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * Versions of the web jars the pages load, read from the jars themselves, so that their
 * URLs carry the version (and may be cached for a year) without a version written twice.
 */
@Component("assets")
public class Assets {

	private final String bootstrap = version("org.webjars", "bootstrap");

	public String bootstrap() {
		return this.bootstrap;
	}

	static String version(String group, String artifact) {
		String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
		try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("web jar missing from the classpath: " + artifact);
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
