/**
 * The store of a demo process: one embedded H2 file database in {@code --data-dir}, opened so that
 * every acknowledged commit is already written to the file (it survives {@code kill -9}).
 */
package lab.chassis.store;
