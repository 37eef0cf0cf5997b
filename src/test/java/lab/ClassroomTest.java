package lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole site in classroom mode, with its real demo fleet, on a random loopback port:
 * only the instructor (password {@link #PASSWORD}) operates the demos. One shared context
 * for every test class with this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "lab.classroom.enabled=true",
				"lab.classroom.password=" + ClassroomTest.PASSWORD, "lab.fleet.autostart=true",
				"lab.fleet.data-dir=target/it-classroom-data" })
public @interface ClassroomTest {

	String PASSWORD = "teach-me-microservices";

}
