package lab.fleet.supervisor;

import java.util.Optional;

/**
 * Turns what to run into how to run it on this machine. The local backend asks each
 * launcher in turn and takes the first answer; the Java launcher, last, answers for every
 * role and version. A non-Java implementation of a service (a version written in Python,
 * say) adds a launcher of its own.
 */
public interface Launcher {

	/** The command for {@code spec}, or empty when this launcher does not run it. */
	Optional<LaunchSpec> plan(ProcessBackend.Spec spec);

}
