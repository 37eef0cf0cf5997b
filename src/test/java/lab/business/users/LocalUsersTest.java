package lab.business.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.business.Stores;
import lab.business.shared.Failure;
import lab.chassis.store.H2Database;

class LocalUsersTest {

	@TempDir
	Path dir;

	H2Database db;

	LocalUsers users;

	@BeforeEach
	void open() {
		db = Stores.open(dir);
		users = LocalUsers.open(db);
	}

	@AfterEach
	void close() {
		db.close();
	}

	@Test
	void seedsFourUsersOnceWithIdsOneToFour() {
		LocalUsers.open(db);
		assertThat(users.all()).extracting(User::id, User::handle)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "ada"),
					org.assertj.core.groups.Tuple.tuple(2L, "alan"), org.assertj.core.groups.Tuple.tuple(3L, "grace"),
					org.assertj.core.groups.Tuple.tuple(4L, "maryam"));
	}

	@Test
	void createsATrimmedProfile() {
		User created = users.create(new NewUser("  Edsger Dijkstra ", "edsger"));
		assertThat(created.name()).isEqualTo("Edsger Dijkstra");
		assertThat(users.find(created.id())).contains(created);
	}

	@Test
	void rejectsBadNamesAndHandles() {
		assertCode(() -> users.create(new NewUser("  ", "okay")), "user.name.size");
		assertCode(() -> users.create(new NewUser("x".repeat(61), "okay")), "user.name.size");
		assertCode(() -> users.create(new NewUser(null, "okay")), "user.name.size");
		assertCode(() -> users.create(new NewUser("Name", "No Caps")), "user.handle.pattern");
		assertCode(() -> users.create(new NewUser("Name", "ab")), "user.handle.pattern");
		assertCode(() -> users.create(new NewUser("Name", null)), "user.handle.pattern");
	}

	@Test
	void aTakenHandleIsAConflict() {
		assertThatThrownBy(() -> users.create(new NewUser("Another Ada", "ada"))).isInstanceOfSatisfying(Failure.class,
				f -> {
					assertThat(f.code()).isEqualTo("user.handle.taken");
					assertThat(f.kind()).isEqualTo(Failure.Kind.CONFLICT);
				});
	}

	@Test
	void findAllReturnsOnlyExistingUsers() {
		assertThat(users.findAll(List.of(1L, 3L, 99L)).keySet()).containsExactlyInAnyOrder(1L, 3L);
		assertThat(users.findAll(List.of())).isEmpty();
		assertThat(users.find(99)).isEmpty();
	}

	private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Failure.class, f -> {
			assertThat(f.code()).isEqualTo(code);
			assertThat(f.kind()).isEqualTo(Failure.Kind.INVALID);
		});
	}

}
