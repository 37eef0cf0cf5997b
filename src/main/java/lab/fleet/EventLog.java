package lab.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * What happened to the fleet, newest last ("payments-1 killed"), kept for the live view.
 * Listeners hear about every event and every state change at once, so a kill shows on the
 * page without waiting for the next periodic update.
 */
@Component
public class EventLog {

	private static final int KEEP = 200;

	private final ArrayDeque<FleetEvent> events = new ArrayDeque<>();

	private final AtomicLong sequence = new AtomicLong();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * @param key a message key ({@code event.killed} …) whose arguments are {@code args}
	 * @param problem shown as a failure in the log
	 * @param actor who asked for it: an opaque tag of a visitor's page, or null when the
	 * fleet itself did it
	 */
	public record FleetEvent(long id, long at, String topology, String key, List<String> args, boolean problem,
			String actor) {
	}

	public void add(String topology, String key, boolean problem, Object... args) {
		addBy(null, topology, key, problem, args);
	}

	/** An event a visitor caused, tagged with their page's opaque {@code actor} tag. */
	public void addBy(String actor, String topology, String key, boolean problem, Object... args) {
		List<String> text = new ArrayList<>();
		for (Object a : args) {
			text.add(String.valueOf(a));
		}
		FleetEvent event = new FleetEvent(this.sequence.incrementAndGet(), System.currentTimeMillis(), topology, key,
				List.copyOf(text), problem, actor);
		synchronized (this.events) {
			this.events.addLast(event);
			while (this.events.size() > KEEP) {
				this.events.removeFirst();
			}
		}
		changed();
	}

	/** The newest {@code max} events, oldest first. */
	public List<FleetEvent> recent(int max) {
		synchronized (this.events) {
			List<FleetEvent> all = new ArrayList<>(this.events);
			return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
		}
	}

	/** Something changed (a state, an event): tell the listeners now. */
	public void changed() {
		for (Runnable listener : this.listeners) {
			listener.run();
		}
	}

	public void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

}
