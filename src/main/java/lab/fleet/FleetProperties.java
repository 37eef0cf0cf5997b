package lab.fleet;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the demo fleet ({@code lab.fleet.*} in application.yml).
 *
 * @param autostart start the default fleet with the site
 * @param dataDir the root of the fleet's data (its services' databases and its processes'
 * logs); the default is {@code $XDG_STATE_HOME/microservices-lab}, else
 * {@code ~/.local/state/microservices-lab}. Made private to the user (0700); each running
 * copy of the site takes its own slot under it
 * @param readyTimeout how long a new process may take to report ready before it counts as
 * failed
 * @param callTimeout the gateway's timeout on each call to a service while resilience is
 * on
 * @param peerTimeout the services' timeout on calls to each other while resilience is on
 * @param autoRestart restart an instance that exits without being asked to
 * @param resilience timeouts, circuit breakers and fallbacks on (off shows a cascading
 * failure)
 * @param maxInstances the most instances the whole fleet may have, scaling included (each
 * is a JVM of about 75 MB); the default fleet has 5; a rolling deploy adds one more for a
 * moment
 */
@ConfigurationProperties("lab.fleet")
@Validated
public record FleetProperties(@DefaultValue("true") boolean autostart, Path dataDir,
		@DefaultValue("10s") @NotNull Duration readyTimeout, @DefaultValue("1200ms") @NotNull Duration callTimeout,
		@DefaultValue("400ms") @NotNull Duration peerTimeout, @DefaultValue("false") boolean autoRestart,
		@DefaultValue("true") boolean resilience,
		@DefaultValue("" + FleetProperties.DEFAULT_MAX_INSTANCES) @Min(5) @Max(25) int maxInstances) {

	/**
	 * How long a call may take when resilience is off: long enough to pile up, as in real
	 * life.
	 */
	public static final Duration PATIENT = Duration.ofSeconds(12);

	public static final int DEFAULT_MAX_INSTANCES = 12;

}
