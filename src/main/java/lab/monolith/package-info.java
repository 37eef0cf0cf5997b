/**
 * The monolith's assembly: the four business modules wired together in one process over one
 * database, calling each other in-process. The chassis serves all their routes from one port.
 */
package lab.monolith;
