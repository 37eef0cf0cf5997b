package lab.classroom;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What every client gets, classroom mode or not ({@code lab.limits.*}).
 *
 * @param storeWritesPerMinute storefront writes ({@code POST /api/store/**}) per client
 * address and minute, in bursts of up to a quarter of that
 * @param loopbackExempt whether clients on this machine (the learner alone, the
 * benchmarks) are free of the storefront budget
 * @param maxBody the largest request body the site reads
 */
@ConfigurationProperties("lab.limits")
@Validated
public record LimitsProperties(@DefaultValue("120") @Min(1) @Max(100000) int storeWritesPerMinute,
		@DefaultValue("true") boolean loopbackExempt, @DefaultValue("64KB") @NotNull DataSize maxBody) {
}
