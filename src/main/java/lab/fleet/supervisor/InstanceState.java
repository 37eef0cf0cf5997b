package lab.fleet.supervisor;

/** Where an instance is in its life. */
public enum InstanceState {

	/** Launched, not yet ready. */
	STARTING,
	/** Ready and taking traffic (unless draining). */
	READY,
	/** Asked to stop; finishing what it has. */
	STOPPING,
	/** Stopped on purpose. */
	STOPPED,
	/** Killed on purpose (SIGKILL). */
	KILLED,
	/** Exited without being asked to (a crash). */
	CRASHED,
	/** Could not start. */
	FAILED;

	public boolean running() {
		return this == STARTING || this == READY || this == STOPPING;
	}

}
