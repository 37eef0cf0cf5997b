package lab.classroom;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host allow-list: what DNS rebinding would need is refused, what students type is
 * accepted.
 */
class SiteHostsTest {

	private final SiteHosts loopbackOnly = SiteHosts.of(ClassroomMode.decide(null, "127.0.0.1"),
			List.of("lab.example.org"));

	private final SiteHosts network = SiteHosts.of(ClassroomMode.decide(null, "0.0.0.0"), List.of());

	@Test
	void loopbackNamesAreAlwaysAccepted() {
		for (SiteHosts hosts : List.of(this.loopbackOnly, this.network)) {
			assertThat(hosts).accepts("localhost", "LOCALHOST", "127.0.0.1", "127.0.0.2", "[::1]", "app.localhost");
		}
	}

	@Test
	void foreignNamesAreRefusedEvenWhenTheyLookLikeLoopback() {
		for (SiteHosts hosts : List.of(this.loopbackOnly, this.network)) {
			assertThat(hosts).rejects("attacker.example", "127.attacker.example", "localhost.attacker.example", "",
					null);
		}
	}

	@Test
	void configuredNamesAreAccepted() {
		assertThat(this.loopbackOnly).accepts("lab.example.org", "LAB.example.org.");
		assertThat(this.network).rejects("lab.example.org");
	}

	@Test
	void onTheNetworkAddressesAndTheMachinesOwnNamesAreAccepted() {
		assertThat(this.network).accepts("192.168.1.20", "[fe80::1]");
		assertThat(this.network.names()).containsAll(SiteHosts.ownNames());
		assertThat(this.loopbackOnly).rejects("192.168.1.20");
	}

}
