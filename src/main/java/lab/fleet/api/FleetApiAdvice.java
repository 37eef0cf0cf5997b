package lab.fleet.api;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import lab.fleet.FleetProblem;

/**
 * Refusals of the fleet's and the storefront's APIs (every controller under
 * {@code lab.fleet}: the control API, the storefront, the load balancer's front door, the
 * live stream) as RFC 9457 problem details, in the caller's language.
 */
@RestControllerAdvice(basePackages = "lab.fleet")
class FleetApiAdvice {

	private final MessageSource messages;

	FleetApiAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(FleetProblem.class)
	ResponseEntity<ProblemDetail> problem(FleetProblem problem, Locale locale) {
		Object[] args = problem.args();
		for (int n = 0; n < args.length; n++) {
			if (args[n] instanceof String s && s.startsWith("service.")) {
				args[n] = this.messages.getMessage(s, null, s, locale);
			}
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(),
				this.messages.getMessage(problem.code(), args, problem.code(), locale));
		body.setTitle(problem.status().getReasonPhrase());
		body.setProperty("code", problem.code());
		return ResponseEntity.status(problem.status()).body(body);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex, Locale locale) {
		return problem(new FleetProblem(HttpStatus.METHOD_NOT_ALLOWED, "fleet.error.method"), locale);
	}

}
