package lab.site;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.view.RedirectView;

import lab.fleet.Feature;
import lab.fleet.FleetProblem;
import lab.fleet.ServiceId;
import lab.fleet.Topology;
import lab.fleet.live.FleetViews;
import lab.fleet.load.LoadGenerator;
import lab.fleet.supervisor.Fleet;
import lab.fleet.supervisor.Instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The control room's forms: each action reaches the fleet, and a bad value goes back to
 * the control room with its refusal in the page's language, never an error page.
 */
class DemoFormControllerTest {

	private final Fleet fleet = mock(Fleet.class);

	private final LoadGenerator load = mock(LoadGenerator.class);

	private final MockMvcTester mvc;

	DemoFormControllerTest() {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("file:i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		// the control room's view is not rendered here: its model is what is checked
		this.mvc = MockMvcTester.create(MockMvcBuilders
			.standaloneSetup(new DemoFormController(this.fleet, this.load),
					new FleetPageController(mock(FleetViews.class), messages))
			.setViewResolvers((name, locale) -> name.startsWith("redirect:") ? new RedirectView(name.substring(9))
					: (model, request, response) -> {
					})
			.build());
		Instance users = mock(Instance.class);
		given(users.chaos()).willReturn(new Instance.Chaos(0, 0, 0, 0, 40));
		given(this.fleet.instance("users-1")).willReturn(users);
	}

	private MvcTestResult post(String path, String... fields) {
		var request = this.mvc.post().uri(path);
		for (int n = 0; n < fields.length; n += 2) {
			request = request.param(fields[n], fields[n + 1]);
		}
		return request.exchange();
	}

	@Test
	void theRetriesAndDeadlineFormsReachTheFleetAndABadValueChangesNothing() {
		assertThat(post("/en/demo/settings", "retries", "2")).hasRedirectedUrl("/en/fleet");
		verify(this.fleet).setRetries(2);
		assertThat(post("/en/demo/settings", "deadline", "true")).hasRedirectedUrl("/en/fleet");
		verify(this.fleet).setDeadline(true);
		assertThat(post("/fa/demo/settings", "retries", "9")).hasStatus3xxRedirection()
			.redirectedUrl()
			.startsWith("/fa/fleet?demoError=fleet.error.retries");
		verify(this.fleet, never()).setRetries(9);
	}

	@Test
	void theCrashFormCrashesTheInstance() {
		assertThat(post("/en/demo/instances/users-1/crash")).hasStatus3xxRedirection().hasRedirectedUrl("/en/fleet");
		verify(this.fleet).crash("users-1");
	}

	@Test
	void theChaosFormSendsWholePercentsAsSharesAndKeepsTheJitter() {
		assertThat(post("/fa/demo/instances/users-1/chaos", "latencyMs", "300", "latencyPercent", "50", "errorPercent",
				"25", "hangPercent", "10"))
			.hasRedirectedUrl("/fa/fleet");
		verify(this.fleet).chaos("users-1", new Instance.Chaos(300, 0.5, 0.25, 0.1, 40));
	}

	@Test
	void theHealButtonTakesTheChaosAway() {
		assertThat(post("/en/demo/instances/users-1/heal")).hasRedirectedUrl("/en/fleet");
		verify(this.fleet).chaos("users-1", Instance.Chaos.NONE);
	}

	@Test
	void aChaosFormWithABadValueIsRefusedForThatField() {
		assertThat(post("/en/demo/instances/users-1/chaos", "latencyMs", "slow", "latencyPercent", "50", "errorPercent",
				"0", "hangPercent", "0"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.latency&demoArg=0&demoArg=10000");
		assertThat(post("/en/demo/instances/users-1/chaos", "latencyMs", "100", "latencyPercent", "150", "errorPercent",
				"0", "hangPercent", "0"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.percent&demoArg=0&demoArg=100");
		assertThat(post("/fa/demo/instances/users-1/chaos", "latencyMs", "100", "latencyPercent", "5", "errorPercent",
				"0"))
			.hasRedirectedUrl("/fa/fleet?demoError=fleet.error.percent&demoArg=0&demoArg=100");
		verify(this.fleet, never()).chaos(anyString(), any());
	}

	@Test
	void theLoadFormStartsALoadRunAndTheStopFormStopsIt() {
		assertThat(post("/en/demo/load", "topology", "microservices", "feature", "tip", "rps", "10", "seconds", "5"))
			.hasRedirectedUrl("/en/fleet");
		verify(this.load).start(Topology.MICROSERVICES, Feature.TIP, 10, 5);
		assertThat(post("/en/demo/load/stop")).hasRedirectedUrl("/en/fleet");
		verify(this.load).stopAll();
	}

	@Test
	void aLoadFormWithABadValueIsRefusedForThatField() {
		assertThat(post("/en/demo/load", "topology", "mainframe", "feature", "tip", "rps", "10", "seconds", "5"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.topology");
		assertThat(post("/en/demo/load", "topology", "monolith", "feature", "everything", "rps", "10", "seconds", "5"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.feature");
		assertThat(post("/en/demo/load", "topology", "monolith", "feature", "feed", "rps", "0", "seconds", "5"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.rps&demoArg=1&demoArg=" + LoadGenerator.MAX_RPS);
		assertThat(post("/en/demo/load", "topology", "monolith", "feature", "feed", "rps", "5", "seconds", "1e3"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.seconds&demoArg=1&demoArg=" + LoadGenerator.MAX_SECONDS);
		verify(this.load, never()).start(any(), any(), anyInt(), anyInt());
	}

	@Test
	void theScaleFormTakesAWholeNumberOfReplicasInRange() {
		ServiceId posts = new ServiceId(Topology.MICROSERVICES, "posts");
		given(this.fleet.service("microservices", "posts")).willReturn(posts);
		assertThat(post("/en/demo/services/microservices/posts/scale", "replicas", "3")).hasRedirectedUrl("/en/fleet");
		verify(this.fleet).scale(posts, 3);
		assertThat(post("/en/demo/services/microservices/posts/scale", "replicas", "9"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.replicas&demoArg=1&demoArg=5");
		assertThat(post("/fa/demo/services/microservices/posts/scale", "replicas", "two"))
			.hasRedirectedUrl("/fa/fleet?demoError=fleet.error.replicas&demoArg=1&demoArg=5");
		verify(this.fleet, never()).scale(posts, 9);
	}

	@Test
	void theSwitchesReadBooleansOneWayAndRefuseAnythingElse() {
		assertThat(post("/en/demo/settings", "resilience", "off")).hasRedirectedUrl("/en/fleet");
		verify(this.fleet).setResilience(false);
		assertThat(post("/en/demo/settings", "autoRestart", "true")).hasRedirectedUrl("/en/fleet");
		verify(this.fleet).setAutoRestart(true);
		assertThat(post("/en/demo/settings", "resilience", "maybe"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.onOff");
		verify(this.fleet, never()).setResilience(true);
	}

	@Test
	void aRefusalOfTheFleetGoesBackWithItsCode() {
		willThrow(FleetProblem.conflict("fleet.error.notRunning", "users-1")).given(this.fleet).crash("users-1");
		assertThat(post("/en/demo/instances/users-1/crash"))
			.hasRedirectedUrl("/en/fleet?demoError=fleet.error.notRunning&demoArg=users-1");
	}

	@Test
	void theControlRoomSaysTheRefusalInThePagesLanguageWithItsDigits() {
		assertThat(this.mvc.get().uri("/fa/fleet?demoError=fleet.error.rps&demoArg=1&demoArg=200").exchange()).model()
			.extractingByKey("demoError")
			.asString()
			.contains("۱")
			.contains("۲۰۰")
			.doesNotContain("200");
		assertThat(this.mvc.get().uri("/en/fleet?demoError=fleet.error.percent&demoArg=0&demoArg=100").exchange())
			.model()
			.extractingByKey("demoError")
			.isEqualTo("Each share must be a whole number from 0 to 100 percent.");
	}

}
