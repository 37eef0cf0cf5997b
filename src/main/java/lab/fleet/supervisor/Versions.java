package lab.fleet.supervisor;

import java.util.List;

import lab.chassis.PythonThreads;
import lab.fleet.FleetProblem;
import lab.fleet.ServiceId;
import lab.fleet.Topology;

/**
 * Which versions each service can run, and on which runtime: every service has v1 and v2
 * on Java; Threads in the microservices also has v3, written in Python with its own
 * SQLite database. The monolith cannot have it: its four modules share one process, one
 * runtime and one database.
 */
public final class Versions {

	static final List<String> JAVA = List.of("v1", "v2");

	private static final List<String> WITH_PYTHON = List.of("v1", "v2", PythonThreads.VERSION);

	private Versions() {
	}

	/** The versions a deploy may choose for {@code service}. */
	public static List<String> of(ServiceId service) {
		return offersPython(service) ? WITH_PYTHON : JAVA;
	}

	/** {@code python} or {@code java}. */
	public static String runtime(ServiceId service, String version) {
		return offersPython(service) && PythonThreads.VERSION.equals(version) ? "python" : "java";
	}

	/**
	 * The version if {@code service} can run it; otherwise a localized refusal that says
	 * why (the monolith and v3 get their own explanation).
	 */
	static String check(ServiceId service, String version) {
		if (of(service).contains(version)) {
			return version;
		}
		if (PythonThreads.VERSION.equals(version)) {
			if (service.topology() == Topology.MONOLITH) {
				throw FleetProblem.badRequest("fleet.error.versionMonolith");
			}
			throw FleetProblem.badRequest("fleet.error.versionFor", "service." + service.name(), version);
		}
		throw FleetProblem.badRequest("fleet.error.version", String.join(", ", of(service)));
	}

	private static boolean offersPython(ServiceId service) {
		return service.topology() == Topology.MICROSERVICES
				&& PythonThreads.serves(service.name(), PythonThreads.VERSION);
	}

}
