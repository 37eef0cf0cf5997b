package lab.site;

import java.util.List;

/**
 * The words the live demo's script needs, handed to it in the page (as {@code demo.<key>}
 * from the bundles), so the script itself holds no text in any language.
 */
public final class DemoLabels {

	public static final List<String> KEYS = List.of("action.start", "action.stop", "action.kill", "action.crash",
			"action.slow", "action.errors", "action.heal", "action.hang", "scale.in", "scale.out", "deploy.v1",
			"deploy.v2", "deploy.v3", "rollback", "busy", "gateway", "store.nameUnavailable", "store.tip",
			"store.tipDone", "store.tipReplayed", "store.react", "store.reactions", "store.empty", "store.post",
			"hint.autoRestart", "hint.stop", "hint.kill", "hint.crash", "hint.restart", "hint.start", "hint.slow",
			"hint.errors", "hint.heal", "hint.hang", "quick.hang", "said.hang", "hint.scale", "hint.deploy",
			"hint.rollback", "controls.fewer", "resilience.on", "resilience.off", "autoRestart.on", "autoRestart.off",
			"diagram.caption", "figures.of", "group.instance", "fig.version", "fig.pid", "fig.port", "fig.memory",
			"fig.cpu", "fig.rps", "fig.errors", "fig.failed", "fig.p95", "fig.error", "fig.running", "fig.breaker",
			"fig.busy", "fig.fleetMemory", "fig.siteMemory", "unit.mb", "unit.ms", "unit.perSecond", "unit.percent",
			"quick.stop", "quick.kill", "quick.crash", "quick.restart", "quick.start", "quick.slow", "quick.errors",
			"quick.heal", "quick.busy", "quick.deploy", "quick.rollback", "quick.scaleOut", "quick.scaleIn",
			"said.sending", "said.done", "said.failed", "said.state", "said.back", "said.working", "said.service",
			"said.slow", "said.errors", "said.healed", "said.loadStarted", "said.posted", "said.refused", "why.down",
			"why.breaker", "needs.monolith", "needs.users", "needs.posts", "needs.threads", "needs.payments",
			"tag.monolith", "tag.microservices", "tag.both", "who.you", "who.other", "store.answeredBy", "store.tipWho",
			"store.reactWho", "store.tipSelf", "controls.all", "deadline.on", "deadline.off", "storm.received",
			"storm.count", "said.tipWaited");

	private DemoLabels() {
	}

}
