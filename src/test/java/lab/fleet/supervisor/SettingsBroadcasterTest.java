package lab.fleet.supervisor;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import lab.fleet.EventLog;
import lab.fleet.FleetProperties;
import lab.fleet.ServiceId;
import lab.fleet.Topology;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsBroadcasterTest {

	private final FakeControl control = new FakeControl(new FakeProcessBackend());

	private final EventLog events = new EventLog();

	private final FleetProperties properties = new FleetProperties(true, null, Duration.ofSeconds(5),
			Duration.ofMillis(1200), Duration.ofMillis(400), false, true, 12);

	private final SettingsBroadcaster settings = new SettingsBroadcaster(this.control, this.events, this.properties);

	private final Instance users = new Instance(new ServiceId(Topology.MICROSERVICES, "users"), 1, "v1");

	@Test
	void aNewInstanceStartsWithTheSwitchAsItIs() {
		this.settings.setResilience(false, List.of());
		assertThat(this.settings.launchResilience(this.users)).isFalse();
		assertThat(this.users.launchedResilient).isFalse();
		this.settings.ready(this.users);
		assertThat(this.control.sent()).isEmpty();
	}

	@Test
	void anInstanceThatBecomesReadyAfterTheSwitchMovedIsToldItAgain() {
		assertThat(this.settings.launchResilience(this.users)).isTrue();
		this.settings.setResilience(false, List.of());
		this.settings.ready(this.users);
		assertThat(this.control.sent()).containsExactly("users-1 settings 12000 false");
		assertThat(this.users.launchedResilient).isFalse();
	}

	@Test
	void chaosIsSentRememberedAndLogged() {
		Instance.Chaos chaos = new Instance.Chaos(300, 0.5, 0.25, 0, 0);
		this.settings.chaos(this.users, chaos);
		assertThat(this.control.sent()).containsExactly("users-1 chaos 300 0.5 0.25");
		assertThat(this.users.chaos()).isEqualTo(chaos);
		assertThat(this.events.recent(10)).extracting(EventLog.FleetEvent::key).containsExactly("event.chaos.faults");
	}

}
