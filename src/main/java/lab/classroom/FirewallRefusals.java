package lab.classroom;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import lab.system.Refusal;

/**
 * A request Spring Security's firewall refuses (a host not on the allow-list, an encoded
 * slash or dot segment, a control character) gets 400 with a localized page or problem
 * detail, never 500.
 */
final class FirewallRefusals implements RequestRejectedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		String message = String.valueOf(rejected.getMessage());
		boolean host = message.contains("domain") && message.contains("untrusted");
		Refusal.send(request, response, 400, host ? "classroom.refused.host" : "error.badRequest.text");
	}

}
