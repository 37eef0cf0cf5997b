package lab.classroom;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wrong passwords per client address (form or HTTP Basic), counted from Spring Security's
 * failure events: a few a minute are allowed, then the client must wait until its budget
 * refills.
 */
class LoginFailures {

	private final ClientBudget budget;

	LoginFailures(int perMinute) {
		this.budget = new ClientBudget(perMinute, perMinute);
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			this.budget.take(details.getRemoteAddress());
		}
	}

	boolean blocked(String client) {
		return this.budget.exhausted(client);
	}

	long secondsToWait(String client) {
		return this.budget.secondsToWait(client);
	}

}
