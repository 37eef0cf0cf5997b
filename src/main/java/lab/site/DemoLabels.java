package lab.site;

import java.util.List;

/**
 * The words the live demo's script needs, handed to it in the page (as {@code demo.<key>} from the
 * bundles), so the script itself holds no text in any language.
 */
public final class DemoLabels {

	public static final List<String> KEYS = List.of("action.start", "action.stop", "action.kill", "action.crash",
			"action.slow", "action.errors", "action.heal", "action.hang", "scale.in", "scale.out", "deploy.v1",
			"deploy.v2", "deploy.v3", "rollback", "breaker", "busy", "replicas", "gateway", "store.nameUnavailable", "store.tip",
			"store.tipDone", "store.tipReplayed", "store.react", "store.reactions", "store.empty", "memory");

	private DemoLabels() {
	}

}
