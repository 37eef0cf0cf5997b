package lab.fleet.supervisor;

/**
 * The site's line to one running instance, beside its business API: its chaos, its crash
 * button and its resilience settings. Over HTTP for real processes
 * ({@link InstanceClient}); scripted in tests.
 */
public interface InstanceControl {

	/** Latency and errors on a share of its requests. */
	void chaos(Instance instance, Instance.Chaos chaos);

	/** Makes the process exit at once, from the inside, as a real crash would. */
	void crash(Instance instance);

	/**
	 * Its timeout on calls to peers, whether it degrades (fallbacks) when a peer fails,
	 * and how many times it repeats a failed idempotent call to a peer.
	 */
	void settings(Instance instance, long peerTimeoutMs, boolean fallbacks, int retries);

}
