package lab.fleet.live;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import lab.fleet.FleetProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamAdmissionTest {

	@Test
	void eachAddressGetsItsShareAndLoopbackIsNotCountedPerAddress() {
		StreamAdmission admission = new StreamAdmission(100, 2);
		admission.admit("192.0.2.7");
		admission.admit("192.0.2.7");
		assertThatExceptionOfType(FleetProblem.class).isThrownBy(() -> admission.admit("192.0.2.7"))
			.satisfies(p -> assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS))
			.satisfies(p -> assertThat(p.code()).isEqualTo("fleet.error.streamsPerAddress"));
		admission.admit("192.0.2.8");
		for (int i = 0; i < 10; i++) {
			admission.admit("127.0.0.1");
			admission.admit("::1");
		}
		assertThat(admission.open()).isEqualTo(23);
		admission.release("192.0.2.7");
		admission.admit("192.0.2.7");
		assertThat(admission.open()).isEqualTo(23);
	}

	@Test
	void theCapInAllHoldsForLoopbackToo() {
		StreamAdmission admission = new StreamAdmission(3, 2);
		admission.admit("127.0.0.1");
		admission.admit("127.0.0.1");
		admission.admit("198.51.100.1");
		assertThatExceptionOfType(FleetProblem.class).isThrownBy(() -> admission.admit("127.0.0.1"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("fleet.error.streams"));
		assertThat(admission.open()).isEqualTo(3);
		admission.release("198.51.100.1");
		admission.admit("127.0.0.1");
		assertThat(admission.open()).isEqualTo(3);
	}

}
