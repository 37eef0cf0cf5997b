package lab.fleet.supervisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.fleet.EventLog;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fleet's data is private to its user and to itself. */
class DataSlotTest {

	@TempDir
	Path dir;

	@Test
	void theDefaultRootIsTheUsersStateDirectory() {
		assertThat(DataSlot.root(null, Map.of("XDG_STATE_HOME", "/x/state"), "/home/ada"))
			.isEqualTo(Path.of("/x/state/microservices-lab"));
		assertThat(DataSlot.root(null, Map.of(), "/home/ada"))
			.isEqualTo(Path.of("/home/ada/.local/state/microservices-lab"));
		assertThat(DataSlot.root(null, Map.of("XDG_STATE_HOME", "relative"), "/home/ada"))
			.isEqualTo(Path.of("/home/ada/.local/state/microservices-lab"));
		assertThat(DataSlot.root(this.dir, Map.of("XDG_STATE_HOME", "/x/state"), "/home/ada")).isEqualTo(this.dir);
	}

	@Test
	void foldersAreTheUsersAloneAndThePasswordFileToo() throws Exception {
		Path root = this.dir.resolve("made/by/the/site");
		Files.createDirectories(this.dir.resolve("made"));
		Files.setPosixFilePermissions(this.dir.resolve("made"), PosixFilePermissions.fromString("rwxr-xr-x"));
		try (DataSlot slot = DataSlot.claim(root)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(slot.dir()))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(slot.dir().resolve("database-password"))))
				.isEqualTo("rw-------");
			assertThat(slot.databasePassword()).hasSizeGreaterThanOrEqualTo(32);
		}
	}

	@Test
	void aRootThatWasOpenBeforeIsClosedToOthers() throws Exception {
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxrwxrwx"));
		try (DataSlot slot = DataSlot.claim(this.dir)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir))).isEqualTo("rwx------");
		}
	}

	@Test
	void twoCopiesOfTheSiteGetTwoSlotsAndTheFirstKeepsItsOwnAcrossRestarts() {
		String password;
		Path first;
		try (DataSlot one = DataSlot.claim(this.dir); DataSlot two = DataSlot.claim(this.dir)) {
			first = one.dir();
			password = one.databasePassword();
			assertThat(two.dir()).isNotEqualTo(one.dir());
			assertThat(two.databasePassword()).isNotEqualTo(one.databasePassword());
		}
		try (DataSlot again = DataSlot.claim(this.dir)) {
			assertThat(again.dir()).isEqualTo(first);
			assertThat(again.databasePassword()).isEqualTo(password);
		}
	}

	@Test
	void twoFleetsLiveSideBySideInOneJvm() {
		FakeProcessBackend backend = new FakeProcessBackend();
		FakeControl control = new FakeControl(backend);
		try (DataSlot slotA = DataSlot.claim(this.dir); DataSlot slotB = DataSlot.claim(this.dir)) {
			Fleet a = FleetActionsTest.fleet("a", backend, control, new EventLog(), slotA, false, 12);
			Fleet b = FleetActionsTest.fleet("b", backend, control, new EventLog(), slotB, false, 12);
			try {
				a.startDefault(8081);
				b.startDefault(8082);
				a.kill("users-1");
				assertThat(a.instance("users-1").state()).isEqualTo(InstanceState.KILLED);
				assertThat(b.instance("users-1").state()).isEqualTo(InstanceState.READY);
				assertThat(backend.launched()).filteredOn(p -> p.spec().role().equals("posts"))
					.extracting(p -> p.spec().dataDir())
					.containsExactlyInAnyOrder(slotA.dir().resolve("microservices/posts"),
							slotB.dir().resolve("microservices/posts"));
				assertThat(backend.launched()).filteredOn(p -> p.spec().role().equals("posts"))
					.extracting(p -> p.spec().peers().get("users"))
					.containsExactlyInAnyOrder("http://127.0.0.1:8081/lb/microservices/users",
							"http://127.0.0.1:8082/lb/microservices/users");
			}
			finally {
				a.shutdown();
				b.shutdown();
			}
		}
	}

}
