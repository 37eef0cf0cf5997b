package lab.fleet.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import lab.fleet.Feature;
import lab.fleet.FleetProblem;
import lab.fleet.Params;
import lab.fleet.Topology;
import lab.system.LocalizedFormat;

/**
 * The storefront's API, {@code /api/store/{topology}/...}: what the demo app on a lesson
 * page calls. Forms are checked here first, with messages in the caller's language; then
 * the gateway calls the service behind the feature. Every answer has the same shape:
 * {@code ok}, a {@code message} for people (a fallback or a refusal), and the service's
 * {@code data}.
 */
@RestController
@RequestMapping("/api/store/{topology}")
class StoreController {

	private final Gateway gateway;

	private final MessageSource messages;

	private final JsonMapper json;

	private final DemoTraffic traffic;

	StoreController(Gateway gateway, MessageSource messages, JsonMapper json,
			@Qualifier("storeTraffic") DemoTraffic traffic) {
		this.gateway = gateway;
		this.messages = messages;
		this.json = json;
		this.traffic = traffic;
	}

	record PostForm(
			@NotNull(message = "{store.error.author}") @Min(value = 1, message = "{store.error.author}") Long authorId,
			@NotBlank(message = "{store.error.text}") @Size(max = 280, message = "{store.error.text}") String text) {
	}

	record TipForm(
			@NotNull(message = "{store.error.author}") @Min(value = 1,
					message = "{store.error.author}") Long fromUserId,
			@NotNull(message = "{store.error.author}") @Min(value = 1, message = "{store.error.author}") Long toUserId,
			@NotNull(message = "{store.error.amount}") @Min(value = 1, message = "{store.error.amount}") @Max(
					value = 100000, message = "{store.error.amount}") Long amountCents,
			@NotNull(message = "{store.error.key}") @Pattern(regexp = "[A-Za-z0-9-]{8,64}",
					message = "{store.error.key}") String idempotencyKey) {
	}

	@GetMapping("/feed")
	CompletableFuture<ResponseEntity<Map<String, Object>>> feed(@PathVariable String topology, Locale locale) {
		return call(topology(topology), Feature.FEED, "GET", "/api/posts?limit=20", null, locale);
	}

	@GetMapping("/users")
	CompletableFuture<ResponseEntity<Map<String, Object>>> users(@PathVariable String topology, Locale locale) {
		return call(topology(topology), Feature.USERS, "GET", "/api/users", null, locale);
	}

	@PostMapping("/posts")
	CompletableFuture<ResponseEntity<Map<String, Object>>> post(@PathVariable String topology,
			@Valid @ModelAttribute PostForm form, BindingResult errors, Locale locale) {
		return send(topology, Feature.POST, "/api/posts", form, errors, locale);
	}

	@PostMapping("/posts/{postId}/reactions")
	CompletableFuture<ResponseEntity<Map<String, Object>>> react(@PathVariable String topology,
			@PathVariable String postId, Locale locale) {
		long id = Params.whole(postId, 1, Integer.MAX_VALUE, "store.error.post");
		return call(topology(topology), Feature.POST, "POST", "/api/posts/" + id + "/reactions", null, locale);
	}

	@GetMapping("/posts/{postId}/replies")
	CompletableFuture<ResponseEntity<Map<String, Object>>> replies(@PathVariable String topology,
			@PathVariable String postId, Locale locale) {
		long id = Params.whole(postId, 1, Integer.MAX_VALUE, "store.error.post");
		return call(topology(topology), Feature.REPLY, "GET", "/api/threads/" + id + "/replies", null, locale);
	}

	@PostMapping("/posts/{postId}/replies")
	CompletableFuture<ResponseEntity<Map<String, Object>>> reply(@PathVariable String topology,
			@PathVariable String postId, @Valid @ModelAttribute PostForm form, BindingResult errors, Locale locale) {
		long id = Params.whole(postId, 1, Integer.MAX_VALUE, "store.error.post");
		return send(topology, Feature.REPLY, "/api/threads/" + id + "/replies", form, errors, locale);
	}

