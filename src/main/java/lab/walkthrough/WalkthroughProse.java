package lab.walkthrough;

/**
 * The part of a walkthrough file a reader sees as prose, for language checks (typography, term
 * base): the front matter without its {@code start} actions, each step's text, the {@code hint} of
 * its step block (the block's other keys are vocabulary, the same in both languages) and its speaker
 * notes. Every other line becomes empty, so line numbers stay those of the file.
 */
public final class WalkthroughProse {

	private WalkthroughProse() {
	}

	public static String of(String file) {
		StringBuilder out = new StringBuilder();
		String block = null;
		boolean frontMatter = false;
		boolean startList = false;
		String[] lines = file.replace("\r\n", "\n").split("\n", -1);
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n];
			String kept = line;
			if (n == 0 && line.equals("---")) {
				frontMatter = true;
			}
			else if (frontMatter) {
				if (line.equals("---")) {
					frontMatter = false;
				}
				else if (line.startsWith("start:")) {
					startList = true;
					kept = "";
				}
				else if (startList && (line.startsWith(" ") || line.startsWith("-"))) {
					kept = "";
				}
				else {
					startList = false;
				}
			}
			else if (block == null && (line.equals("```step") || line.equals("```notes"))) {
				block = line.substring(3);
				kept = "";
			}
			else if (block != null && line.equals("```")) {
				block = null;
				kept = "";
			}
			else if ("step".equals(block)) {
				kept = line.startsWith("hint:") ? line.substring("hint:".length()).strip() : "";
			}
			out.append(kept);
			if (n < lines.length - 1) {
				out.append('\n');
			}
		}
		return out.toString();
	}

}
