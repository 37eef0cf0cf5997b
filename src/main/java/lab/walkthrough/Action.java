package lab.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.fleet.live.FleetView;

/**
 * One action of a step, from a closed vocabulary the fleet already knows, written in a
 * walkthrough file as a short sentence ({@code kill payments}, {@code scale posts 3},
 * {@code resilience off}, {@code load both feed 40 60}). An unknown verb or a bad
 * argument stops the site's start, so no presenter meets a broken button in front of a
 * class. Each action becomes calls of the fleet's own control API, resolved against the
 * fleet's state when the button is pressed.
 *
 * @param verb what to do
 * @param target the service it acts on, or null for the fleet-wide verbs
 * @param values the verb's other words (a latency, a version, a load's shape)
 * @param text the action as the file writes it
 */
public record Action(Verb verb, Target target, List<String> values, String text) {

	static final List<String> TOPOLOGIES = List.of("monolith", "microservices", "both");

	static final List<String> FEATURES = List.of("feed", "users", "post", "reply", "tip");

	/** The vocabulary. */
	public enum Verb {

		START, STOP, KILL, CRASH, SLOW, ERRORS, HEAL, SCALE, DEPLOY, ROLLBACK, RESILIENCE, AUTO_RESTART, LOAD;

		/** The verb as files write it. */
		public String word() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Verb of(String word) {
			for (Verb v : values()) {
				if (v.word().equals(word)) {
					return v;
				}
			}
			return null;
		}

	}

	/** Reads one action; throws {@link IllegalArgumentException} naming what is wrong. */
	public static Action parse(String text) {
		Words w = Words.of(text);
		Verb verb = Verb.of(w.verb());
		if (verb == null) {
			throw w.bad("unknown action, one of " + List.of(Verb.values()).stream().map(Verb::word).toList());
		}
		return switch (verb) {
			case START, STOP, KILL, CRASH, HEAL, ROLLBACK -> {
				w.expect(2);
				yield new Action(verb, w.target(1), List.of(), w.text());
			}
			case SLOW -> {
				w.expect(3);
				yield new Action(verb, w.target(1), List.of(String.valueOf(w.whole(2, 1, 10000))), w.text());
			}
			case ERRORS -> {
				w.expect(3);
				yield new Action(verb, w.target(1), List.of(String.valueOf(w.whole(2, 1, 100))), w.text());
			}
			case SCALE -> {
				w.expect(3);
				yield new Action(verb, w.target(1), List.of(String.valueOf(w.whole(2, 1, 5))), w.text());
			}
			case DEPLOY -> {
				w.expect(3);
				yield new Action(verb, w.target(1), List.of(w.version(2)), w.text());
			}
			case RESILIENCE, AUTO_RESTART -> {
				w.expect(2);
				yield new Action(verb, null, List.of(String.valueOf(w.onOff(1))), w.text());
			}
			case LOAD -> {
				if (w.size() == 2 && "stop".equals(w.at(1))) {
					yield new Action(verb, null, List.of("stop"), w.text());
				}
				w.expect(5);
				yield new Action(verb, null, List.of(w.oneOf(1, TOPOLOGIES), w.oneOf(2, FEATURES),
						String.valueOf(w.whole(3, 1, 200)), String.valueOf(w.whole(4, 1, 120))), w.text());
			}
		};
	}

	/** The calls of the fleet's control API that do this action now. */
	public List<FleetRequest> requests(FleetView view) {
		List<FleetRequest> out = new ArrayList<>();
		switch (this.verb) {
			case START -> {
				List<FleetView.InstanceView> all = FleetState.instances(view, this.target);
				if (all.stream().noneMatch(FleetState::running)) {
					out.add(FleetRequest.post(servicePath("scale"), "replicas", "1"));
				}
				else {
					all.stream().filter(i -> !FleetState.running(i)).forEach(i -> out.add(instance(i, "start")));
				}
			}
			case STOP, KILL,
					CRASH ->
				FleetState.instances(view, this.target)
					.stream()
					.filter(FleetState::running)
					.forEach(i -> out.add(instance(i, this.verb.word())));
			case HEAL -> FleetState.instances(view, this.target)
				.stream()
				.filter(FleetState::running)
				.forEach(i -> out.add(FleetRequest.heal(i.id())));
			case SLOW -> eachRunning(view, out, "latencyMs", this.values.get(0), "latencyShare", "1");
			case ERRORS ->
				eachRunning(view, out, "errorShare", String.valueOf(Integer.parseInt(this.values.get(0)) / 100.0));
			case SCALE -> out.add(FleetRequest.post(servicePath("scale"), "replicas", this.values.get(0)));
			case DEPLOY -> out.add(FleetRequest.post(servicePath("deploy"), "version", this.values.get(0)));
			case ROLLBACK -> out.add(FleetRequest.post(servicePath("rollback")));
			case RESILIENCE -> out.add(FleetRequest.post("/api/fleet/settings", "resilience", this.values.get(0)));
			case AUTO_RESTART -> out.add(FleetRequest.post("/api/fleet/settings", "autoRestart", this.values.get(0)));
			case LOAD -> {
				if ("stop".equals(this.values.get(0))) {
					out.add(FleetRequest.post("/api/fleet/load/stop"));
				}
				else {
					String topology = this.values.get(0);
					for (String t : "both".equals(topology) ? List.of("monolith", "microservices")
							: List.of(topology)) {
						out.add(FleetRequest.post("/api/fleet/load", "topology", t, "feature", this.values.get(1),
								"rps", this.values.get(2), "seconds", this.values.get(3)));
					}
				}
			}
		}
		return out;
	}

	/** The message key of the button's label; {@link #labelArgs} fills it. */
	public String labelKey() {
		if (this.verb == Verb.LOAD && "stop".equals(this.values.get(0))) {
			return "walk.action.load.stop";
		}
		if (this.verb == Verb.RESILIENCE || this.verb == Verb.AUTO_RESTART) {
			return "walk.action." + this.verb.word() + "." + ("true".equals(this.values.get(0)) ? "on" : "off");
		}
		return "walk.action." + this.verb.word();
	}

	/**
	 * Arguments of the label: message keys (a service, a feature, a topology) or plain
	 * values.
	 */
	public List<String> labelArgs() {
		List<String> args = new ArrayList<>();
		if (this.target != null) {
			args.add(this.target.labelKey());
		}
		if (this.verb == Verb.LOAD && this.values.size() == 4) {
			args.add("walk.topology." + this.values.get(0));
			args.add("feature." + this.values.get(1));
			args.add(this.values.get(2));
			args.add(this.values.get(3));
		}
		else if (this.verb != Verb.RESILIENCE && this.verb != Verb.AUTO_RESTART && this.verb != Verb.LOAD) {
			args.addAll(this.values);
		}
		return args;
	}

	private void eachRunning(FleetView view, List<FleetRequest> out, String... fields) {
		FleetState.instances(view, this.target)
			.stream()
			.filter(FleetState::running)
			.forEach(i -> out.add(FleetRequest.post("/api/fleet/instances/" + i.id() + "/chaos", fields)));
	}

	private FleetRequest instance(FleetView.InstanceView i, String action) {
		return FleetRequest.post("/api/fleet/instances/" + i.id() + "/" + action);
	}

	private String servicePath(String action) {
		return "/api/fleet/services/" + this.target.topology() + "/" + this.target.service() + "/" + action;
	}

}
