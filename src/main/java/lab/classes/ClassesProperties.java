package lab.classes;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of live classes ({@code lab.classes.*} in application.yml).
 *
 * @param idleTimeout a class nobody has moved for this long ends by itself
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param queueEvents events waiting for one slow client before it is dropped (it
 * reconnects)
 * @param maxClasses classes open at once
 * @param maxFollowers streams open at once, over all classes and walkthroughs
 * @param fleetInterval how often the fleet's figures are pushed when nothing else changed
 */
@ConfigurationProperties("lab.classes")
@Validated
public record ClassesProperties(@DefaultValue("2h") @NotNull Duration idleTimeout,
		@DefaultValue("15s") @NotNull Duration heartbeat, @DefaultValue("32") @Min(4) @Max(1024) int queueEvents,
		@DefaultValue("50") @Min(1) @Max(1000) int maxClasses,
		@DefaultValue("2000") @Min(1) @Max(20000) int maxFollowers,
		@DefaultValue("1s") @NotNull Duration fleetInterval) {
}
