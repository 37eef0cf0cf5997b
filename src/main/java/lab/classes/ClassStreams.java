package lab.classes;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import lab.content.Lang;
import lab.walkthrough.WalkthroughStore;

/**
 * The live streams, one per browser tab: {@code GET /api/classes/{code}/stream} for a
 * class's followers (event {@code step} with the shared step, event {@code fleet} with
 * the fleet's state and the walkthrough's checks, event {@code end}), and {@code GET
 * /api/walkthroughs/{slug}/stream} for a reader alone or a presenter without a class
 * (events {@code fleet} only). A request that cannot be followed is refused before the
 * stream starts, as a problem detail.
 */
@RestController
class ClassStreams {

	private final ClassHub hub;

	private final WalkthroughStore walkthroughs;

	private final ClassesProperties properties;

	ClassStreams(ClassHub hub, WalkthroughStore walkthroughs, ClassesProperties properties) {
		this.hub = hub;
		this.walkthroughs = walkthroughs;
		this.properties = properties;
	}

	@GetMapping("/api/classes/{code}/stream")
	void follow(@PathVariable String code, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		ClassState state = this.hub.state(code);
		this.hub.checkRoom();
		open(request, response, locale, ClassHub.CLASS_CHANNEL + state.code(), lastId(lastEventId));
	}

	@GetMapping("/api/walkthroughs/{slug}/stream")
	void walkthrough(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Locale locale)
			throws IOException {
		this.walkthroughs.find(Lang.EN, slug)
			.orElseThrow(() -> new ClassProblem(HttpStatus.NOT_FOUND, "class.error.walkthrough", slug));
		this.hub.checkRoom();
		open(request, response, locale, ClassHub.WALKTHROUGH_CHANNEL + slug, -1);
	}

	private void open(HttpServletRequest request, HttpServletResponse response, Locale locale, String channel,
			long lastEventId) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-cache, no-store");
		response.setHeader("X-Accel-Buffering", "no");
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(0);
		ServletOutputStream out = response.getOutputStream();
		Follower follower = new Follower(async, out, this.properties.queueEvents(), locale, channel,
				this.hub::unfollow);
		async.addListener(follower);
		out.setWriteListener(follower);
		this.hub.follow(follower, lastEventId);
	}

	private static long lastId(String header) {
		if (header == null || header.length() > 19) {
			return -1;
		}
		try {
			return Long.parseLong(header.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
