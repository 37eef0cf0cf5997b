/**
 * The site's pages: home, lessons with their quizzes, glossary, about, and the localized
 * error pages, in English and Persian under {@code /en/} and {@code /fa/}.
 */
package lab.site;