	@PostMapping("/tips")
	CompletableFuture<ResponseEntity<Map<String, Object>>> tip(@PathVariable String topology,
			@Valid @ModelAttribute TipForm form, BindingResult errors, Locale locale) {
		return send(topology, Feature.TIP, "/api/tips", form, errors, locale);
	}

	/**
	 * A checked form, sent on as JSON through the gateway; a form with mistakes goes back
	 * at once.
	 */
	private CompletableFuture<ResponseEntity<Map<String, Object>>> send(String topology, Feature feature, String path,
			Object form, BindingResult errors, Locale locale) {
		Topology t = topology(topology);
		if (errors.hasErrors()) {
			return CompletableFuture.completedFuture(refused(errors, locale));
		}
		return call(t, feature, "POST", path, body(form), locale);
	}

	/**
	 * The gateway's call on the storefront's bulkhead ({@link DemoTraffic}): Tomcat's
	 * thread is free while it runs, and when the bulkhead is full the storefront hears so
	 * at once.
	 */
	private CompletableFuture<ResponseEntity<Map<String, Object>>> call(Topology topology, Feature feature,
			String method, String path, byte[] body, Locale locale) {
		return this.traffic.run(() -> answer(this.gateway.call(topology, feature, method, path, body), locale),
				() -> answer(new Gateway.Answer(503, null, "store.busy", null), locale));
	}

	private static Topology topology(String id) {
		return Topology.of(id).orElseThrow(() -> FleetProblem.notFound("fleet.error.unknownTopology", id));
	}

	private byte[] body(Object form) {
		return this.json.writeValueAsBytes(form);
	}

	private ResponseEntity<Map<String, Object>> answer(Gateway.Answer answer, Locale locale) {
		Map<String, Object> out = new LinkedHashMap<>();
		Object data = null;
		if (answer.body() != null && answer.body().length > 0) {
			try {
				data = this.json.readValue(answer.body(), Object.class);
			}
			catch (RuntimeException ex) {
				data = null;
			}
		}
		String message = null;
		if (answer.fallback() != null) {
			message = text(answer.fallback(), locale);
		}
		else if (answer.status() == 504 && answer.deadlineSpent()) {
			message = this.messages.getMessage("store.error.deadline",
					new Object[] { LocalizedFormat.digits(String.valueOf(answer.tookMs()), locale),
							LocalizedFormat.digits(String.valueOf(answer.attempts()), locale) },
					locale);
		}
		else if (answer.status() == 504) {
			// resilience off: the page waited as long as the service made it
			message = this.messages.getMessage("store.error.waited",
					new Object[] { LocalizedFormat.digits(String.valueOf(answer.tookMs()), locale) }, locale);
		}
		else if (answer.status() >= 500) {
			message = text("store.error.failed", locale);
		}
		else if (answer.status() >= 400) {
			String code = (data instanceof Map<?, ?> problem && problem.get("code") != null)
					? problem.get("code").toString() : "store.error.refused";
			message = this.messages.getMessage("code." + code, null, text("store.error.refused", locale), locale);
		}
		out.put("ok", answer.status() < 400);
		out.put("message", message);
		out.put("instance", answer.instance());
		out.put("waitedMs", answer.tookMs());
		out.put("attempts", answer.attempts());
		out.put("deadlineSpent", answer.deadlineSpent());
		out.put("data", data);
		return ResponseEntity.status(answer.status()).body(out);
	}

	private ResponseEntity<Map<String, Object>> refused(BindingResult errors, Locale locale) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError e : errors.getFieldErrors()) {
			fields.putIfAbsent(e.getField(), this.messages.getMessage(e, locale));
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("ok", false);
		out.put("message", text("store.error.form", locale));
		out.put("fields", fields);
		return ResponseEntity.badRequest().body(out);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
