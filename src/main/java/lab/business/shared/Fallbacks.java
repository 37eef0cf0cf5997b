package lab.business.shared;

/**
 * Whether a module may answer a read with less when a peer module fails (a feed without
 * author names, flagged {@code degraded}), or must fail with {@code peer.unavailable}
 * too. On by default; the lab turns it off at run time to show how a failure cascades
 * without this fallback.
 */
@FunctionalInterface
public interface Fallbacks {

	/**
	 * Always degrade (the default, and what an in-process module needs: its peers never
	 * fail).
	 */
	Fallbacks ON = () -> true;

	/** Never degrade: a failed peer fails the read. */
	Fallbacks OFF = () -> false;

	/** Asked on every read that a peer failed, so a switch takes effect at once. */
	boolean enabled();

}
