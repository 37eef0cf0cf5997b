package lab.fleet.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import lab.fleet.FleetProblem;
import lab.fleet.Topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The load balancer's front door carries business routes only, read from one decoding of
 * the path.
 */
class LbRouteTest {

	@Test
	void aPeersCallIsCarriedToTheSameRoute() {
		LbRoute route = LbRoute.parse("/lb/microservices/users/api/users/7");
		assertThat(route.topology()).isEqualTo("microservices");
		assertThat(route.service()).isEqualTo("users");
		assertThat(route.business(Topology.MICROSERVICES)).isTrue();
		assertThat(route.forwardPath()).isEqualTo("/api/users/7");
		assertThat(LbRoute.parse("/lb/microservices/payments/api/tips").business(Topology.MICROSERVICES)).isTrue();
		assertThat(LbRoute.parse("/lb/microservices/threads/api/threads/3/replies/").forwardPath())
			.isEqualTo("/api/threads/3/replies");
		assertThat(LbRoute.parse("/lb/monolith/monolith/api/tips").business(Topology.MONOLITH)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/lb/microservices/users/chaos", "/lb/microservices/users/chaos/crash",
			"/lb/microservices/users/settings", "/lb/microservices/users/health/ready", "/lb/microservices/users/info",
			"/lb/microservices/users/api/posts", "/lb/microservices/payments/api/users", "/lb/microservices/users/api",
			"/lb/microservices/users", "/lb/monolith/monolith/chaos", "/lb/microservices/users/API/users" })
	void opsRoutesAndOtherServicesRoutesAreNotCarried(String path) {
		LbRoute route = LbRoute.parse(path);
		assertThat(route.business(Topology.of(route.topology()).orElseThrow())).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/lb/microservices/users/api/users/%2e%2e/%2e%2e/chaos",
			"/lb/microservices/users/api/users/../../chaos", "/lb/microservices/users/api/users%2f..%2f..%2fchaos",
			"/lb/microservices/users/api/users/%252e%252e/chaos", "/lb/microservices/users/api/users/%5c..%5cchaos",
			"/lb/microservices/users/api/users;x=1/1", "/lb/microservices/users/api//users",
			"/lb/microservices/users/api/users/%", "/lb/microservices/users/api/users/%zz",
			"/lb/microservices/users/api/users/%00", "/lb/microservices/users/./api/users" })
	void encodedTricksAreRefusedBeforeAnyMatching(String path) {
		assertThatThrownBy(() -> LbRoute.parse(path)).isInstanceOf(FleetProblem.class)
			.extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.lbPath");
	}

	@Test
	void anEncodedSegmentIsDecodedOnceAndSentOnEncodedAgain() {
		LbRoute route = LbRoute.parse("/lb/microservices/users/api/users/a%20b");
		assertThat(route.path()).containsExactly("api", "users", "a b");
		assertThat(route.forwardPath()).isEqualTo("/api/users/a%20b");
	}

}
