package lab.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import lab.fleet.EventLog;
import lab.fleet.supervisor.Fleet;
import lab.fleet.FleetProblem;

/**
 * Who did what: every control action asked for (from a lesson widget or the control room)
 * becomes a line in the fleet's log, tagged with the visitor's page, before its
 * consequences ("payments-1 killed") so the log reads in order. Only actions on instances
 * and services that exist are logged. A page names itself with a random token in the
 * {@code X-Demo-Actor} header; the log shows only a salted hash of it, and the answer
 * carries that hash back ({@code X-Demo-Actor-Tag}), so each page can tell its own
 * actions ("you") from another visitor's without anyone learning another page's token.
 */
class DemoActions implements HandlerInterceptor {

	static final String ACTOR_HEADER = "X-Demo-Actor";

	static final String TAG_HEADER = "X-Demo-Actor-Tag";

	/** Actions from a page that sent no token (the control room's forms). */
	static final String UNNAMED = "visitor";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");

	private static final String PREFIX = "^/(?:api/fleet|(?:en|fa)/demo)";

	private static final Pattern INSTANCE = Pattern.compile(PREFIX
			+ "/instances/((monolith|users|posts|threads|payments)-[0-9]{1,3})/(start|stop|kill|restart|crash|chaos)$");

	private static final Pattern SERVICE = Pattern.compile(PREFIX
			+ "/services/(monolith|microservices)/(monolith|users|posts|threads|payments)/(scale|deploy|rollback)$");

	private static final Pattern SETTINGS = Pattern.compile(PREFIX + "/settings$");

	private static final Pattern LOAD = Pattern.compile("^/api/fleet/load(/stop)?$");

	private static final Pattern VALUE = Pattern.compile("v[12]|true|false|feed|users|post|reply|tip|[0-9]{1,3}");

	private final EventLog events;

	private final Fleet fleet;

	private final byte[] salt = new byte[16];

	DemoActions(EventLog events, Fleet fleet) {
		this.events = events;
		this.fleet = fleet;
		new SecureRandom().nextBytes(this.salt);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String token = request.getHeader(ACTOR_HEADER);
		String actor = UNNAMED;
		if (token != null && TOKEN.matcher(token).matches()) {
			actor = tag(token);
			response.setHeader(TAG_HEADER, actor);
		}
		if ("POST".equals(request.getMethod())) {
			log(actor, request);
		}
		return true;
	}

	private void log(String actor, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher m = INSTANCE.matcher(path);
		if (m.matches() && exists(m.group(1))) {
			String topology = "monolith".equals(m.group(2)) ? "monolith" : "microservices";
			String action = m.group(3);
			if ("chaos".equals(action)) {
				action = chaosKind(request);
			}
			this.events.addBy(actor, topology, "event.by." + action, false, m.group(1));
			return;
		}
		m = SERVICE.matcher(path);
		if (m.matches()) {
			String value = value(request.getParameter("deploy".equals(m.group(3)) ? "version" : "replicas"));
			if ("scale".equals(m.group(3)) && !value.matches("[1-5]")
					|| "deploy".equals(m.group(3)) && !value.matches("v[12]")) {
				return;
			}
			this.events.addBy(actor, m.group(1), "event.by." + m.group(3), false, "service." + m.group(2), value);
			return;
		}
		if (SETTINGS.matcher(path).matches()) {
			setting(actor, "resilience", request.getParameter("resilience"));
			setting(actor, "autoRestart", request.getParameter("autoRestart"));
			setting(actor, "deadline", request.getParameter("deadline"));
			String retries = request.getParameter("retries");
			if (retries != null && retries.matches("[0-3]")) {
				this.events.addBy(actor, null, "event.by.retries", false, retries);
			}
			return;
		}
		m = LOAD.matcher(path);
		if (m.matches()) {
			if (m.group(1) != null) {
				this.events.addBy(actor, null, "event.by.loadStop", false);
			}
			else {
				this.events.addBy(actor, value(request.getParameter("topology")), "event.by.load", false,
						"feature." + value(request.getParameter("feature")), value(request.getParameter("rps")));
			}
		}
	}

	private boolean exists(String instance) {
		try {
			this.fleet.instance(instance);
			return true;
		}
		catch (FleetProblem ex) {
			return false;
		}
	}

	private void setting(String actor, String name, String value) {
		if (value != null) {
			this.events.addBy(actor, null, "event.by." + name + ("true".equals(value) ? ".on" : ".off"), false);
		}
	}

	private static String chaosKind(HttpServletRequest request) {
		if (positive(request.getParameter("latencyMs")) && positive(request.getParameter("latencyShare"))) {
			return "slow";
		}
		if (positive(request.getParameter("hangShare"))) {
			return "hang";
		}
		return positive(request.getParameter("errorShare")) ? "errors" : "heal";
	}

	private static boolean positive(String number) {
		try {
			return number != null && Double.parseDouble(number) > 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** Only values the API accepted reach the log; anything else is shown as nothing. */
	private static String value(String value) {
		return (value != null && VALUE.matcher(value).matches()) ? value : "";
	}

	private String tag(String token) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.salt);
			byte[] hash = sha.digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
