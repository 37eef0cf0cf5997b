package lab.fleet.live;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import lab.fleet.Daemons;
import lab.fleet.EventLog;

/**
 * {@code GET /api/fleet/stream}: the live view, pushed with Server-Sent Events. A state
 * change or an event is pushed within a few tens of milliseconds; otherwise the figures
 * are refreshed every second. The page never polls.
 * <p>
 * No client can hold up the others: the pusher only puts each view in the client's own
 * bounded queue, and a small pool of writers drains the queues. A client that falls
 * behind by a whole queue (a laptop gone to sleep, a full TCP window) is dropped; its
 * browser's EventSource reconnects by itself and starts again from the current view.
 * Streams are capped in all and per client address ({@link LiveProperties}).
 */
@RestController
class FleetStream {

	private static final long EMITTER_TIMEOUT_MS = 30 * 60 * 1000L;

	private static final long DEBOUNCE_MS = 30;

	private static final int WRITERS = 16;

	private final FleetViews views;

	private final LiveProperties limits;

	private final Map<SseEmitter, Client> clients = new ConcurrentHashMap<>();

	private final StreamAdmission admission;

	private final ScheduledExecutorService pusher = Executors
		.newSingleThreadScheduledExecutor(Daemons.named("fleet-stream"));

	private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, Daemons.named("fleet-stream-writer"));

	private final AtomicBoolean pending = new AtomicBoolean();

	FleetStream(FleetViews views, EventLog events, LiveProperties limits) {
		this.views = views;
		this.limits = limits;
		this.admission = new StreamAdmission(limits.maxStreams(), limits.maxStreamsPerAddress());
		events.onChange(this::soon);
		this.pusher.scheduleAtFixedRate(this::push, 1, 1, TimeUnit.SECONDS);
	}

	/**
	 * One open stream: its language, its address, and the views not yet written to it.
	 */
	private final class Client {

		final SseEmitter emitter;

		final Locale locale;

		final String address;

		final BlockingQueue<FleetView> queue;

		final AtomicBoolean writing = new AtomicBoolean();

		final AtomicBoolean gone = new AtomicBoolean();

		Client(SseEmitter emitter, Locale locale, String address) {
			this.emitter = emitter;
			this.locale = locale;
			this.address = address;
			this.queue = new ArrayBlockingQueue<>(FleetStream.this.limits.queue());
		}

		/** Queues a view, and drops the client if it has fallen a whole queue behind. */
		void offer(FleetView view) {
			if (!this.queue.offer(view)) {
				drop(this);
				this.emitter.complete();
				return;
			}
			if (this.writing.compareAndSet(false, true)) {
				FleetStream.this.writers.execute(this::drain);
			}
		}

		private void drain() {
			while (true) {
				FleetView view = this.queue.poll();
				if (view == null) {
					this.writing.set(false);
					// a view queued between the poll and the flag: drain it too, unless
					// another writer took over
					if (this.queue.isEmpty() || !this.writing.compareAndSet(false, true)) {
						return;
					}
					continue;
				}
				try {
					this.emitter.send(SseEmitter.event().name("fleet").data(view, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					drop(this);
					this.writing.set(false);
					return;
				}
			}
		}

	}

	@GetMapping(path = "/api/fleet/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Locale locale, HttpServletRequest request) {
		return open(new SseEmitter(EMITTER_TIMEOUT_MS), locale, request.getRemoteAddr());
	}

	/** Admits a stream from {@code address} and sends it the current view at once. */
	SseEmitter open(SseEmitter emitter, Locale locale, String address) {
		this.admission.admit(address);
		Client client = new Client(emitter, locale, address);
		emitter.onCompletion(() -> drop(client));
		emitter.onTimeout(() -> drop(client));
		emitter.onError(e -> drop(client));
		this.clients.put(emitter, client);
		this.pusher.execute(() -> client.offer(this.views.view(locale)));
		return emitter;
	}

	/** Forgets a stream, once, whichever way it ended. */
	private void drop(Client client) {
		if (!client.gone.compareAndSet(false, true)) {
			return;
		}
		this.clients.remove(client.emitter);
		this.admission.release(client.address);
	}

	private void soon() {
		if (!this.pending.compareAndSet(false, true)) {
			return;
		}
		try {
			this.pusher.schedule(() -> {
				this.pending.set(false);
				push();
			}, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed (the site is stopping, its demo processes still exiting): nobody is
			// left to tell
		}
	}

	private void push() {
		if (this.clients.isEmpty()) {
			return;
		}
		Map<Locale, FleetView> byLocale = new ConcurrentHashMap<>();
		this.clients.values()
			.forEach(client -> client.offer(byLocale.computeIfAbsent(client.locale, this.views::view)));
	}

	@PreDestroy
	void close() {
		this.pusher.shutdownNow();
		this.writers.shutdownNow();
		this.clients.keySet().forEach(SseEmitter::complete);
	}

}
