/**
 * The course content: lessons, quizzes and the glossary, read from {@code content/} and
 * rendered from Markdown once, then served from memory.
 */
package lab.content;
