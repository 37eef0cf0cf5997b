package lab.fleet;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the fleet's and the storefront's APIs as RFC 9457 problem details, in the caller's language. */
@RestControllerAdvice(assignableTypes = { FleetController.class, StoreController.class, ProxyController.class,
		FleetStream.class })
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
