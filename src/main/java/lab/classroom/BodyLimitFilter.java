package lab.classroom;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import lab.system.Refusal;

/**
 * Request bodies are small here (a form, a post of 280 characters): a body longer than
 * the cap is refused with 413 before anything reads it, and a body of unknown length
 * (chunked) with 411, so no client can make the site buffer megabytes. Tomcat's form-size
 * cap says the same for forms.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	BodyLimitFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			Refusal.send(request, response, 413, "classroom.refused.tooLarge");
			return;
		}
		if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			Refusal.send(request, response, 411, "classroom.refused.length");
			return;
		}
		chain.doFilter(request, response);
	}

}
