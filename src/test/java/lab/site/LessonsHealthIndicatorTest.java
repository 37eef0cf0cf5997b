package lab.site;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import lab.content.ContentStore.Rendering;

import static org.assertj.core.api.Assertions.assertThat;

class LessonsHealthIndicatorTest {

	@Test
	void notReadyWhileRenderingReadyWhenDoneDownForGoodWhenFailed() {
		assertThat(new LessonsHealthIndicator(() -> Rendering.RUNNING).health().getStatus())
			.isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(new LessonsHealthIndicator(() -> Rendering.DONE).health().getStatus()).isEqualTo(Status.UP);
		assertThat(new LessonsHealthIndicator(() -> Rendering.FAILED).health().getStatus()).isEqualTo(Status.DOWN);
	}

}
