package lab.walkthrough;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lab.fleet.live.FleetView;
import lab.fleet.supervisor.Instance;

import static lab.walkthrough.Fleets.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The closed vocabulary of actions and checks: what parses, what each sends, when each is
 * met.
 */
class VocabularyTest {

	@Test
	void unknownVerbsAndBadArgumentsAreRefusedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("explode payments"))
			.withMessageContaining("unknown action");
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("kill billing"))
			.withMessageContaining("unknown service 'billing'");
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("scale posts 9"))
			.withMessageContaining("from 1 to 5");
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("deploy posts latest"))
			.withMessageContaining("not a version");
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("resilience maybe"))
			.withMessageContaining("neither on nor off");
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("load both search 10 10"))
			.withMessageContaining("search");
		assertThatIllegalArgumentException().isThrownBy(() -> Action.parse("kill")).withMessageContaining("exactly 1");
		assertThatIllegalArgumentException().isThrownBy(() -> Check.parse("payments is sad"))
			.withMessageContaining("unknown check");
		assertThatIllegalArgumentException().isThrownBy(() -> Check.parse("ready posts three"))
			.withMessageContaining("three");
	}

	@Test
	void everyVerbOfTheVocabularyParses() {
		for (String text : List.of("start payments", "stop threads", "kill users", "crash posts", "slow payments 1500",
				"errors payments 50", "heal payments", "scale posts 3", "deploy posts v2", "rollback monolith",
				"resilience on", "resilience off", "auto-restart on", "load both feed 10 30", "load stop")) {
			assertThat(Action.parse(text).text()).isEqualTo(text);
		}
		assertThat(List.of(Action.Verb.values())).extracting(Action.Verb::word)
			.containsExactly("start", "stop", "kill", "crash", "slow", "errors", "heal", "scale", "deploy", "rollback",
					"resilience", "auto-restart", "load");
	}

	@Test
	void instanceActionsGoToEveryInstanceInTheRightState() {
		FleetView view = Fleets.healthy()
			.service("payments", "v1", "closed", instance("payments", 1, "ready", "v1"),
					instance("payments", 2, "ready", "v1"), instance("payments", 3, "killed", "v1"))
			.view();
		assertThat(Action.parse("kill payments").requests(view)).containsExactly(
				new FleetRequest("/api/fleet/instances/payments-1/kill", Map.of()),
				new FleetRequest("/api/fleet/instances/payments-2/kill", Map.of()));
		assertThat(Action.parse("start payments").requests(view))
			.containsExactly(new FleetRequest("/api/fleet/instances/payments-3/start", Map.of()));
		assertThat(Action.parse("errors payments 50").requests(view)).first()
			.isEqualTo(new FleetRequest("/api/fleet/instances/payments-1/chaos", Map.of("errorShare", "0.5")));
		assertThat(Action.parse("slow payments 1500").requests(view)).first()
			.isEqualTo(new FleetRequest("/api/fleet/instances/payments-1/chaos",
					Map.of("latencyMs", "1500", "latencyShare", "1")));
	}

	@Test
	void serviceAndFleetActionsMapOntoTheControlApi() {
		FleetView view = Fleets.healthy().view();
		assertThat(Action.parse("scale posts 3").requests(view)).containsExactly(
				new FleetRequest("/api/fleet/services/microservices/posts/scale", Map.of("replicas", "3")));
		assertThat(Action.parse("deploy monolith v2").requests(view))
			.containsExactly(new FleetRequest("/api/fleet/services/monolith/monolith/deploy", Map.of("version", "v2")));
		assertThat(Action.parse("rollback posts").requests(view))
			.containsExactly(new FleetRequest("/api/fleet/services/microservices/posts/rollback", Map.of()));
		assertThat(Action.parse("resilience off").requests(view))
			.containsExactly(new FleetRequest("/api/fleet/settings", Map.of("resilience", "false")));
		assertThat(Action.parse("auto-restart on").requests(view))
			.containsExactly(new FleetRequest("/api/fleet/settings", Map.of("autoRestart", "true")));
		assertThat(Action.parse("load both tip 20 30").requests(view)).containsExactly(
				new FleetRequest("/api/fleet/load",
						Map.of("topology", "monolith", "feature", "tip", "rps", "20", "seconds", "30")),
				new FleetRequest("/api/fleet/load",
						Map.of("topology", "microservices", "feature", "tip", "rps", "20", "seconds", "30")));
		assertThat(Action.parse("load stop").requests(view))
			.containsExactly(new FleetRequest("/api/fleet/load/stop", Map.of()));
		FleetView gone = Fleets.healthy().service("users", "v1", "closed").view();
		assertThat(Action.parse("start users").requests(gone)).containsExactly(
				new FleetRequest("/api/fleet/services/microservices/users/scale", Map.of("replicas", "1")));
	}

	@Test
	void checksReadTheLiveState() {
		FleetView healthy = Fleets.healthy().view();
		FleetView paymentsDown = Fleets.healthy()
			.service("payments", "v1", "open", instance("payments", 1, "killed", "v1"))
			.view();
		assertThat(Check.parse("down payments").met(healthy)).isFalse();
		assertThat(Check.parse("down payments").met(paymentsDown)).isTrue();
		assertThat(Check.parse("up payments").met(paymentsDown)).isFalse();
		assertThat(Check.parse("breaker-open payments").met(paymentsDown)).isTrue();
		assertThat(Check.parse("breaker-closed payments").met(paymentsDown)).isFalse();
		assertThat(Check.parse("down monolith").met(healthy)).isFalse();
		assertThat(Check.parse("down monolith")
			.met(Fleets.healthy().service("monolith", "v1", "closed", instance("monolith", 1, "crashed", "v1")).view()))
			.isTrue();

		FleetView threePosts = Fleets.healthy()
			.service("posts", "v2", "closed", instance("posts", 4, "ready", "v2"), instance("posts", 5, "ready", "v2"),
					instance("posts", 6, "ready", "v2"))
			.view();
		assertThat(Check.parse("ready posts 3").met(threePosts)).isTrue();
		assertThat(Check.parse("ready posts 3").met(healthy)).isFalse();
		assertThat(Check.parse("version posts v2").met(threePosts)).isTrue();
		FleetView halfway = Fleets.healthy()
			.service("posts", "v2", "closed", instance("posts", 1, "ready", "v1"), instance("posts", 4, "ready", "v2"))
			.view();
		assertThat(Check.parse("version posts v2").met(halfway)).isFalse();
		assertThat(Check.parse("resilience off").met(healthy)).isFalse();
		assertThat(Check.parse("resilience off").met(Fleets.healthy().resilience(false).view())).isTrue();
	}

	@Test
	void theResetSendsOnlyWhatDiffersFromTheStart() {
		FleetView atRest = Fleets.healthy().view();
		assertThat(DemoReset.requests(atRest)).extracting(FleetRequest::path)
			.containsExactly("/api/fleet/load/stop", "/api/fleet/settings");
		FleetView messy = Fleets.healthy()
			.service("payments", "v1", "closed",
					instance("payments", 1, "ready", "v1", new Instance.Chaos(3000, 1, 0, 0, 0)))
			.service("posts", "v2", "closed", instance("posts", 4, "ready", "v2"), instance("posts", 5, "ready", "v2"))
			.service("users", "v1", "closed", instance("users", 1, "killed", "v1"))
			.view();
		assertThat(DemoReset.requests(messy)).extracting(FleetRequest::path)
			.contains("/api/fleet/instances/payments-1/chaos", "/api/fleet/services/microservices/posts/deploy",
					"/api/fleet/services/microservices/posts/scale", "/api/fleet/services/microservices/users/scale");
	}

}
