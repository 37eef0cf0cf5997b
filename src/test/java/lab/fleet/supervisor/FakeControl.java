package lab.fleet.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The instances' control line in a test: records what was sent; a crash ends the fake
 * process.
 */
final class FakeControl implements InstanceControl {

	private final FakeProcessBackend backend;

	private final List<String> sent = new CopyOnWriteArrayList<>();

	FakeControl(FakeProcessBackend backend) {
		this.backend = backend;
	}

	@Override
	public void chaos(Instance instance, Instance.Chaos chaos) {
		this.sent
			.add(instance.id() + " chaos " + chaos.latencyMs() + " " + chaos.latencyShare() + " " + chaos.errorShare());
	}

	@Override
	public void crash(Instance instance) {
		this.sent.add(instance.id() + " crash");
		this.backend.last(instance.id()).exitsBy(1);
	}

	@Override
	public void settings(Instance instance, long peerTimeoutMs, boolean fallbacks, int retries) {
		this.sent.add(instance.id() + " settings " + peerTimeoutMs + " " + fallbacks + " retries " + retries);
	}

	List<String> sent() {
		return List.copyOf(this.sent);
	}

}
