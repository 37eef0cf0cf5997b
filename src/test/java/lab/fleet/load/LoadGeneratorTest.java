package lab.fleet.load;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lab.fleet.EventLog;
import lab.fleet.Feature;
import lab.fleet.Topology;
import lab.fleet.gateway.Gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The load generator's figures, against a gateway that stands for a system under test
 * which does not answer until told, then fails.
 */
class LoadGeneratorTest {

	private final Gateway gateway = mock(Gateway.class);

	private final EventLog events = new EventLog();

	private final CountDownLatch answer = new CountDownLatch(1);

	private final LoadGenerator load = new LoadGenerator(this.gateway, this.events);

	LoadGeneratorTest() {
		given(this.gateway.call(any(), any(), anyString(), anyString(), any())).willAnswer(call -> {
			this.answer.await();
			return new Gateway.Answer(503, null, null, null, 0);
		});
	}

	@AfterEach
	void close() {
		this.answer.countDown();
		this.load.close();
	}

	private LoadView run() {
		return this.load.views().get(0);
	}

	@Test
	void requestsItCouldNotSendAreCountedApartFromFailuresOfTheSystem() {
		this.load.start(Topology.MICROSERVICES, Feature.FEED, LoadGenerator.MAX_RPS, LoadGenerator.MAX_SECONDS);
		// every sender waits for an answer: what falls due now cannot be sent
		await().untilAsserted(() -> {
			assertThat(run().sent()).isEqualTo(LoadGenerator.MAX_IN_FLIGHT);
			assertThat(run().dropped()).isPositive();
		});
		this.load.stopAll();
		long dropped = run().dropped();
		assertThat(run().failed()).isZero();
		assertThat(run().running()).isFalse();
		this.answer.countDown();
		// the system answers every request that was sent with a failure: only those count
		// as failed
		await().untilAsserted(() -> assertThat(run().failed()).isEqualTo(LoadGenerator.MAX_IN_FLIGHT));
		assertThat(run().dropped()).isEqualTo(dropped);
		assertThat(run().sent()).isEqualTo(LoadGenerator.MAX_IN_FLIGHT);
		assertThat(this.events.recent(10)).extracting(EventLog.FleetEvent::key).contains("event.loadDoneDropped");
	}

	@Test
	void aRunWhoseRequestsAllGoOutDropsNothing() {
		this.answer.countDown();
		this.load.start(Topology.MONOLITH, Feature.USERS, 20, 1);
		await().untilAsserted(() -> assertThat(run().running()).isFalse());
		assertThat(run().dropped()).isZero();
		assertThat(run().sent()).isPositive();
		await().untilAsserted(() -> assertThat(run().failed()).isEqualTo(run().sent()));
		assertThat(this.events.recent(10)).extracting(EventLog.FleetEvent::key).contains("event.loadDone");
	}

}
