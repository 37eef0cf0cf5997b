package lab.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;
import lab.chassis.store.H2Server;
import lab.fleet.supervisor.Fleet;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.InstanceState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's borders, met the way a stranger would meet them: real HTTP to the site,
 * real demo processes, and what another user of the machine could read in {@code /proc}
 * and on disk.
 */
@FleetTest
class FleetBordersIT {

	@LocalServerPort
	int port;

	@Autowired
	Fleet fleet;

	@Autowired
	H2Server databases;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void fleetIsUp() {
		new FleetClient(this.port).heal();
	}

	private HttpResponse<String> send(String method, String rawPath, String language) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + rawPath))
			.header("Accept-Language", language)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{\"errorShare\":1}" : ""))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private Instance readyUsers() {
		return this.fleet.allInstances()
			.stream()
			.filter(i -> i.service().name().equals("users") && i.state() == InstanceState.READY)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theLoadBalancerCarriesTheBusinessApiButNoOpsRoute() throws Exception {
		Instance users = readyUsers();
		assertThat(send("GET", "/lb/microservices/users/api/users", "en").statusCode()).isEqualTo(200);
		for (String path : List.of("/lb/microservices/users/chaos/crash", "/lb/microservices/users/chaos",
				"/lb/microservices/users/settings", "/lb/monolith/monolith/chaos/crash")) {
			HttpResponse<String> refused = send("POST", path, "en");
			assertThat(refused.statusCode()).as(path).isEqualTo(404);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
			assertThat(refused.body()).contains("fleet.error.lbRoute").contains("business APIs");
		}
		assertThat(send("GET", "/lb/microservices/users/health/ready", "en").statusCode()).isEqualTo(404);
		assertThat(send("GET", "/lb/microservices/users/info", "fa").body()).contains("متعادل‌کنندهٔ بار");
		assertThat(users.state()).isEqualTo(InstanceState.READY);
		assertThat(readyUsers().pid()).isEqualTo(users.pid());
		assertThat(users.chaos().active()).isFalse();
		assertThat(new FleetClient(this.port).instance(users.id()).get("state")).isEqualTo("ready");
	}

	private HttpResponse<String> tip(String key, String body, String language) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/lb/microservices/payments/api/tips"))
			.header("Accept-Language", language)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void aRetriedTipWithTheSameIdempotencyKeyHeaderIsChargedOnce() throws Exception {
		String key = "retry-" + UUID.randomUUID();
		String body = "{\"fromUserId\":2,\"toUserId\":1,\"amountCents\":150}";
		HttpResponse<String> first = tip(key, body, "en");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> retried = tip(key, body, "en");
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		assertThat(retried.body()).contains("\"replayed\":true").contains(key);
		String tips = send("GET", "/lb/microservices/payments/api/tips?userId=1", "en").body();
		assertThat(tips.split(Pattern.quote(key), -1)).as(tips).hasSize(2);
		HttpResponse<String> other = tip("other-" + UUID.randomUUID(), body, "en");
		assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
	}

	@Test
	void anIdempotencyKeyHeaderWithSpacesIsRefusedInTheCallersLanguage() throws Exception {
		HttpResponse<String> refused = tip("two words", "{\"fromUserId\":2,\"toUserId\":1,\"amountCents\":150}", "fa");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("fleet.error.lbHeader").contains("Idempotency-Key").contains("هدر");
	}

	@Test
	void encodedTricksReachNoOtherRoute() throws Exception {
		Instance users = readyUsers();
		for (String path : List.of("/lb/microservices/users/api/users/%2e%2e/%2e%2e/chaos/crash",
				"/lb/microservices/users/api/users/%2E%2E/%2E%2E/chaos/crash",
				"/lb/microservices/users/api/users/%252e%252e/%252e%252e/chaos/crash",
				"/lb/microservices/users/api/users%2f..%2f..%2fchaos%2fcrash",
				"/lb/microservices/users/api/users/..%5c..%5cchaos%5ccrash",
				"/lb/microservices/users/api/users;a=b/../../chaos/crash")) {
			HttpResponse<String> refused = send("POST", path, "fa");
			assertThat(refused.statusCode()).as(path).isBetween(400, 404);
		}
		// refused by whichever guard sees it first (Spring Security's firewall, or the
		// load balancer's own
		// reading of the path), in the caller's language either way
		HttpResponse<String> localized = send("POST", "/lb/microservices/users/api/users/%252e%252e/chaos", "fa");
		assertThat(localized.statusCode()).isEqualTo(400);
		assertThat(localized.body()).containsPattern("[\\u0600-\\u06FF]{4,}").doesNotContain("Exception");
		assertThat(readyUsers().pid()).isEqualTo(users.pid());
		assertThat(readyUsers().chaos().active()).isFalse();
		assertThat(send("GET", "/lb/microservices/users/chaos", "en").statusCode()).isEqualTo(404);
	}

	@Test
	void aScaleBeyondTheCapOnInstancesIsRefusedInTheCallersLanguageAndStartsNothing() {
		FleetClient client = new FleetClient(this.port);
		int before = this.fleet.allInstances().size();
		// 5 running (or more), 4 more asked, 8 allowed in these tests
		FleetClient.Answer fa = client.post("/api/fleet/services/microservices/users/scale", "replicas=5",
				"Accept-Language", "fa");
		assertThat(fa.status()).isEqualTo(409);
		assertThat(fa.body().get("code")).isEqualTo("fleet.error.instanceCap");
		assertThat((String) fa.body().get("detail")).contains("بیشترین تعداد نمونهٔ مجاز").contains("۸");
		FleetClient.Answer en = client.post("/api/fleet/services/microservices/users/scale", "replicas=5",
				"Accept-Language", "en");
		assertThat((String) en.body().get("detail")).contains("its most instances (8 in all)");
		assertThat(this.fleet.allInstances()).hasSize(before);
	}

	@Test
	void aSecondLoadRunOnTheSameFeatureIsRefusedWhileTheFirstRuns() {
		FleetClient client = new FleetClient(this.port);
		try {
			String form = "topology=monolith&feature=users&rps=1&seconds=30";
			assertThat(client.post("/api/fleet/load", form).status()).isEqualTo(202);
			FleetClient.Answer again = client.post("/api/fleet/load", form, "Accept-Language", "fa");
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.body().get("code")).isEqualTo("fleet.error.loadRunning");
			assertThat((String) again.body().get("detail")).contains("در جریان است");
			assertThat(client.post("/api/fleet/load", "topology=microservices&feature=users&rps=1&seconds=30").status())
				.isEqualTo(202);
		}
		finally {
			client.post("/api/fleet/load/stop", "");
		}
		assertThat(client.post("/api/fleet/load", "topology=monolith&feature=users&rps=1&seconds=1").status())
			.isEqualTo(202);
	}

	@Test
	void theFleetsDataIsPrivateToTheUser() throws Exception {
		Path slot = this.fleet.data().dir();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(slot))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(slot.getParent())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(slot.resolve("database-password"))))
			.isEqualTo("rw-------");
		assertThat(slot.resolve("microservices/users")).isDirectory();
	}

	@Test
	void theDatabasePasswordShowsOnNoCommandLineButReachesEveryDemoProcess() throws Exception {
		String password = Files.readString(this.fleet.data().dir().resolve("database-password")).trim();
		assertThat(password).hasSizeGreaterThanOrEqualTo(32);
		List<Long> children = this.fleet.allInstances()
			.stream()
			.filter(i -> i.state() == InstanceState.READY)
			.map(Instance::pid)
			.toList();
		assertThat(children).hasSizeGreaterThanOrEqualTo(5);
		for (long pid : children) {
			assertThat(read("/proc/" + pid + "/environ")).contains("LAB_DB_PASSWORD=" + password);
		}
		int commandLines = 0;
		try (Stream<Path> all = Files.list(Path.of("/proc"))) {
			for (Path process : all.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				String commandLine = read(process.resolve("cmdline").toString());
				if (!commandLine.isEmpty()) {
					commandLines++;
					assertThat(commandLine).as(process.toString()).doesNotContain(password);
				}
			}
		}
		assertThat(commandLines).isGreaterThan(children.size());
	}

	@Test
	void theDemoProcessesAndTheSitesDatabaseServerListenOnLoopbackOnly() throws Exception {
		Set<String> inodes = new HashSet<>();
		int ready = 0;
		for (Instance i : this.fleet.allInstances()) {
			if (i.state() == InstanceState.READY) {
				ready++;
				inodes.addAll(socketInodes(i.pid()));
			}
		}
		// each demo process listens on its HTTP port only: the site serves the databases
		assertThat(listening(inodes)).hasSize(ready)
			.hasSizeGreaterThanOrEqualTo(5)
			.allSatisfy(address -> assertThat(address).matches(LOOPBACK));
		assertThat(this.databases.port()).as("the site serves the databases").isPositive();
		List<String> site = listening(socketInodes(ProcessHandle.current().pid()));
		assertThat(site).filteredOn(address -> address.endsWith(":" + String.format("%04X", this.databases.port())))
			.as("the database server's socket")
			.hasSize(1)
			.allSatisfy(address -> assertThat(address).matches(LOOPBACK));
	}

	private static final String LOOPBACK = "0100007F:[0-9A-F]{4}|0000000000000000FFFF00000100007F:[0-9A-F]{4}|00000000000000000000000001000000:[0-9A-F]{4}";

	private static Set<String> socketInodes(long pid) throws IOException {
		Set<String> inodes = new HashSet<>();
		try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
			for (Path fd : fds.toList()) {
				String target = readLink(fd);
				if (target.startsWith("socket:[")) {
					inodes.add(target.substring("socket:[".length(), target.length() - 1));
				}
			}
		}
		return inodes;
	}

	/** The local addresses of the listening TCP sockets among {@code inodes}. */
	private static List<String> listening(Set<String> inodes) throws IOException {
		List<String> listening = new ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] f = line.trim().split("\\s+");
				// local address, state (0A = LISTEN), inode
				if (f[3].equals("0A") && inodes.contains(f[9])) {
					listening.add(f[1]);
				}
			}
		}
		return listening;
	}

	private static String read(String path) {
		try {
			return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			// a process that ended meanwhile, or one of another user
			return "";
		}
	}

	private static String readLink(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
