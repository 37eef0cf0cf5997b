/**
 * The store of a demo process: one H2 file database per service. In the fleet the site
 * keeps the databases open and serves them to the demo processes over 127.0.0.1
 * ({@link lab.chassis.store.H2Server}); a process started by itself opens its database in
 * {@code --data-dir} and shares it with the service's other instances on that dir (H2's
 * mixed mode, served over 127.0.0.1 only by the instance that opened it first,
 * reconnecting when that instance dies). Either way every acknowledged commit is already
 * written to the file (it survives {@code kill -9} of any instance).
 */
package lab.chassis.store;
