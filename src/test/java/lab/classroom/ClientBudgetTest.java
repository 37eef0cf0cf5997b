package lab.classroom;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token bucket behind the storefront and sign-in budgets, on a clock the test turns.
 */
class ClientBudgetTest {

	private final AtomicLong now = new AtomicLong();

	private final ClientBudget budget = new ClientBudget(60, 3, this.now::get);

	@Test
	void aBurstIsAllowedThenTheClientWaits() {
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isFalse();
		assertThat(this.budget.exhausted("a")).isTrue();
		assertThat(this.budget.secondsToWait("a")).isEqualTo(1);
	}

	@Test
	void theBudgetRefillsWithTimeUpToTheBurst() {
		for (int i = 0; i < 3; i++) {
			this.budget.take("a");
		}
		this.now.addAndGet(1_000_000_000L);
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isFalse();
		this.now.addAndGet(3_600_000_000_000L);
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isTrue();
		assertThat(this.budget.take("a")).isFalse();
	}

	@Test
	void eachClientHasItsOwnBudget() {
		for (int i = 0; i < 3; i++) {
			this.budget.take("a");
		}
		assertThat(this.budget.take("a")).isFalse();
		assertThat(this.budget.take("b")).isTrue();
		assertThat(this.budget.exhausted("c")).isFalse();
	}

	@Test
	void theNumberOfClientsKeptIsBounded() {
		for (int i = 0; i < ClientBudget.MAX_CLIENTS + 10; i++) {
			this.budget.take("client-" + i);
		}
		for (int i = 0; i < 3; i++) {
			this.budget.take("client-0");
		}
		// the oldest clients were forgotten, so client-0 started afresh and spent its
		// burst again
		assertThat(this.budget.take("client-0")).isFalse();
		assertThat(this.budget.size()).isLessThanOrEqualTo(ClientBudget.MAX_CLIENTS);
	}

}
