package lab.classes;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import lab.walkthrough.WalkthroughStore;

/**
 * {@code /api/classes}: start a class for a walkthrough, read its state, move it, end it,
 * and its QR code. Refusals are problem details in the caller's language.
 */
@RestController
@RequestMapping("/api/classes")
class ClassApi {

	static final String JOIN_PATH = "/join/";

	private final ClassHub hub;

	private final Drivers drivers;

	private final WalkthroughStore walkthroughs;

	private final MessageSource messages;

	ClassApi(ClassHub hub, Drivers drivers, WalkthroughStore walkthroughs, MessageSource messages) {
		this.hub = hub;
		this.drivers = drivers;
		this.walkthroughs = walkthroughs;
		this.messages = messages;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> start(@RequestParam(required = false) String walkthrough, Locale locale) {
		ClassState state = this.hub.start(walkthrough);
		String token = this.hub.driverToken(state.code());
		Map<String, Object> body = body(state, locale);
		body.put("token", token);
		return ResponseEntity.created(URI.create("/api/classes/" + state.code())).body(body);
	}

	@GetMapping("/{code}")
	Map<String, Object> state(@PathVariable String code, Locale locale) {
		return body(this.hub.state(code), locale);
	}

	@PostMapping("/{code}/step")
	Map<String, Object> move(@PathVariable String code, @RequestParam(required = false) String step,
			HttpServletRequest request, Locale locale) {
		this.drivers.require(request, this.hub.driverToken(code));
		return body(this.hub.move(code, whole(step)), locale);
	}

	@DeleteMapping("/{code}")
	Map<String, Object> end(@PathVariable String code, HttpServletRequest request, Locale locale) {
		this.drivers.require(request, this.hub.driverToken(code));
		return body(this.hub.end(code), locale);
	}

	@GetMapping(path = "/{code}/qr", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable String code, HttpServletRequest request, Locale locale) {
		ClassState state = this.hub.state(code);
		String url = ServletUriComponentsBuilder.fromContextPath(request)
			.replacePath(JOIN_PATH + state.code())
			.replaceQuery(null)
			.toUriString();
		String label = this.messages.getMessage("class.qr.label", new Object[] { url }, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.header("Cache-Control", "no-store")
			.body(QrCodes.svg(url, label));
	}

	private Map<String, Object> body(ClassState state, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", state.code());
		body.put("walkthrough", state.walkthrough());
		body.put("step", state.step());
		body.put("steps", state.steps());
		body.put("title",
				this.walkthroughs.find(ClassHub.lang(locale), state.walkthrough())
					.filter(w -> w.hasStep(state.step()))
					.map(w -> w.step(state.step()).title())
					.orElse(""));
		body.put("ended", state.ended());
		body.put("join", JOIN_PATH + state.code());
		body.put("qr", "/api/classes/" + state.code() + "/qr");
		body.put("stream", "/api/classes/" + state.code() + "/stream");
		return body;
	}

	private static int whole(String step) {
		try {
			return Integer.parseInt(String.valueOf(step).trim());
		}
		catch (NumberFormatException ex) {
			throw new ClassProblem(HttpStatus.BAD_REQUEST, "class.error.stepNumber");
		}
	}

}
