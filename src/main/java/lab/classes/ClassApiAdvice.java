package lab.classes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of the class API and streams as RFC 9457 problem details in the caller's
 * language, sent as {@code application/problem+json} whatever the request accepted (an
 * EventSource asks for {@code text/event-stream}).
 */
@RestControllerAdvice(assignableTypes = { ClassApi.class, ClassStreams.class })
class ClassApiAdvice {

	private final MessageSource messages;

	private final JsonMapper json;

	ClassApiAdvice(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@ExceptionHandler(ClassProblem.class)
	ResponseEntity<String> problem(ClassProblem problem, Locale locale) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(),
				this.messages.getMessage(problem.code(), problem.args(), problem.code(), locale));
		body.setTitle(problem.status().getReasonPhrase());
		body.setProperty("code", problem.code());
		return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(json(body));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<String> method(HttpRequestMethodNotSupportedException ex, Locale locale) {
		return problem(new ClassProblem(HttpStatus.METHOD_NOT_ALLOWED, "class.error.method"), locale);
	}

	private String json(ProblemDetail p) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", p.getTitle());
		body.put("status", p.getStatus());
		body.put("detail", p.getDetail());
		body.putAll(p.getProperties());
		return this.json.writeValueAsString(body);
	}

}
