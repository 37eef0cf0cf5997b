package lab.classroom;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lab.allowed-hosts} (or {@code LAB_ALLOWED_HOSTS}, comma-separated): host names
 * the site answers to besides loopback and, when it listens beyond loopback, its own
 * names and addresses; for a DNS name or a port forward in front of it.
 */
@ConfigurationProperties("lab")
@Validated
public record HostsProperties(@DefaultValue @NotNull List<String> allowedHosts) {
}
