package lab.site;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import lab.content.ContentStore;

/**
 * The site is ready for readers only once its lessons are rendered: out of service while
 * they render, down for good when rendering failed (application.yml puts it in the
 * readiness group, served at {@code /health/ready}).
 */
@Component
class LessonsHealthIndicator implements HealthIndicator {

	private final Supplier<ContentStore.Rendering> rendering;

	@Autowired
	LessonsHealthIndicator(ContentStore content) {
		this(content::rendering);
	}

	LessonsHealthIndicator(Supplier<ContentStore.Rendering> rendering) {
		this.rendering = rendering;
	}

	@Override
	public Health health() {
		return switch (this.rendering.get()) {
			case DONE -> Health.up().build();
			case RUNNING -> Health.outOfService().build();
			case FAILED -> Health.down().build();
		};
	}

}
