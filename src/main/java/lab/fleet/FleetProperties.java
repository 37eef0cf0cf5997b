package lab.fleet;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the demo fleet ({@code lab.fleet.*} in application.yml).
 *
 * @param autostart start the default fleet with the site
 * @param dataDir where each service keeps its database; the default is a folder under the system's
 * temporary directory, so a run leaves nothing in the checkout
 * @param readyTimeout how long a new process may take to report ready before it counts as failed
 * @param callTimeout the gateway's timeout on each call to a service while resilience is on
 * @param peerTimeout the services' timeout on calls to each other while resilience is on
 * @param autoRestart restart an instance that exits without being asked to
 * @param resilience timeouts, circuit breakers and fallbacks on (off shows a cascading failure)
 */
@ConfigurationProperties("lab.fleet")
@Validated
public record FleetProperties(@DefaultValue("true") boolean autostart, Path dataDir,
		@DefaultValue("10s") @NotNull Duration readyTimeout, @DefaultValue("1200ms") @NotNull Duration callTimeout,
		@DefaultValue("400ms") @NotNull Duration peerTimeout, @DefaultValue("false") boolean autoRestart,
		@DefaultValue("true") boolean resilience) {

	/** How long a call may take when resilience is off: long enough to pile up, as in real life. */
	public static final Duration PATIENT = Duration.ofSeconds(12);

	public Path dataDirOrDefault() {
		return (this.dataDir != null) ? this.dataDir
				: Path.of(System.getProperty("java.io.tmpdir"), "microservices-lab", "data");
	}

}
