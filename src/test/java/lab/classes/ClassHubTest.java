package lab.classes;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import lab.fleet.EventLog;
import lab.fleet.live.FleetViews;
import lab.walkthrough.WalkthroughStore;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.Mockito.mock;

class ClassHubTest {

	@Test
	void aFleetChangeAfterTheHubClosedIsNoError() {
		EventLog events = new EventLog();
		ClassHub hub = new ClassHub(
				new ClassesProperties(Duration.ofHours(2), Duration.ofSeconds(15), 32, 50, 2000, Duration.ofSeconds(1)),
				mock(WalkthroughStore.class), mock(FleetViews.class), events, JsonMapper.builder().build());
		// the site stops before its demo processes have all exited, and each exit is a
		// change
		hub.close();
		assertThatNoException().isThrownBy(() -> events.add("microservices", "event.exited", false, "posts-1"));
	}

}
