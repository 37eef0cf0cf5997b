package lab.classroom;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Classroom mode ({@code lab.classroom.*}, or {@code LAB_CLASSROOM_ENABLED},
 * {@code LAB_CLASSROOM_PASSWORD}).
 *
 * @param enabled true or false; unset means "on when the site listens beyond loopback"
 * @param password the instructor's password; unset means one is generated and printed
 * once at start-up. Only its hash is kept.
 * @param loginFailuresPerMinute wrong passwords a client may try per minute before it
 * must wait
 */
@ConfigurationProperties("lab.classroom")
@Validated
public record ClassroomProperties(Boolean enabled, @Size(min = 8, max = 128) String password,
		@DefaultValue("5") @Min(1) @Max(1000) int loginFailuresPerMinute) {
}
