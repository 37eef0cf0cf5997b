package lab.fleet.live;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the live stream ({@code lab.fleet.live.*}).
 *
 * @param maxStreams open streams in all; one more is refused with 429
 * @param maxStreamsPerAddress open streams per client address (loopback is not counted:
 * the learner alone on this machine, the tests and the benchmarks)
 * @param queue views a client may fall behind by before it is dropped (its browser
 * reconnects at once and gets the current view)
 */
@ConfigurationProperties("lab.fleet.live")
@Validated
public record LiveProperties(@DefaultValue("1000") @Min(1) @Max(100_000) int maxStreams,
		@DefaultValue("20") @Min(1) @Max(100_000) int maxStreamsPerAddress,
		@DefaultValue("8") @Min(1) @Max(1000) int queue) {
}
