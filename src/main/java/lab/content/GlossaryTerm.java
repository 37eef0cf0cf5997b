package lab.content;

/** A term of the course in both languages, with a one-line definition in each. */
public record GlossaryTerm(String id, String en, String fa, String definitionEn, String definitionFa) {

	public String term(Lang lang) {
		return (lang == Lang.FA) ? this.fa : this.en;
	}

	public String definition(Lang lang) {
		return (lang == Lang.FA) ? this.definitionFa : this.definitionEn;
	}

	/** The term in the other language, shown beside it. */
	public String counterpart(Lang lang) {
		return term(lang.other());
	}

}
