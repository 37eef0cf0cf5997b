package lab.chassis.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * When a failed call may be tried again: the retries setting, idempotency and the budget.
 */
class AttemptsTest {

	private static final long MS = 1_000_000;

	@Test
	void withoutADeadlineAnIdempotentCallIsTriedOncePlusItsRetries() {
		Attempts attempts = new Attempts(2, true, null);
		assertThat(attempts.most()).isEqualTo(3);
		assertThat(attempts.allows(1, 0)).isTrue();
		assertThat(attempts.allows(2, 0)).isTrue();
		assertThat(attempts.allows(3, Long.MAX_VALUE / 2)).isTrue();
		assertThat(attempts.allows(4, 0)).isFalse();
		assertThat(attempts.spent(Long.MAX_VALUE / 2)).isFalse();
	}

	@Test
	void aCallThatIsNotSafeToRepeatIsTriedOnce() {
		Attempts attempts = new Attempts(3, false, null);
		assertThat(attempts.most()).isEqualTo(1);
		assertThat(attempts.allows(1, 0)).isTrue();
		assertThat(attempts.allows(2, 0)).isFalse();
	}

	@Test
	void noAttemptStartsOnceTheBudgetIsSpent() {
		Attempts attempts = new Attempts(3, true, Deadline.after(Duration.ofMillis(1200), 0));
		assertThat(attempts.allows(1, 0)).isTrue();
		assertThat(attempts.allows(2, 1199 * MS)).isTrue();
		assertThat(attempts.allows(2, 1200 * MS)).isFalse();
		assertThat(attempts.allows(1, 1300 * MS)).isFalse();
		assertThat(attempts.spent(1300 * MS)).isTrue();
	}

	@Test
	void retriesOutsideZeroToThreeAreABug() {
		assertThatThrownBy(() -> new Attempts(-1, true, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Attempts(4, true, null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Attempts(0, true, null).allows(2, 0)).isFalse();
	}

}
