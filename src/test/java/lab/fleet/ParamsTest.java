package lab.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ParamsTest {

	@Test
	void switchesReadTheWordsATypedBooleanParameterReads() {
		for (String on : new String[] { "true", "on", "yes", "1", " TRUE " }) {
			assertThat(Params.bool(on)).as(on).isTrue();
		}
		for (String off : new String[] { "false", "off", "no", "0" }) {
			assertThat(Params.bool(off)).as(off).isFalse();
		}
	}

	@Test
	void anythingElseIsRefusedWithItsMessageKey() {
		for (String bad : new String[] { "maybe", "", "2", "null" }) {
			assertThatExceptionOfType(FleetProblem.class).as(bad)
				.isThrownBy(() -> Params.bool(bad))
				.satisfies(p -> assertThat(p.code()).isEqualTo("fleet.error.onOff"));
		}
	}

}
