package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lab.business.shared.Failure;
import lab.chassis.http.Json;
import lab.chassis.remote.Resilience;

class ResilienceSettingsTest {

	@Test
	void startsWithTheLaunchValues() {
		Resilience resilience = new Resilience(400, false);
		assertThat(resilience.values()).isEqualTo(new Resilience.Values(400, false, 0));
		assertThat(resilience.peerTimeout()).isEqualTo(Duration.ofMillis(400));
		assertThat(resilience.enabled()).isFalse();
		assertThat(resilience.values().toJson()).containsEntry("peerTimeoutMs", 400L).containsEntry("fallbacks", false);
	}

	@Test
	void anUpdateChangesOnlyTheFieldsItNames() {
		Resilience resilience = new Resilience(400, true);
		assertThat(resilience.update(Json.object("fallbacks", false))).isEqualTo(new Resilience.Values(400, false, 0));
		assertThat(resilience.update(Json.object("peerTimeoutMs", 10_000L)))
			.isEqualTo(new Resilience.Values(10_000, false, 0));
		assertThat(resilience.update(Map.of())).isEqualTo(new Resilience.Values(10_000, false, 0));
		assertThat(resilience.update(Json.object("peerTimeoutMs", 1L, "fallbacks", true, "other", "ignored")))
			.isEqualTo(new Resilience.Values(1, true, 0));
		assertThat(resilience.update(Json.object("peerTimeoutMs", 60_000L)).peerTimeoutMs()).isEqualTo(60_000);
		assertThat(resilience.peerTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThat(resilience.enabled()).isTrue();
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		Resilience resilience = new Resilience(400, true);
		for (Object bad : new Object[] { 0L, -5L, 60_001L, 1.5, "400", true, null }) {
			Map<String, Object> change = new HashMap<>();
			change.put("peerTimeoutMs", bad);
			change.put("fallbacks", false);
			assertCode(change, "settings.peerTimeoutMs.range");
		}
		for (Object bad : new Object[] { "false", 0L, 1L, "yes", null }) {
			Map<String, Object> change = new HashMap<>();
			change.put("peerTimeoutMs", 800L);
			change.put("fallbacks", bad);
			assertCode(change, "settings.fallbacks.type");
		}
		assertThat(resilience.values()).isEqualTo(new Resilience.Values(400, true, 0));
	}

	@Test
	void retriesStartAtNoneAndTakeZeroToThree() {
		Resilience resilience = new Resilience(400, true);
		assertThat(resilience.retries()).isZero();
		assertThat(resilience.update(Json.object("retries", 2L))).isEqualTo(new Resilience.Values(400, true, 2));
		assertThat(resilience.values().toJson()).containsEntry("retries", 2);
		assertThat(resilience.update(Json.object("fallbacks", false)).retries()).isEqualTo(2);
		assertThat(resilience.update(Json.object("retries", 3L)).retries()).isEqualTo(3);
		assertThat(resilience.update(Json.object("retries", 0L)).retries()).isZero();
		for (Object bad : new Object[] { -1L, 4L, 1.5, "2", true, null }) {
			Map<String, Object> change = new HashMap<>();
			change.put("retries", bad);
			change.put("peerTimeoutMs", 800L);
			assertCode(change, "settings.retries.range");
		}
	}

	@Test
	void theLaunchValueIsCheckedToo() {
		assertThatThrownBy(() -> new Resilience(0, true)).isInstanceOf(Failure.class);
	}

	private static void assertCode(Map<String, Object> change, String code) {
		Resilience resilience = new Resilience(400, true);
		assertThatThrownBy(() -> resilience.update(change)).as(String.valueOf(change))
			.isInstanceOfSatisfying(Failure.class, f -> {
				assertThat(f.code()).isEqualTo(code);
				assertThat(f.kind()).isEqualTo(Failure.Kind.INVALID);
			});
		assertThat(resilience.values()).isEqualTo(new Resilience.Values(400, true, 0));
	}

}
