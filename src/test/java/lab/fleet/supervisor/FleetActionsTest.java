package lab.fleet.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.fleet.EventLog;
import lab.fleet.FleetProblem;
import lab.fleet.FleetProperties;
import lab.fleet.ServiceId;
import lab.fleet.Topology;
import lab.fleet.rollout.Recreate;
import lab.fleet.rollout.RollingUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every action of the fleet, on the fake backend: no JVM is started, so each test takes
 * milliseconds and says exactly what the supervisor did.
 */
class FleetActionsTest {

	private static final ServiceId USERS = new ServiceId(Topology.MICROSERVICES, "users");

	private static final ServiceId POSTS = new ServiceId(Topology.MICROSERVICES, "posts");

	private static final ServiceId MONOLITH = new ServiceId(Topology.MONOLITH, "monolith");

	@TempDir
	Path dir;

	private final FakeProcessBackend backend = new FakeProcessBackend();

	private final FakeControl control = new FakeControl(this.backend);

	private final EventLog events = new EventLog();

	private DataSlot data;

	private Fleet fleet;

	@BeforeEach
	void startTheDefaultFleet() {
		this.data = DataSlot.claim(this.dir);
		this.fleet = fleet("test", this.backend, this.control, this.events, this.data, false, 12);
		this.fleet.startDefault(8080);
	}

	static Fleet fleet(String name, ProcessBackend backend, InstanceControl control, EventLog events, DataSlot data,
			boolean autoRestart, int maxInstances) {
		FleetProperties properties = new FleetProperties(true, null, Duration.ofSeconds(5), Duration.ofMillis(1200),
				Duration.ofMillis(400), autoRestart, true, maxInstances);
		return new Fleet(name, backend, control, events, properties, data, List.of(new RollingUpdate(), new Recreate()),
				new SettingsBroadcaster(control, events, properties));
	}

	@AfterEach
	void stop() {
		this.fleet.shutdown();
		this.data.close();
	}

	private InstanceState state(String id) {
		return this.fleet.instance(id).state();
	}

	private List<String> eventKeys() {
		return this.events.recent(200).stream().map(EventLog.FleetEvent::key).toList();
	}

	private List<Instance> ready(ServiceId id) {
		return this.fleet.instances(id).stream().filter(i -> i.state() == InstanceState.READY).toList();
	}

	@Test
	void theDefaultFleetHasOneReadyV1InstancePerService() {
		assertThat(this.fleet.allInstances()).hasSize(5)
			.allSatisfy(i -> assertThat(i.state()).isEqualTo(InstanceState.READY))
			.allSatisfy(i -> assertThat(i.version()).isEqualTo("v1"));
		assertThat(this.backend.alive()).hasSize(5);
		assertThat(this.backend.last("posts-1").spec().peers()).containsEntry("users",
				"http://127.0.0.1:8080/lb/microservices/users");
		assertThat(this.backend.last("posts-1").spec().dataDir())
			.isEqualTo(this.data.dir().resolve("microservices/posts"));
		assertThat(this.backend.last("posts-1").spec().databasePassword()).isEqualTo(this.data.databasePassword());
	}

	@Test
	void stopDrainsAndEndsTheProcessPolitely() {
		this.fleet.stop("users-1");
		assertThat(state("users-1")).isEqualTo(InstanceState.STOPPED);
		assertThat(this.backend.last("users-1").terminations()).isEqualTo(1);
		assertThat(this.backend.last("users-1").kills()).isZero();
		assertThat(eventKeys()).contains("event.stopped").doesNotContain("event.crashed");
		assertThatThrownBy(() -> this.fleet.stop("users-1")).isInstanceOf(FleetProblem.class)
			.extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.notRunning");
	}

	@Test
	void killAnswersOnlyWhenTheInstanceIsKilled() {
		this.fleet.kill("payments-1");
		assertThat(state("payments-1")).isEqualTo(InstanceState.KILLED);
		assertThat(this.backend.last("payments-1").kills()).isEqualTo(1);
		assertThat(eventKeys()).contains("event.killed").doesNotContain("event.crashed");
	}

