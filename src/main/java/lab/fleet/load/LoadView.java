package lab.fleet.load;

/** One load run as the live view shows it: its settings and how far it got. */
public record LoadView(long id, String topology, String feature, int rps, int seconds, long sent, long failed,
		boolean running) {
}
