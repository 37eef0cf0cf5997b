package lab.fleet.live;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import lab.fleet.EventLog;
import lab.fleet.gateway.Gateway;
import lab.fleet.load.LoadGenerator;
import lab.fleet.supervisor.Fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class FleetViewsTest {

	private final FleetViews views;

	FleetViewsTest() {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("file:i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.views = new FleetViews(mock(Fleet.class), mock(Gateway.class), new EventLog(), mock(LoadGenerator.class),
				messages);
	}

	private static EventLog.FleetEvent failed(String reason) {
		return new EventLog.FleetEvent(1, 0, "microservices", "event.failed", List.of("users-1", reason), true, null);
	}

	@Test
	void theReasonAStartFailedIsSaidInTheViewersLanguage() {
		assertThat(this.views.event(failed("reason.notReadyInTime"), Locale.forLanguageTag("fa")))
			.isEqualTo("users-1 راه‌اندازی نشد: به‌موقع آماده نشد");
		assertThat(this.views.event(failed("reason.notReadyInTime"), Locale.ENGLISH))
			.isEqualTo("users-1 could not start: not ready in time");
	}

	@Test
	void everyReasonTheFleetGivesHasItsTextInBothLanguages() {
		for (String reason : List.of("reason.instanceCap", "reason.launchFailed", "reason.interrupted",
				"reason.notReadyInTime", "reason.exitedBeforeReady", "reason.copyFailed", "reason.writesBusy")) {
			for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("fa"))) {
				assertThat(this.views.event(failed(reason), locale)).as(reason + " in " + locale)
					.doesNotContain("reason.");
			}
		}
	}

}
