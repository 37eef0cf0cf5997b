package lab.classroom;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The instructor's password: kept as a hash only; a generated one is handed out once. */
class InstructorAccountTest {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void aConfiguredPasswordIsKeptOnlyAsItsHash() {
		InstructorAccount account = InstructorAccount.of("correct horse battery");
		assertThat(account.user().getUsername()).isEqualTo("instructor");
		assertThat(account.user().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_INSTRUCTOR");
		assertThat(account.user().getPassword()).startsWith("{bcrypt}").doesNotContain("correct horse battery");
		assertThat(this.encoder.matches("correct horse battery", account.user().getPassword())).isTrue();
		assertThat(account.takeGenerated()).isNull();
	}

	@Test
	void withoutOneAPasswordIsGeneratedAndHandedOutOnce() {
		InstructorAccount account = InstructorAccount.of(null);
		String generated = account.takeGenerated();
		assertThat(generated).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
		assertThat(this.encoder.matches(generated, account.user().getPassword())).isTrue();
		assertThat(account.takeGenerated()).isNull();
	}

	@Test
	void outsideClassroomModeThereIsNoAccountAndNoPassword() {
		InstructorAccount account = InstructorAccount.none();
		assertThat(account.takeGenerated()).isNull();
		assertThatIllegalStateException().isThrownBy(account::user);
	}

	@Test
	void generatedPasswordsDiffer() {
		SecureRandom random = new SecureRandom();
		assertThat(InstructorAccount.generate(random)).isNotEqualTo(InstructorAccount.generate(random));
	}

}
