package lab.walkthrough;

import java.util.List;

/**
 * The words of one action or check as a walkthrough file writes it
 * ({@code kill payments}, {@code ready posts 3}), with the checks every parser of the
 * vocabulary needs.
 */
record Words(String text, List<String> parts) {

	static Words of(String text) {
		String t = (text == null) ? "" : text.trim().replaceAll("\\s+", " ");
		return new Words(t, t.isEmpty() ? List.of() : List.of(t.split(" ")));
	}

	String verb() {
		return this.parts.isEmpty() ? "" : this.parts.get(0);
	}

	int size() {
		return this.parts.size();
	}

	String at(int n) {
		if (n >= this.parts.size()) {
			throw bad("needs " + n + " word(s) after the verb");
		}
		return this.parts.get(n);
	}

	void expect(int count) {
		if (this.parts.size() != count) {
			throw bad("needs exactly " + (count - 1) + " word(s) after the verb");
		}
	}

	Target target(int n) {
		return Target.of(at(n)).orElseThrow(() -> bad("unknown service '" + at(n) + "', one of " + Target.SERVICES));
	}

	int whole(int n, int min, int max) {
		try {
			int value = Integer.parseInt(at(n));
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw bad("'" + at(n) + "' is not a whole number from " + min + " to " + max);
	}

	boolean onOff(int n) {
		return switch (at(n)) {
			case "on" -> true;
			case "off" -> false;
			default -> throw bad("'" + at(n) + "' is neither on nor off");
		};
	}

	String oneOf(int n, List<String> allowed) {
		if (!allowed.contains(at(n))) {
			throw bad("'" + at(n) + "' is not one of " + allowed);
		}
		return at(n);
	}

	String version(int n) {
		if (!at(n).matches("v[1-9]")) {
			throw bad("'" + at(n) + "' is not a version such as v2");
		}
		return at(n);
	}

	IllegalArgumentException bad(String why) {
		return new IllegalArgumentException("'" + this.text + "': " + why);
	}

}
