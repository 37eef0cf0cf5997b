package lab.classes;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JoinCodesTest {

	@Test
	void codesAreSixCharactersWithoutLookAlikes() {
		JoinCodes codes = new JoinCodes();
		Set<String> seen = new HashSet<>();
		for (int n = 0; n < 2000; n++) {
			String code = codes.next();
			assertThat(code).hasSize(6).doesNotContainPattern("[0O1IL2Z5S8BUV]");
			seen.add(code);
		}
		assertThat(seen).hasSizeGreaterThan(1990);
	}

	@Test
	void aTypedCodeIsAcceptedInLowerCaseAndAnythingElseIsNotACode() {
		assertThat(JoinCodes.normalize("kdqkkw")).contains("KDQKKW");
		assertThat(JoinCodes.normalize("KDQKK0")).isEmpty();
		assertThat(JoinCodes.normalize("../etc")).isEmpty();
		assertThat(JoinCodes.normalize("KDQKKWX")).isEmpty();
		assertThat(JoinCodes.normalize(null)).isEmpty();
	}

}