	@Test
	void aKilledInstanceStartsAgainWithANewProcess() {
		long before = this.fleet.instance("payments-1").pid();
		this.fleet.kill("payments-1");
		this.fleet.start("payments-1");
		assertThat(state("payments-1")).isEqualTo(InstanceState.READY);
		assertThat(this.fleet.instance("payments-1").pid()).isNotEqualTo(before);
		assertThatThrownBy(() -> this.fleet.start("payments-1")).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.alreadyRunning");
	}

	@Test
	void restartStopsAndStartsTheSameInstance() {
		FakeProcessBackend.FakeProcess old = this.backend.last("threads-1");
		this.fleet.restart("threads-1");
		assertThat(old.terminations()).isEqualTo(1);
		assertThat(this.backend.last("threads-1")).isNotSameAs(old);
		assertThat(state("threads-1")).isEqualTo(InstanceState.READY);
		assertThat(this.backend.alive()).hasSize(5);
	}

	@Test
	void aCrashFromInsideIsReportedAsACrash() {
		this.fleet.crash("posts-1");
		await().until(() -> state("posts-1") == InstanceState.CRASHED);
		assertThat(this.control.sent()).contains("posts-1 crash");
		assertThat(eventKeys()).contains("event.crashed");
	}

	@Test
	void anInstanceThatIsNotReadyCannotBeCrashedOrGivenChaos() {
		this.fleet.kill("posts-1");
		assertThatThrownBy(() -> this.fleet.crash("posts-1")).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.notRunning");
		assertThatThrownBy(() -> this.fleet.chaos("posts-1", new Instance.Chaos(100, 0.5, 0, 0, 0)))
			.extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.notRunning");
	}

	@Test
	void chaosIsSentAndRemembered() {
		this.fleet.chaos("users-1", new Instance.Chaos(300, 0.5, 0.25, 0, 0));
		assertThat(this.control.sent()).contains("users-1 chaos 300 0.5 0.25");
		assertThat(this.fleet.instance("users-1").chaos()).isEqualTo(new Instance.Chaos(300, 0.5, 0.25, 0, 0));
		this.fleet.restart("users-1");
		assertThat(this.fleet.instance("users-1").chaos()).isEqualTo(Instance.Chaos.NONE);
	}

	@Test
	void withoutAutoRestartACrashedInstanceStaysDown() {
		this.backend.last("users-1").exitsBy(1);
		await().until(() -> state("users-1") == InstanceState.CRASHED);
		assertThat(eventKeys()).doesNotContain("event.autoRestart");
		assertThat(this.backend.launched()).hasSize(5);
	}

	@Test
	void autoRestartBringsBackACrashOrAKillButNotAStop() {
		this.fleet.setAutoRestart(true);
		this.backend.last("users-1").exitsBy(1);
		await().until(() -> state("users-1") == InstanceState.READY && this.backend.launched().size() == 6);
		this.fleet.kill("posts-1");
		await().until(() -> state("posts-1") == InstanceState.READY && this.backend.launched().size() == 7);
		this.fleet.stop("threads-1");
		assertThat(state("threads-1")).isEqualTo(InstanceState.STOPPED);
		assertThat(eventKeys()).filteredOn("event.autoRestart"::equals).hasSize(2);
	}

	@Test
	void scalingUpStartsInstancesAndScalingDownStopsTheNewestFirst() {
		this.fleet.scale(POSTS, 3);
		await().until(() -> ready(POSTS).size() == 3);
		this.fleet.scale(POSTS, 1);
		await().until(() -> this.fleet.instances(POSTS).size() == 1);
		assertThat(this.fleet.instances(POSTS)).extracting(Instance::id).containsExactly("posts-1");
		assertThat(this.backend.last("posts-3").terminations()).isEqualTo(1);
		assertThatThrownBy(() -> this.fleet.scale(POSTS, 6)).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.replicas");
	}

