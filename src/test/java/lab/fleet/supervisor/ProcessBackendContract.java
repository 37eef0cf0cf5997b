package lab.fleet.supervisor;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link ProcessBackend} promises the supervisor. Each backend runs this same
 * suite: the fake one in milliseconds ({@code FakeProcessBackendTest}), the local one on
 * real processes ({@code LocalProcessBackendIT}).
 */
abstract class ProcessBackendContract {

	private final List<ProcessBackend.Running> launched = new ArrayList<>();

	protected abstract ProcessBackend backend();

	/** What to run for a process that starts normally. */
	protected abstract ProcessBackend.Spec startable(String instanceId);

	/** What to run for a process that cannot start (it exits before it is ready). */
	protected abstract ProcessBackend.Spec unstartable(String instanceId);

	/** Makes a ready process end by itself, from the inside, as a crash would. */
	protected abstract void crashFromInside(ProcessBackend.Running running);

	/** How long a start may take with this backend. */
	protected abstract Duration patience();

	private ProcessBackend.Running launch(ProcessBackend.Spec spec) throws IOException {
		ProcessBackend.Running running = backend().launch(spec);
		this.launched.add(running);
		return running;
	}

	private int ready(ProcessBackend.Running running) throws Exception {
		return running.ready().get(patience().toMillis(), TimeUnit.MILLISECONDS);
	}

	@AfterEach
	void nothingOutlivesATest() {
		this.launched.forEach(ProcessBackend.Running::kill);
		this.launched.forEach(r -> await().atMost(patience()).until(() -> r.exit().isDone()));
	}

	@Test
	void aLaunchedProcessBecomesReadyOnAPortOfItsOwn() throws Exception {
		ProcessBackend.Running first = launch(startable("contract-1"));
		ProcessBackend.Running second = launch(startable("contract-2"));
		assertThat(ready(first)).isPositive();
		assertThat(ready(second)).isPositive().isNotEqualTo(ready(first));
		assertThat(first.pid()).isPositive().isNotEqualTo(second.pid());
		assertThat(first.exit()).isNotDone();
	}

	@Test
	void terminateEndsAReadyProcess() throws Exception {
		ProcessBackend.Running running = launch(startable("contract-1"));
		ready(running);
		running.terminate();
		await().atMost(patience()).until(() -> running.exit().isDone());
		assertThat(running.exit()).isCompleted();
	}

	@Test
	void killEndsAProcessAndIsHarmlessWhenRepeated() throws Exception {
		ProcessBackend.Running running = launch(startable("contract-1"));
		ready(running);
		running.kill();
		await().atMost(patience()).until(() -> running.exit().isDone());
		int code = running.exit().get();
		running.kill();
		running.terminate();
		assertThat(running.exit().get()).isEqualTo(code);
	}

	@Test
	void anExitNobodyAskedForCompletesExit() throws Exception {
		ProcessBackend.Running running = launch(startable("contract-1"));
		ready(running);
		crashFromInside(running);
		await().atMost(patience()).until(() -> running.exit().isDone());
		assertThat(running.exit().get()).isNotZero();
	}

	@Test
	void aProcessThatCannotStartIsNeverReadyAndEnds() {
		ProcessBackend.Running running;
		try {
			running = launch(unstartable("contract-1"));
		}
		catch (IOException refused) {
			// refusing at once keeps the promise too
			return;
		}
		await().atMost(patience()).until(() -> running.exit().isDone());
		assertThatThrownBy(() -> running.ready().get(patience().toMillis(), TimeUnit.MILLISECONDS))
			.isInstanceOf(ExecutionException.class);
	}

}
