/**
 * The supervisor: which instances each service has, and launching, stopping and watching
 * their processes (exit, crash, auto-restart) through a
 * {@link lab.fleet.supervisor.ProcessBackend}.
 */
package lab.fleet.supervisor;