	@Test
	void aRollingDeployStartsEachNewInstanceBeforeItStopsAnOldOne() {
		this.fleet.scale(POSTS, 2);
		await().until(() -> ready(POSTS).size() == 2);
		this.backend.script("posts-3", FakeProcessBackend.Start.HELD);
		this.backend.script("posts-4", FakeProcessBackend.Start.HELD);
		this.fleet.deploy(POSTS, "v2");
		await().until(() -> this.backend.launched().stream().anyMatch(p -> p.spec().instanceId().equals("posts-3")));
		assertThat(ready(POSTS)).hasSize(2);
		assertThat(this.fleet.group(POSTS).activity()).isEqualTo("1/2");
		this.backend.last("posts-3").becomeReady();
		await().until(() -> this.backend.launched().stream().anyMatch(p -> p.spec().instanceId().equals("posts-4")));
		assertThat(ready(POSTS)).extracting(Instance::id).containsExactlyInAnyOrder("posts-2", "posts-3");
		this.backend.last("posts-4").becomeReady();
		await()
			.until(() -> this.fleet.group(POSTS).activity() == null && "v2".equals(this.fleet.group(POSTS).version()));
		assertThat(this.fleet.instances(POSTS)).extracting(Instance::id).containsExactly("posts-3", "posts-4");
		assertThat(this.fleet.instances(POSTS)).allSatisfy(i -> assertThat(i.version()).isEqualTo("v2"));
		assertThat(this.fleet.group(POSTS).previousVersion()).isEqualTo("v1");
		assertThat(eventKeys()).contains("event.deploy.started", "event.deploy.step", "event.deploy.done");
	}

	@Test
	void aRolloutWhoseNewInstanceCannotStartStopsAndKeepsTheOldOne() {
		this.backend.script("users-2", FakeProcessBackend.Start.EXITS);
		this.fleet.deploy(USERS, "v2");
		await().until(() -> eventKeys().contains("event.deploy.failed"));
		await().until(() -> this.fleet.group(USERS).activity() == null);
		assertThat(ready(USERS)).extracting(Instance::id).containsExactly("users-1");
		assertThat(this.fleet.group(USERS).version()).isEqualTo("v1");
		assertThat(this.backend.alive()).hasSize(5);
	}

	@Test
	void aFailedStartIsToldAsAReasonKeySoEachViewerReadsItInTheirLanguage() {
		this.fleet.kill("users-1");
		this.backend.script("users-1", FakeProcessBackend.Start.EXITS);
		this.fleet.start("users-1");
		await().until(() -> state("users-1") == InstanceState.FAILED);
		assertThat(this.fleet.instance("users-1").error()).isEqualTo("reason.exitedBeforeReady");
		this.backend.script("users-1", FakeProcessBackend.Start.REFUSED);
		this.fleet.start("users-1");
		assertThat(this.events.recent(200)).filteredOn(e -> e.key().equals("event.failed"))
			.extracting(e -> e.args().get(1))
			.containsExactly("reason.exitedBeforeReady", "reason.launchFailed");
	}

	@Test
	void rollbackGoesBackToTheVersionBeforeTheLastDeploy() {
		assertThatThrownBy(() -> this.fleet.rollback(USERS)).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.nothingToRollBack");
		this.fleet.deploy(USERS, "v2");
		await().until(() -> "v2".equals(this.fleet.group(USERS).version()));
		this.fleet.rollback(USERS);
		await().until(() -> "v1".equals(this.fleet.group(USERS).version()) && ready(USERS).size() == 1
				&& "v1".equals(ready(USERS).get(0).version()));
		assertThat(eventKeys()).contains("event.rollback.started", "event.rollback.done");
		assertThatThrownBy(() -> this.fleet.deploy(USERS, "v9")).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.version");
	}

