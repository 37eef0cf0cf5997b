package lab.classes;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import lab.content.Lang;
import lab.fleet.EventLog;
import lab.fleet.live.FleetView;
import lab.fleet.live.FleetViews;
import lab.walkthrough.Step;
import lab.walkthrough.Walkthrough;
import lab.walkthrough.WalkthroughStore;

/**
 * The live classes and every open stream. One thread, {@code class-hub}, owns all of it:
 * the classes, their steps and the followers; HTTP requests hand it work and wait for the
 * answer. A step change is written to every follower at once; the fleet's state goes out
 * on every change (within a few tens of milliseconds) and otherwise once a second,
 * serialized once per language and channel and shared by all followers of that channel.
 * Writes never block (see {@link Follower}).
 */
@Component
class ClassHub {

	static final String CLASS_CHANNEL = "class:";

	static final String WALKTHROUGH_CHANNEL = "walkthrough:";

	private static final long DEBOUNCE_MS = 30;

	/** Followers written to in one go before the owner thread takes other work. */
	private static final int FOLLOWERS_PER_TURN = 50;

	private static final long CALL_SECONDS = 5;

	private static final int KEEP_ENDED = 500;

	private static final byte[] HEARTBEAT = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

	private final ClassesProperties properties;

	private final WalkthroughStore walkthroughs;

	private final FleetViews views;

	private final JsonMapper json;

	/** The fleet's state as followers need it (see {@link FollowerJson}). */
	private final JsonMapper fleetJson;

	private final JoinCodes codes = new JoinCodes();

	private final SecureRandom random = new SecureRandom();

	private final Map<String, LiveClass> classes = new LinkedHashMap<>();

	/**
	 * Codes of classes that ended, so a late visitor learns it ended rather than that it
	 * never was.
	 */
	private final Set<String> ended = new LinkedHashSet<>();

	private final Map<String, List<Follower>> channels = new HashMap<>();

	private final AtomicBoolean pending = new AtomicBoolean();

