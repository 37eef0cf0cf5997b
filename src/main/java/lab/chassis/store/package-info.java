/**
 * The store of a demo process: one H2 file database per service in {@code --data-dir},
 * shared by all the service's instances on that dir (H2's mixed mode, served over
 * 127.0.0.1 only by the instance that opened it first), opened so that every acknowledged
 * commit is already written to the file (it survives {@code kill -9} of any instance),
 * and reconnecting when the serving instance dies.
 */
package lab.chassis.store;
