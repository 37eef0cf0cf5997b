/**
 * Cross-cutting configuration of the site: locale from the path, message bundles,
 * security headers, number and date formats per language.
 */
package lab.system;
