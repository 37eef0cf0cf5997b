package lab.fleet.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTrafficTest {

	@Test
	void callsRunOnTheBulkheadsOwnThreadsAndAFullOneRefusesAtOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (DemoTraffic traffic = new DemoTraffic("test", new DemoTrafficProperties.Limits(1, 1))) {
			CompletableFuture<String> running = traffic.run(() -> {
				await(release);
				return Thread.currentThread().getName();
			}, () -> "refused");
			CompletableFuture<String> waiting = traffic.run(() -> "second", () -> "refused");
			CompletableFuture<String> third = traffic.run(() -> "third", () -> "refused");

			assertThat(third).isCompletedWithValue("refused");
			assertThat(running).isNotDone();
			assertThat(waiting).isNotDone();
			assertThat(traffic.waiting()).isEqualTo(1);

			release.countDown();
			assertThat(running.get()).startsWith("test-");
			assertThat(waiting.get()).isEqualTo("second");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
