package lab.fleet.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The fake backend keeps the same contract as the real one, so tests on it say something.
 */
class FakeProcessBackendTest extends ProcessBackendContract {

	private final FakeProcessBackend backend = new FakeProcessBackend();

	@Override
	protected ProcessBackend backend() {
		return this.backend;
	}

	@Override
	protected ProcessBackend.Spec startable(String instanceId) {
		return spec(instanceId);
	}

	@Override
	protected ProcessBackend.Spec unstartable(String instanceId) {
		this.backend.script(instanceId, FakeProcessBackend.Start.EXITS);
		return spec(instanceId);
	}

	@Override
	protected void crashFromInside(ProcessBackend.Running running) {
		((FakeProcessBackend.FakeProcess) running).exitsBy(1);
	}

	@Override
	protected Duration patience() {
		return Duration.ofSeconds(1);
	}

	private static ProcessBackend.Spec spec(String instanceId) {
		return new ProcessBackend.Spec("users", instanceId, "v1", Path.of("unused"), Map.of(), Duration.ofMillis(400),
				true, Path.of("unused.log"), "secret");
	}

}