	@Test
	void theMonolithsDeployStopsEveryInstanceBeforeItStartsTheNewOnes() {
		this.fleet.scale(MONOLITH, 2);
		await().until(() -> ready(MONOLITH).size() == 2);
		this.backend.script("monolith-3", FakeProcessBackend.Start.HELD);
		this.backend.script("monolith-4", FakeProcessBackend.Start.HELD);
		this.fleet.deploy(MONOLITH, "v2");
		await().until(() -> this.backend.launched().stream().anyMatch(p -> p.spec().instanceId().equals("monolith-4")));
		// both new ones are starting together, and no old one is left: the app is down
		assertThat(ready(MONOLITH)).isEmpty();
		assertThat(this.backend.last("monolith-1").exit()).isDone();
		assertThat(this.backend.last("monolith-2").exit()).isDone();
		this.backend.last("monolith-3").becomeReady();
		this.backend.last("monolith-4").becomeReady();
		await().until(() -> "v2".equals(this.fleet.group(MONOLITH).version()));
		assertThat(this.fleet.instances(MONOLITH)).extracting(Instance::id).containsExactly("monolith-3", "monolith-4");
		assertThat(eventKeys()).contains("event.deploy.monolith");
	}

	@Test
	void aKillDuringADeployWaitsForItsTurnAndFindsTheOldInstanceGone() {
		this.backend.script("users-2", FakeProcessBackend.Start.HELD);
		this.fleet.deploy(USERS, "v2");
		await().until(() -> this.backend.launched().stream().anyMatch(p -> p.spec().instanceId().equals("users-2")));
		CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> this.fleet.kill("users-1"));
		// the deploy owns the service until it is done: the kill waits
		assertThat(kill).isNotDone();
		assertThat(state("users-1")).isEqualTo(InstanceState.READY);
		this.backend.last("users-2").becomeReady();
		assertThatThrownBy(kill::join).isInstanceOf(CompletionException.class)
			.cause()
			.extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.unknownInstance");
		assertThat(this.fleet.instances(USERS)).extracting(Instance::id).containsExactly("users-2");
		assertThat(state("users-2")).isEqualTo(InstanceState.READY);
		assertThat(this.backend.alive()).hasSize(5);
	}

	@Test
	void aRestartWhileStartingRunsAfterTheStartAndLeavesOneProcess() {
		this.fleet.kill("payments-1");
		this.backend.script("payments-1", FakeProcessBackend.Start.HELD);
		CompletableFuture<Void> start = CompletableFuture.runAsync(() -> this.fleet.start("payments-1"));
		await().until(() -> state("payments-1") == InstanceState.STARTING && this.backend.launched()
			.stream()
			.filter(p -> p.spec().instanceId().equals("payments-1"))
			.count() == 2);
		CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> this.fleet.restart("payments-1"));
		FakeProcessBackend.FakeProcess starting = this.backend.last("payments-1");
		this.backend.script("payments-1", FakeProcessBackend.Start.AT_ONCE);
		starting.becomeReady();
		start.join();
		restart.join();
		assertThat(starting.terminations()).isEqualTo(1);
		assertThat(this.backend.last("payments-1")).isNotSameAs(starting);
		assertThat(state("payments-1")).isEqualTo(InstanceState.READY);
		assertThat(this.backend.alive()).filteredOn(p -> p.spec().instanceId().equals("payments-1")).hasSize(1);
	}

	@Test
	void twoScalesOfOneServiceAtOnceEndAtTheLastOneAsked() {
		this.fleet.scale(POSTS, 4);
		this.fleet.scale(POSTS, 2);
		await().until(() -> eventKeys().stream().filter("event.scaled"::equals).count() == 2);
		assertThat(ready(POSTS)).hasSize(2);
		assertThat(this.backend.alive()).hasSize(6);
	}

	@Test
	void twoScalesOfTwoServicesAtOnceNeverGoBeyondTheCap() {
		CompletableFuture<Boolean> users = CompletableFuture
			.supplyAsync(() -> accepted(() -> this.fleet.scale(USERS, 5)));
		CompletableFuture<Boolean> posts = CompletableFuture
			.supplyAsync(() -> accepted(() -> this.fleet.scale(POSTS, 5)));
		// 5 at first, 4 more asked by each, 12 allowed: the places are taken when asked,
		// so exactly one is refused
		assertThat(users.join() ^ posts.join()).isTrue();
		await().until(() -> eventKeys().contains("event.scaled"));
		assertThat(this.backend.alive()).hasSize(9);
		assertThat(this.fleet.allInstances()).noneSatisfy(i -> assertThat(i.state()).isEqualTo(InstanceState.FAILED));
	}

	/** Whether the fleet took the action; a refusal must be the cap's. */
	private static boolean accepted(Runnable action) {
		try {
			action.run();
			return true;
		}
		catch (FleetProblem ex) {
			assertThat(ex.code()).isEqualTo("fleet.error.instanceCap");
			return false;
		}
	}

	@Test
	void aScaleBeyondTheCapIsRefused() {
		this.fleet.scale(USERS, 5);
		this.fleet.scale(POSTS, 4);
		assertThatThrownBy(() -> this.fleet.scale(new ServiceId(Topology.MICROSERVICES, "threads"), 2))
			.extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.instanceCap");
	}

	@Test
	void aDeployNeedsRoomForItsExtraInstance() {
		this.fleet.scale(USERS, 5);
		this.fleet.scale(POSTS, 4);
		await().until(() -> this.backend.alive().size() == 12);
		assertThatThrownBy(() -> this.fleet.deploy(USERS, "v2")).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.instanceCap");
		// the monolith's recreate stops before it starts: it needs no room
		this.fleet.deploy(MONOLITH, "v2");
		await().until(() -> "v2".equals(this.fleet.group(MONOLITH).version()));
		assertThat(ready(MONOLITH)).hasSize(1);
	}

	@Test
	void theResilienceSwitchReachesEveryReadyInstance() {
		this.fleet.kill("users-1");
		this.fleet.setResilience(false);
		assertThat(this.control.sent()).filteredOn(s -> s.endsWith("settings 12000 false retries 0")).hasSize(4);
		this.fleet.start("users-1");
		assertThat(this.backend.last("users-1").spec().fallbacks()).isFalse();
		assertThat(this.backend.last("users-1").spec().peerTimeout()).isEqualTo(FleetProperties.PATIENT);
	}

	@Test
	void retriesReachEveryReadyInstanceAndOneThatBecomesReadyLater() {
		this.fleet.kill("users-1");
		this.fleet.setRetries(2);
		assertThat(this.fleet.retries()).isEqualTo(2);
		assertThat(this.control.sent()).filteredOn(s -> s.contains(" settings ") && s.endsWith(" retries 2"))
			.hasSize(4);
		int told = this.control.sent().size();
		this.fleet.setRetries(2);
		assertThat(this.control.sent()).as("the same value again tells nobody").hasSize(told);
		this.fleet.start("users-1");
		await().until(() -> this.control.sent().stream().anyMatch(s -> s.matches("users-1 settings .* retries 2")));
		assertThatThrownBy(() -> this.fleet.setRetries(4)).extracting(e -> ((FleetProblem) e).code())
			.isEqualTo("fleet.error.retries");
		assertThat(this.fleet.retries()).isEqualTo(2);
	}

	@Test
	void theDeadlineBudgetIsTheGatewaysAloneAndLogged() {
		int told = this.control.sent().size();
		this.fleet.setDeadline(true);
		assertThat(this.fleet.deadline()).isTrue();
		assertThat(this.control.sent()).as("the processes honour whatever deadline a request carries").hasSize(told);
	}

	@Test
	void anInstanceIsChangedOnlyByItsServicesWorker() {
		ServiceGroup users = this.fleet.group(USERS);
		assertThatThrownBy(() -> users.newInstance("v2")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("off its worker");
		assertThatThrownBy(() -> users.stop(this.fleet.instance("users-1"))).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void shutdownEndsEveryProcess() {
		this.fleet.scale(POSTS, 2);
		await().until(() -> this.backend.alive().size() == 6);
		this.fleet.shutdown();
		assertThat(this.backend.alive()).isEmpty();
	}

}