	private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "class-hub");
		t.setDaemon(true);
		return t;
	});

	private int followers;

	/** The latest fleet push (owner thread only): an older one still under way stops. */
	private long fleetPush;

	ClassHub(ClassesProperties properties, WalkthroughStore walkthroughs, FleetViews views, EventLog events,
			JsonMapper json) {
		this.properties = properties;
		this.walkthroughs = walkthroughs;
		this.views = views;
		this.json = json;
		this.fleetJson = FollowerJson.mapper(json);
		events.onChange(this::soon);
		long fleet = properties.fleetInterval().toMillis();
		this.owner.scheduleAtFixedRate(this::pushFleet, fleet, fleet, TimeUnit.MILLISECONDS);
		long beat = properties.heartbeat().toMillis();
		this.owner.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
	}

	// ---------------------------------------------------------------- classes (called
	// from requests)

	ClassState start(String walkthrough) {
		if (walkthrough == null || walkthrough.isBlank()) {
			throw new ClassProblem(HttpStatus.BAD_REQUEST, "class.error.noWalkthrough");
		}
		Walkthrough w = this.walkthroughs.find(Lang.EN, walkthrough)
			.orElseThrow(() -> new ClassProblem(HttpStatus.NOT_FOUND, "class.error.walkthrough",
					String.valueOf(walkthrough)));
		return call(() -> {
			expireIdle();
			if (this.classes.size() >= this.properties.maxClasses()) {
				throw new ClassProblem(HttpStatus.SERVICE_UNAVAILABLE, "class.error.tooMany");
			}
			String code;
			do {
				code = this.codes.next();
			}
			while (this.classes.containsKey(code) || this.ended.contains(code));
			byte[] secret = new byte[24];
			this.random.nextBytes(secret);
			LiveClass c = new LiveClass(code, w.slug(), w.count(), HexFormat.of().formatHex(secret),
					System.currentTimeMillis());
			this.classes.put(code, c);
			return c.state(false);
		});
	}

	ClassState state(String code) {
		return call(() -> live(code).state(false));
	}

	/** The driver's secret, for the controller's check of who may move the class. */
	String driverToken(String code) {
		return call(() -> live(code).driverToken);
	}

	ClassState move(String code, int step) {
		return call(() -> {
			LiveClass c = live(code);
			if (step < 1 || step > c.steps) {
				throw new ClassProblem(HttpStatus.BAD_REQUEST, "class.error.step", step, c.steps);
			}
			c.lastMove = System.currentTimeMillis();
			if (c.step != step) {
				c.step = step;
				c.version++;
				Map<Locale, byte[]> events = new HashMap<>();
				for (Follower f : channel(CLASS_CHANNEL + code)) {
					f.offer(events.computeIfAbsent(f.locale(), l -> stepEvent(c, l)));
				}
			}
			return c.state(false);
		});
	}

	ClassState end(String code) {
		return call(() -> {
			LiveClass c = live(code);
			finish(c);
			return c.state(true);
		});
	}

	// ---------------------------------------------------------------- streams

	/**
	 * Checks that a class can be followed, before the response is committed to a stream.
	 */
	void checkFollowable(String code) {
		state(code);
	}

	/** Checks there is room for one more stream. */
	void checkRoom() {
		call(() -> {
			if (this.followers >= this.properties.maxFollowers()) {
				throw new ClassProblem(HttpStatus.SERVICE_UNAVAILABLE, "class.error.full");
			}
			return null;
		});
	}

	/**
	 * Adds an open stream: the retry delay, then the current step unless
	 * {@code lastEventId} says the browser has it already, then the fleet's state. Runs
	 * on the owner thread, so no step change can slip in between.
	 */
	void follow(Follower follower, long lastEventId) {
		this.owner.execute(() -> {
			String channel = follower.channel();
			LiveClass c = channel.startsWith(CLASS_CHANNEL)
					? this.classes.get(channel.substring(CLASS_CHANNEL.length())) : null;
			if (channel.startsWith(CLASS_CHANNEL) && c == null) {
				follower.offer(endEvent(0));
				follower.close();
				return;
			}
			this.channels.computeIfAbsent(channel, k -> new ArrayList<>()).add(follower);
			this.followers++;
			follower.offer("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
			if (c != null && lastEventId != c.version) {
				follower.offer(stepEvent(c, follower.locale()));
			}
			FleetView view = this.views.view(follower.locale());
			follower.offer(fleetEvent(channel, c, this.fleetJson.writeValueAsBytes(view), view));
		});
	}

	void unfollow(Follower follower) {
		this.owner.execute(() -> {
			List<Follower> list = this.channels.get(follower.channel());
			if (list != null && list.remove(follower)) {
				this.followers--;
				if (list.isEmpty()) {
					this.channels.remove(follower.channel());
				}
			}
		});
	}

	// ---------------------------------------------------------------- on the owner
	// thread

	private LiveClass live(String code) {
		String canonical = JoinCodes.normalize(code)
			.orElseThrow(() -> new ClassProblem(HttpStatus.NOT_FOUND, "class.error.unknown", String.valueOf(code)));
		expireIdle();
		LiveClass c = this.classes.get(canonical);
		if (c == null) {
			throw new ClassProblem(HttpStatus.NOT_FOUND,
					this.ended.contains(canonical) ? "class.error.ended" : "class.error.unknown", canonical);
		}
		return c;
	}

	private void finish(LiveClass c) {
		this.classes.remove(c.code);
		this.ended.add(c.code);
		if (this.ended.size() > KEEP_ENDED) {
			this.ended.remove(this.ended.iterator().next());
		}
		for (Follower f : channel(CLASS_CHANNEL + c.code)) {
			f.offer(endEvent(c.step));
			f.close();
		}
	}

	private void expireIdle() {
		long cutoff = System.currentTimeMillis() - this.properties.idleTimeout().toMillis();
		for (LiveClass c : List.copyOf(this.classes.values())) {
			if (c.lastMove < cutoff) {
				finish(c);
			}
		}
	}

	private List<Follower> channel(String name) {
		return List.copyOf(this.channels.getOrDefault(name, List.of()));
	}

	private void soon() {
		if (!this.pending.compareAndSet(false, true)) {
			return;
		}
		try {
			this.owner.schedule(() -> {
				this.pending.set(false);
				pushFleet();
			}, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed (the site is stopping, its demo processes still exiting): nobody is
			// left to tell
		}
	}

	/**
	 * Sends the fleet's state to every follower, a turn of {@link #FOLLOWERS_PER_TURN} at
	 * a time: between turns the owner thread runs what was queued meanwhile, so a step
	 * change waits for one turn, not for a whole push to hundreds of followers. A newer
	 * push supersedes what is left of an older one (it reaches every follower too).
	 */
	private void pushFleet() {
		if (this.channels.isEmpty()) {
			return;
		}
		Map<Locale, FleetView> views = new HashMap<>();
		Map<Locale, byte[]> viewJson = new HashMap<>();
		Map<String, byte[]> events = new HashMap<>();
		List<Delivery> deliveries = new ArrayList<>();
		for (Map.Entry<String, List<Follower>> e : List.copyOf(this.channels.entrySet())) {
			String channel = e.getKey();
			LiveClass c = channel.startsWith(CLASS_CHANNEL)
					? this.classes.get(channel.substring(CLASS_CHANNEL.length())) : null;
			for (Follower f : List.copyOf(e.getValue())) {
				Locale locale = f.locale();
				FleetView view = views.computeIfAbsent(locale, this.views::view);
				byte[] event = events.computeIfAbsent(channel + "|" + locale, k -> fleetEvent(channel, c,
						viewJson.computeIfAbsent(locale, l -> this.fleetJson.writeValueAsBytes(view)), view));
				deliveries.add(new Delivery(f, event));
			}
		}
		deliver(deliveries, 0, ++this.fleetPush);
	}

	private void deliver(List<Delivery> deliveries, int from, long push) {
		if (push != this.fleetPush) {
			return;
		}
		int to = Math.min(from + FOLLOWERS_PER_TURN, deliveries.size());
		for (Delivery d : deliveries.subList(from, to)) {
			d.follower().offer(d.event());
		}
		if (to < deliveries.size()) {
			this.owner.execute(() -> deliver(deliveries, to, push));
		}
	}

	private record Delivery(Follower follower, byte[] event) {
	}

	private void heartbeat() {
		expireIdle();
		for (List<Follower> list : List.copyOf(this.channels.values())) {
			for (Follower f : List.copyOf(list)) {
				f.offer(HEARTBEAT);
			}
		}
	}

	// ---------------------------------------------------------------- events

	private byte[] stepEvent(LiveClass c, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("code", c.code);
		data.put("walkthrough", c.walkthrough);
		data.put("step", c.step);
		data.put("steps", c.steps);
		// from the source tree an edit may have taken steps away while the class runs
		data.put("title",
				this.walkthroughs.find(lang(locale), c.walkthrough)
					.filter(w -> w.hasStep(c.step))
					.map(w -> w.step(c.step).title())
					.orElse(""));
		data.put("ended", false);
		return event(c.version, "step", bytes(data));
	}

	private byte[] endEvent(int step) {
		return event(-1, "end", bytes(Map.of("step", step, "ended", true)));
	}

	/**
	 * {@code {"step": n, "checks": {...}, "fleet": {...}}}: the view's JSON is spliced
	 * in, not serialized again.
	 */
	private byte[] fleetEvent(String channel, LiveClass c, byte[] viewJson, FleetView view) {
		String slug = (c != null) ? c.walkthrough : channel.substring(channel.indexOf(':') + 1);
		Map<String, Boolean> checks = new LinkedHashMap<>();
		this.walkthroughs.find(Lang.EN, slug).ifPresent(w -> {
			for (Step s : w.steps()) {
				if (s.check() != null) {
					checks.put(String.valueOf(s.number()), s.check().met(view));
				}
			}
		});
		StringBuilder head = new StringBuilder("{");
		if (c != null) {
			head.append("\"step\":").append(c.step).append(',');
		}
		head.append("\"checks\":").append(new String(bytes(checks), StandardCharsets.UTF_8)).append(",\"fleet\":");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] data = new byte[start.length + viewJson.length + 1];
		System.arraycopy(start, 0, data, 0, start.length);
		System.arraycopy(viewJson, 0, data, start.length, viewJson.length);
		data[data.length - 1] = '}';
		return event(-1, "fleet", data);
	}

	private static byte[] event(long id, String name, byte[] data) {
		String head = ((id >= 0) ? "id: " + id + "\n" : "") + "event: " + name + "\ndata: ";
		byte[] h = head.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[h.length + data.length + 2];
		System.arraycopy(h, 0, out, 0, h.length);
		System.arraycopy(data, 0, out, h.length, data.length);
		out[out.length - 2] = '\n';
		out[out.length - 1] = '\n';
		return out;
	}

	private byte[] bytes(Object value) {
		return this.json.writeValueAsBytes(value);
	}

	static Lang lang(Locale locale) {
		return Lang.of(locale.getLanguage()).orElse(Lang.EN);
	}

	private <T> T call(Callable<T> work) {
		try {
			return this.owner.submit(work).get(CALL_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ClassProblem(HttpStatus.SERVICE_UNAVAILABLE, "class.error.busy");
		}
		catch (TimeoutException ex) {
			throw new ClassProblem(HttpStatus.SERVICE_UNAVAILABLE, "class.error.busy");
		}
	}

	@PreDestroy
	void close() {
		this.owner.shutdownNow();
		this.channels.values().forEach(list -> List.copyOf(list).forEach(Follower::close));
	}

}
