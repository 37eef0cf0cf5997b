/**
 * The monolith's assembly: the four business modules wired together in one process over
 * one database (shared with the other monolith instances on the same data dir), calling
 * each other in-process, so the resilience switch has nothing to change here. The chassis
 * serves all their routes from one port.
 */
package lab.monolith;
