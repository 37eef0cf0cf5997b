package lab.chassis.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import lab.business.shared.Failure;

/** The deadline budget's arithmetic, on a clock the test moves by hand. */
class DeadlineTest {

	private static final long MS = 1_000_000;

	@Test
	void aBudgetIsSpentWhenItsTimeHasPassed() {
		Deadline deadline = Deadline.after(Duration.ofMillis(1200), 0);
		assertThat(deadline.spent(0)).isFalse();
		assertThat(deadline.remainingMillis(200 * MS)).isEqualTo(1000);
		assertThat(deadline.header(200 * MS)).isEqualTo("1000");
		assertThat(deadline.spent(1199 * MS)).isFalse();
		assertThat(deadline.spent(1200 * MS)).isTrue();
		assertThat(deadline.remainingMillis(1500 * MS)).isZero();
		assertThat(deadline.header(1500 * MS)).isEqualTo("0");
	}

	@Test
	void aCallGetsItsOwnTimeoutOrWhatIsLeftWhicheverIsShorter() {
		Deadline deadline = Deadline.after(Duration.ofMillis(1200), 0);
		assertThat(deadline.cap(Duration.ofMillis(400), 0)).isEqualTo(Duration.ofMillis(400));
		assertThat(deadline.cap(Duration.ofMillis(400), 1000 * MS)).isEqualTo(Duration.ofMillis(200));
		assertThat(deadline.cap(Duration.ofSeconds(12), 0)).isEqualTo(Duration.ofMillis(1200));
		// a spent budget still gives a valid (tiny) timeout: the caller checks spent()
		// first
		assertThat(deadline.cap(Duration.ofMillis(400), 5000 * MS)).isPositive();
	}

	@Test
	void theHeaderIsReadOnTheReceiversClock() {
		assertThat(Deadline.fromHeader(null, 0)).isEmpty();
		Deadline received = Deadline.fromHeader(" 300 ", 50 * MS).orElseThrow();
		assertThat(received.remainingMillis(50 * MS)).isEqualTo(300);
		assertThat(received.spent(349 * MS)).isFalse();
		assertThat(received.spent(350 * MS)).isTrue();
		assertThat(Deadline.fromHeader("0", 0).orElseThrow().spent(0)).isTrue();
		assertThat(Deadline.fromHeader("-40", 0).orElseThrow().spent(0)).isTrue();
		assertThat(Deadline.fromHeader("99999999999", 0).orElseThrow().remainingMillis(0))
			.isEqualTo(Deadline.MAX_MILLIS);
	}

	@Test
	void aHeaderThatIsNotAWholeNumberIsRefused() {
		for (String bad : new String[] { "", "soon", "1.5", "12ms", "9".repeat(40) }) {
			assertThatThrownBy(() -> Deadline.fromHeader(bad, 0)).as(bad).isInstanceOfSatisfying(Failure.class, f -> {
				assertThat(f.code()).isEqualTo("request.deadline.invalid");
				assertThat(f.kind()).isEqualTo(Failure.Kind.INVALID);
			});
		}
	}

	@Test
	void aRequestIsServedUnderItsDeadlineAndTheThreadForgetsItAfterwards() {
		Deadline deadline = Deadline.after(Duration.ofSeconds(1), System.nanoTime());
		assertThat(Deadline.current()).isNull();
		assertThat(Deadline.under(deadline, Deadline::current)).isSameAs(deadline);
		assertThat(Deadline.current()).isNull();
		assertThatThrownBy(() -> Deadline.under(deadline, () -> {
			throw Failure.peerUnavailable("down");
		})).isInstanceOf(Failure.class);
		assertThat(Deadline.current()).isNull();
	}

}
