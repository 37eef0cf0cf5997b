package lab.fleet.load;

/**
 * One load run as the live view shows it: its settings and how far it got. {@code failed}
 * counts the system's failures; {@code dropped} the requests the generator could not send
 * (see LoadGenerator).
 */
public record LoadView(long id, String topology, String feature, int rps, int seconds, long sent, long failed,
		boolean running, long dropped) {
}
