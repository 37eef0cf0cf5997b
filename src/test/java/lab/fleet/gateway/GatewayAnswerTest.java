package lab.fleet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lab.fleet.Feature;

/** Which answers the gateway tries again, and which calls are safe to repeat. */
class GatewayAnswerTest {

	@Test
	void aFailureOfTheServiceIsWorthAnotherAttempt() {
		assertThat(new Gateway.Answer(503, null, "store.tip.unavailable", "payments-1").worthRetrying()).isTrue();
		assertThat(new Gateway.Answer(503, null, "store.tip.unavailable", null).worthRetrying()).isTrue();
		assertThat(new Gateway.Answer(504, null, null, null).worthRetrying()).isTrue();
		assertThat(new Gateway.Answer(502, null, null, null).worthRetrying()).isTrue();
	}

	@Test
	void anAnswerOrARefusalTheGatewayChoseIsNot() {
		assertThat(new Gateway.Answer(201, null, null, "payments-1").worthRetrying()).isFalse();
		assertThat(new Gateway.Answer(409, null, null, "payments-1").worthRetrying()).isFalse();
		assertThat(new Gateway.Answer(503, null, Gateway.WRITES_PAUSED, null).worthRetrying()).isFalse();
		assertThat(new Gateway.Answer(503, null, "store.tip.unavailable", null, 0, 1, true).worthRetrying()).isFalse();
	}

	@Test
	void readsAndTipsAreSafeToRepeatNewPostsAndRepliesAreNot() {
		assertThat(Feature.FEED.idempotent("GET")).isTrue();
		assertThat(Feature.REPLY.idempotent("GET")).isTrue();
		assertThat(Feature.TIP.idempotent("POST")).isTrue();
		assertThat(Feature.POST.idempotent("POST")).isFalse();
		assertThat(Feature.REPLY.idempotent("POST")).isFalse();
	}

}
