package lab.classroom;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's model needs to know about the visitor: {@code canOperate} (may drive
 * the demos: always outside classroom mode, else the instructor only), {@code instructor}
 * (signed in) and {@code classroom} (classroom mode is on), so templates show controls
 * only to those who may use them.
 */
@ControllerAdvice
class OperateAdvice {

	private static final String AUTHORITY = "ROLE_" + InstructorAccount.ROLE;

	private final ClassroomMode mode;

	OperateAdvice(ClassroomMode mode) {
		this.mode = mode;
	}

	@ModelAttribute("canOperate")
	boolean canOperate() {
		return !this.mode.on() || instructor();
	}

	@ModelAttribute("classroom")
	boolean classroom() {
		return this.mode.on();
	}

	@ModelAttribute("instructor")
	boolean instructor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (AUTHORITY.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
