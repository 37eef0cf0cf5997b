package lab.classroom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Classroom mode turns itself on exactly when other machines can reach the site. */
class ClassroomModeTest {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.5", "", " " })
	void listeningBeyondLoopbackTurnsClassroomModeOn(String address) {
		assertThat(ClassroomMode.decide(null, address).on()).isTrue();
		assertThat(ClassroomMode.decide(null, address).beyondLoopback()).isTrue();
	}

	@Test
	void noAddressAtAllMeansEveryInterfaceSoClassroomModeIsOn() {
		assertThat(ClassroomMode.decide(null, null).on()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.1.1", "localhost", "::1", "[::1]" })
	void listeningOnLoopbackLeavesItOff(String address) {
		assertThat(ClassroomMode.decide(null, address).on()).isFalse();
	}

	@Test
	void anExplicitSettingWinsEitherWay() {
		assertThat(ClassroomMode.decide(true, "127.0.0.1").on()).isTrue();
		assertThat(ClassroomMode.decide(false, "0.0.0.0").on()).isFalse();
		assertThat(ClassroomMode.decide(false, "0.0.0.0").beyondLoopback()).isTrue();
	}

}
