package lab.fleet.live;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpStatus;

import lab.fleet.FleetProblem;

/**
 * The caps on live streams: so many in all, and so many per client address, where
 * loopback (the learner alone on this machine, the tests, the benchmarks) is not counted
 * per address.
 */
final class StreamAdmission {

	private final int maxStreams;

	private final int maxPerAddress;

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

	StreamAdmission(int maxStreams, int maxPerAddress) {
		this.maxStreams = maxStreams;
		this.maxPerAddress = maxPerAddress;
	}

	/**
	 * Counts a new stream from {@code address}, or refuses it (429) and counts nothing.
	 */
	void admit(String address) {
		if (this.open.incrementAndGet() > this.maxStreams) {
			this.open.decrementAndGet();
			throw new FleetProblem(HttpStatus.TOO_MANY_REQUESTS, "fleet.error.streams", this.maxStreams);
		}
		if (!loopback(address)) {
			AtomicInteger mine = this.perAddress.computeIfAbsent(address, a -> new AtomicInteger());
			if (mine.incrementAndGet() > this.maxPerAddress) {
				mine.decrementAndGet();
				this.open.decrementAndGet();
				throw new FleetProblem(HttpStatus.TOO_MANY_REQUESTS, "fleet.error.streamsPerAddress",
						this.maxPerAddress);
			}
		}
	}

	/**
	 * Forgets a stream admitted for {@code address}; call it once per admitted stream.
	 */
	void release(String address) {
		this.open.decrementAndGet();
		if (!loopback(address)) {
			this.perAddress.computeIfPresent(address, (a, n) -> (n.decrementAndGet() <= 0) ? null : n);
		}
	}

	int open() {
		return this.open.get();
	}

	static boolean loopback(String address) {
		try {
			// an IP literal, as the servlet container gives it: no name lookup happens
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
