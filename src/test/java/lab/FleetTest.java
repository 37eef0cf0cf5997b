package lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole site with its real demo fleet (child processes) on a random port. Every test
 * class with this annotation shares one context, so the fleet starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "lab.fleet.autostart=true",
				"lab.fleet.data-dir=target/it-fleet-data",
				// room for the tests' scaling (posts to 3) and a rolling deploy, and a
				// cap a test can meet cheaply
				"lab.fleet.max-instances=8",
				// a loaded CI machine can take far longer than a person's 10 s to start
				// five JVMs at once
				"lab.fleet.ready-timeout=60s" })
public @interface FleetTest {

}
