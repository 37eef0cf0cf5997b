package lab.chassis;

import java.util.Map;
import java.util.function.Supplier;

import lab.chassis.http.Chaos;
import lab.chassis.http.Json;
import lab.chassis.http.Result;
import lab.chassis.http.Router;
import lab.chassis.http.WebServer;
import lab.chassis.remote.Resilience;

/**
 * What the supervisor and the live view use, never touched by chaos:
 * {@code GET /health/live}, {@code GET /health/ready}, {@code GET /info},
 * {@code GET|POST /chaos}, {@code POST /chaos/crash}, and {@code GET|POST /settings}
 * {"peerTimeoutMs": 1..60000, "fallbacks": true|false} (a POST changes the fields it
 * names and answers with all of them; see {@link Resilience}).
 */
final class OpsEndpoints {

	/**
	 * The exit status of a process that crashed on request, so the supervisor can tell it
	 * from others.
	 */
	static final int CRASH_EXIT_STATUS = 70;

	private OpsEndpoints() {
	}

	static void register(Router router, WebServer web, Chaos chaos, Resilience resilience,
			Supplier<Map<String, Object>> info, String instance) {
		router.get("/health/live", call -> Result.ok(Json.object("status", "UP")));
		router.get("/health/ready", call -> web.state() == WebServer.State.READY
				? Result.ok(Json.object("status", "UP")) : Result.of(503, Json.object("status", web.state().name())));
		router.get("/info", call -> Result.ok(info.get()));
		router.get("/chaos", call -> Result.ok(chaos.settings().toJson()));
		router.post("/chaos", call -> Result.ok(chaos.update(call.jsonObjectOrEmpty()).toJson()));
		router.get("/settings", call -> Result.ok(resilience.values().toJson()));
		router.post("/settings", call -> Result.ok(resilience.update(call.jsonObjectOrEmpty()).toJson()));
		router.post("/chaos/crash", call -> new Result(202, Json.object("crashing", true, "instance", instance), () -> {
			System.err.println(instance + " crashing on request");
			System.err.flush();
			// halt, not exit: no shutdown hooks, no clean close, like a real crash
			Runtime.getRuntime().halt(CRASH_EXIT_STATUS);
		}));
	}

}
