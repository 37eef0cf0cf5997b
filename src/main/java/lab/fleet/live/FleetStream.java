package lab.fleet.live;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import lab.fleet.EventLog;

/**
 * {@code GET /api/fleet/stream}: the live view, pushed with Server-Sent Events. A state change or an
 * event is pushed within a few tens of milliseconds; otherwise the figures are refreshed every
 * second. The page never polls.
 */
@RestController
class FleetStream {

	private static final long EMITTER_TIMEOUT_MS = 30 * 60 * 1000L;

	private static final long DEBOUNCE_MS = 30;

	private final FleetViews views;

	private final Map<SseEmitter, Locale> clients = new ConcurrentHashMap<>();

	private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "fleet-stream");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	FleetStream(FleetViews views, EventLog events) {
		this.views = views;
		events.onChange(this::soon);
		this.pusher.scheduleAtFixedRate(this::push, 1, 1, TimeUnit.SECONDS);
	}

	@GetMapping(path = "/api/fleet/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Locale locale) {
		SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
		emitter.onCompletion(() -> this.clients.remove(emitter));
		emitter.onTimeout(() -> this.clients.remove(emitter));
		emitter.onError(e -> this.clients.remove(emitter));
		this.clients.put(emitter, locale);
		this.pusher.execute(() -> send(emitter, locale, this.views.view(locale)));
		return emitter;
	}

	private void soon() {
		if (this.pending.compareAndSet(false, true)) {
			this.pusher.schedule(() -> {
				this.pending.set(false);
				push();
			}, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
		}
	}

	private void push() {
		if (this.clients.isEmpty()) {
			return;
		}
		Map<Locale, FleetView> byLocale = new ConcurrentHashMap<>();
		this.clients.forEach((emitter, locale) -> send(emitter, locale, byLocale.computeIfAbsent(locale, this.views::view)));
	}

	private void send(SseEmitter emitter, Locale locale, FleetView view) {
		try {
			emitter.send(SseEmitter.event().name("fleet").data(view, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			this.clients.remove(emitter);
		}
	}

	@PreDestroy
	void close() {
		this.pusher.shutdownNow();
		this.clients.keySet().forEach(SseEmitter::complete);
	}

}
