package lab.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lab.fleet.live.FleetView;

/**
 * A condition on the live fleet that a step asks for, written in a walkthrough file as a
 * short sentence: {@code down payments} ("Payments is down"),
 * {@code breaker-open payments}, {@code ready posts 3}, {@code version posts v2},
 * {@code down monolith}, {@code up payments}, {@code breaker-closed payments},
 * {@code resilience off}. Pages show it as met or not met and evaluate it on every state
 * the fleet pushes; an unknown condition stops the site's start.
 */
public record Check(Kind kind, Target target, String value, String text) {

	/** The vocabulary. */
	public enum Kind {

		DOWN, UP, BREAKER_OPEN, BREAKER_CLOSED, READY, VERSION, RESILIENCE;

		public String word() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Kind of(String word) {
			for (Kind k : values()) {
				if (k.word().equals(word)) {
					return k;
				}
			}
			return null;
		}

	}

	/** Reads one check; throws {@link IllegalArgumentException} naming what is wrong. */
	public static Check parse(String text) {
		Words w = Words.of(text);
		Kind kind = Kind.of(w.verb());
		if (kind == null) {
			throw w.bad("unknown check, one of " + List.of(Kind.values()).stream().map(Kind::word).toList());
		}
		return switch (kind) {
			case DOWN, UP, BREAKER_OPEN, BREAKER_CLOSED -> {
				w.expect(2);
				yield new Check(kind, w.target(1), null, w.text());
			}
			case READY -> {
				w.expect(3);
				yield new Check(kind, w.target(1), String.valueOf(w.whole(2, 0, 5)), w.text());
			}
			case VERSION -> {
				w.expect(3);
				yield new Check(kind, w.target(1), w.version(2), w.text());
			}
			case RESILIENCE -> {
				w.expect(2);
				yield new Check(kind, null, String.valueOf(w.onOff(1)), w.text());
			}
		};
	}

	/** Whether the fleet, as this view shows it, meets the condition. */
	public boolean met(FleetView view) {
		List<FleetView.InstanceView> instances = (this.target != null) ? FleetState.instances(view, this.target)
				: List.of();
		return switch (this.kind) {
			case DOWN -> instances.stream().noneMatch(FleetState::running);
			case UP -> instances.stream().anyMatch(FleetState::ready);
			case BREAKER_OPEN -> "open".equals(breaker(view)) || "forced_open".equals(breaker(view));
			case BREAKER_CLOSED -> "closed".equals(breaker(view));
			case READY -> instances.stream().filter(FleetState::ready).count() == Integer.parseInt(this.value);
			case VERSION -> instances.stream().anyMatch(FleetState::ready)
					&& instances.stream().filter(FleetState::running).allMatch(i -> this.value.equals(i.version()));
			case RESILIENCE -> view.settings().resilience() == Boolean.parseBoolean(this.value);
		};
	}

	public String labelKey() {
		if (this.kind == Kind.RESILIENCE) {
			return "walk.check.resilience." + ("true".equals(this.value) ? "on" : "off");
		}
		return "walk.check." + this.kind.word();
	}

	/** Arguments of the label: the service's message key, then the value. */
	public List<String> labelArgs() {
		List<String> args = new ArrayList<>();
		if (this.target != null) {
			args.add(this.target.labelKey());
			if (this.value != null) {
				args.add(this.value);
			}
		}
		return args;
	}

	private String breaker(FleetView view) {
		return FleetState.service(view, this.target).map(FleetView.ServiceView::breaker).orElse("");
	}

}
