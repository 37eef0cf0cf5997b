/**
 * Who may do what on the site: classroom mode (only the signed-in instructor operates the
 * demo fleet), and the protections that always hold (no other site, no forged host,
 * budgets per client). Built on Spring Security; knows no pages and no fleet internals,
 * only their addresses.
 */
package lab.classroom;
