package lab.fleet.live;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import lab.fleet.EventLog;
import lab.fleet.FleetProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The live stream's promise that no client holds up the others, with emitters that stand
 * for a browser: one that takes every view at once, one whose connection never drains.
 */
class FleetStreamTest {

	private static final int QUEUE = 3;

	private final EventLog events = new EventLog();

	private final FleetViews views = mock(FleetViews.class);

	private final CountDownLatch stuck = new CountDownLatch(1);

	private FleetStream stream;

	FleetStreamTest() {
		given(this.views.view(any()))
			.willReturn(new FleetView(List.of(), new FleetView.SettingsView(true, true), 0, 0, List.of(), List.of()));
		this.stream = new FleetStream(this.views, this.events, new LiveProperties(100, 1, QUEUE));
	}

	@AfterEach
	void close() {
		this.stuck.countDown();
		this.stream.close();
	}

	/** A browser's end of the stream: counts what it was sent, or never takes it. */
	static final class Browser extends SseEmitter {

		final AtomicInteger received = new AtomicInteger();

		final AtomicBoolean completed = new AtomicBoolean();

		private final CountDownLatch blocked;

		Browser(CountDownLatch blocked) {
			this.blocked = blocked;
		}

		@Override
		public void send(SseEventBuilder builder) throws IOException {
			if (this.blocked != null) {
				try {
					this.blocked.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
			this.received.incrementAndGet();
		}

		@Override
		public void complete() {
			this.completed.set(true);
		}

	}

	@Test
	void aClientThatFallsAWholeQueueBehindIsDroppedWhileTheOthersKeepGettingEveryView() {
		Browser slow = (Browser) this.stream.open(new Browser(this.stuck), Locale.ENGLISH, "192.0.2.1");
		Browser fast = (Browser) this.stream.open(new Browser(null), Locale.ENGLISH, "192.0.2.2");
		// every change is pushed to both: the slow one's queue fills behind its first,
		// stuck view
		await().untilAsserted(() -> {
			this.events.changed();
			assertThat(slow.completed).isTrue();
		});
		assertThat(slow.received).hasValue(0);
		// the first view, then every push that filled the slow one's queue and the one
		// that overflowed it: all written to the fast one though the slow one never took
		// one
		await().untilAsserted(() -> assertThat(fast.received.get()).isGreaterThanOrEqualTo(QUEUE + 2));
		int before = fast.received.get();
		await().untilAsserted(() -> {
			this.events.changed();
			assertThat(fast.received.get()).isGreaterThan(before + 2);
		});
		assertThat(fast.completed).isFalse();
	}

	@Test
	void aDroppedClientGivesBackItsPlaceSoItsBrowserCanReconnect() {
		Browser slow = (Browser) this.stream.open(new Browser(this.stuck), Locale.ENGLISH, "192.0.2.1");
		assertThatExceptionOfType(FleetProblem.class)
			.isThrownBy(() -> this.stream.open(new Browser(null), Locale.ENGLISH, "192.0.2.1"));
		await().untilAsserted(() -> {
			this.events.changed();
			assertThat(slow.completed).isTrue();
		});
		Browser again = (Browser) this.stream.open(new Browser(null), Locale.ENGLISH, "192.0.2.1");
		await().untilAsserted(() -> assertThat(again.received.get()).isPositive());
	}

	@Test
	void aChangeAfterTheStreamClosedIsNoError() {
		// the site stops before its demo processes have all exited, and each exit is a
		// change
		this.stream.close();
		assertThatNoException().isThrownBy(() -> this.events.add("microservices", "event.exited", false, "posts-1"));
	}

}
