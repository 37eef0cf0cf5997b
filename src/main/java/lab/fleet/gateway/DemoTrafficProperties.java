package lab.fleet.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulkheads of the demo's traffic ({@code lab.fleet.demo-traffic.*}): how many
 * storefront calls and how many service-to-service calls through {@code /lb} may be under
 * way, and how many more may wait, before further ones are refused at once with 503.
 *
 * @param store the storefront's calls ({@code /api/store/**})
 * @param lb the services' calls to each other ({@code /lb/**})
 */
@ConfigurationProperties("lab.fleet.demo-traffic")
@Validated
public record DemoTrafficProperties(@DefaultValue @Valid Limits store, @DefaultValue @Valid Limits lb) {

	/**
	 * @param threads calls under way at once, each on a thread of the bulkhead, never on
	 * Tomcat's
	 * @param queue calls that may wait for one of those threads
	 */
	public record Limits(@DefaultValue("64") @Min(1) @Max(1000) int threads,
			@DefaultValue("1000") @Min(0) @Max(100_000) int queue) {
	}

}
